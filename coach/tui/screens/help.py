"""The keys, in one place."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from coach.i18n import t
from coach.tui.areas import Area
from coach.tui.screens.base import CoachModal


class HelpScreen(CoachModal):
    def __init__(self, areas: list[Area]) -> None:
        super().__init__()
        self.areas = areas

    def compose(self) -> ComposeResult:
        rows = [
            ("F1", t("tui.help_sos")),
            ("F2  ?", t("tui.help_help")),
            ("Ctrl+P", t("tui.help_palette")),
            ("Ctrl+T", t("tui.help_theme")),
            ("Esc", t("tui.help_back")),
            ("Ctrl+Q", t("tui.help_quit")),
        ]
        rows += [(a.key, t(a.title)) for a in self.areas if not a.hidden]
        body = "\n".join(f"[b]{key:>8}[/b]  {text}" for key, text in rows)
        with VerticalScroll(id="help"):
            yield Static(f"[b]{t('tui.help_title')}[/b]\n", classes="title")
            yield Static(body)
            yield Static(f"\n[dim]{t('tui.help_close')}[/dim]")
