"""A tracker's triggers: the most common, and the hours and days urges come."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from coach.context import Context
from coach.i18n import t
from coach.trackers.service import TrackerService
from coach.trackers.text import trigger_lines
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class TrackerTriggersScreen(CoachScreen):
    DEFAULT_CSS = """
    TrackerTriggersScreen #triggers { padding: 1 2; }
    TrackerTriggersScreen #triggers-title { text-style: bold; color: $accent; margin-bottom: 1; }
    """

    def __init__(self, context: Context, name: str, **kwargs) -> None:
        super().__init__(context, **kwargs)
        self.tracker_name = name

    def compose(self) -> ComposeResult:
        data = TrackerService(self.context).triggers(self.tracker_name)
        with VerticalScroll(id="triggers"):
            title = t("trackers.triggers_screen_title", name=data["tracker"])
            yield Static(escape(title), id="triggers-title")
            yield Static(escape("\n".join(trigger_lines(data))), id="triggers-body")
        yield SosHint()
        yield Footer()
