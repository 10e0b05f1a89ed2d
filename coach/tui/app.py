"""The Textual application: global keys, the command palette, and the first screen."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandPalette
from textual.screen import Screen

from coach.context import Context
from coach.i18n import t
from coach.tui.areas import Area, discover
from coach.tui.bindings import translate_bindings


class CoachApp(App):
    CSS_PATH = "coach.tcss"
    TITLE = "coach"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "sos", "tui.key_sos", priority=True),
        Binding("f2,question_mark", "help", "tui.key_help"),
        Binding("ctrl+p", "command_palette", "tui.key_palette", show=False, priority=True),
        Binding("ctrl+t", "toggle_theme", "tui.key_theme", show=False),
        Binding("ctrl+q", "quit", "tui.key_quit", priority=True),
    ]

    def __init__(
        self, context: Context, start: str | None = None, start_options: dict | None = None
    ) -> None:
        super().__init__()
        translate_bindings(self)
        self.context = context
        self.areas: list[Area] = discover()
        self._start = start
        self._start_options = start_options or {}
        if context.config.reduced_motion:
            self.animation_level = "none"
        self.theme = "textual-light" if context.config.get("theme") == "light" else "textual-dark"

    def on_mount(self) -> None:
        from coach.tui.screens.home import HomeScreen

        self.push_screen(HomeScreen(self.context))
        if self._start:
            self.open_area(self._start, **self._start_options)
        # The detector compiles its rules and loads its model on first use (about a second):
        # done now, in the background, the first message typed is read at once.
        self.run_worker(_warm_detector, thread=True, group="warm", exit_on_error=False)

    def area(self, area_id: str) -> Area | None:
        return next((a for a in self.areas if a.id == area_id), None)

    def open_area(self, area_id: str, **options: Any) -> None:
        area = self.area(area_id)
        if area is not None:
            self.push_screen(area.open(self.context, **options))

    def action_sos(self) -> None:
        from coach.tui.screens.sos import SosScreen

        if not isinstance(self.screen, SosScreen):
            self.push_screen(SosScreen(self.context))

    def action_help(self) -> None:
        from coach.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.areas))

    def action_command_palette(self) -> None:
        if not CommandPalette.is_open(self):
            self.push_screen(
                CommandPalette(placeholder=t("tui.palette_placeholder"), id="--command-palette")
            )

    def action_toggle_theme(self) -> None:
        self.theme = "textual-light" if self.theme == "textual-dark" else "textual-dark"

    def action_home(self) -> None:
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield SystemCommand(t("tui.cmd_sos"), t("tui.cmd_sos_help"), self.action_sos)
        yield SystemCommand(t("tui.cmd_home"), t("tui.cmd_home_help"), self.action_home)
        for area in self.areas:
            yield SystemCommand(
                t(area.title), t(area.description), lambda a=area.id: self.open_area(a)
            )
        yield SystemCommand(t("tui.cmd_help"), t("tui.cmd_help_help"), self.action_help)
        yield SystemCommand(t("tui.cmd_theme"), t("tui.cmd_theme_help"), self.action_toggle_theme)
        yield SystemCommand(t("tui.cmd_quit"), t("tui.cmd_quit_help"), self.exit)


def _warm_detector() -> None:
    from coach.safety.detector import warm

    warm()
