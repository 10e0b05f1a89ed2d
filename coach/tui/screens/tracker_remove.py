"""Ask before deleting a tracker: its whole history goes with it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.context import Context
from coach.i18n import t
from coach.trackers.service import TrackerService
from coach.tui.markup import escape
from coach.tui.screens.base import CoachModal


class TrackerRemoveModal(CoachModal):
    """Dismissed with the deleted tracker's name, or None."""

    DEFAULT_CSS = """
    TrackerRemoveModal { align: center middle; }
    TrackerRemoveModal #remove-box {
        width: 60; max-width: 100%; height: auto; border: round $error; padding: 1 2;
        background: $surface;
    }
    TrackerRemoveModal .form-buttons { height: auto; margin-top: 1; }
    TrackerRemoveModal .form-buttons Button { margin-right: 2; }
    """

    def __init__(self, context: Context, name: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.context = context
        self.tracker_name = name

    def compose(self) -> ComposeResult:
        with Vertical(id="remove-box"):
            yield Static(escape(t("trackers.form.remove_title", name=self.tracker_name)))
            with Horizontal(classes="form-buttons"):
                yield Button(t("trackers.form.cancel"), id="cancel")
                yield Button(t("trackers.form.remove_yes"), variant="error", id="remove")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id != "remove":
            self.dismiss(None)
            return
        removed = TrackerService(self.context).remove(self.tracker_name)
        self.notify(t("trackers.removed", name=removed.name), timeout=5)
        self.dismiss(removed.name)
