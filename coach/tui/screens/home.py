"""Home: today at a glance, and the way to each area."""

from __future__ import annotations

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from coach.i18n import t
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.sos_hint import SosHint


class HomeScreen(CoachScreen):
    # Home is the bottom of the stack: escape has nowhere to go, so it is not shown.
    BINDINGS = [Binding("escape", "back", "", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(id="home"):
            yield Static(self._greeting(), id="greeting")
            yield Static(self._glance(), id="glance")
            yield OptionList(*self._options(), id="areas")
        yield SosHint()
        yield Footer()

    def _greeting(self) -> str:
        now = self.context.now()
        return t("tui.home_title", date=now.strftime("%Y-%m-%d"))

    def _glance(self) -> str:
        lines = []
        for area in self.app.areas:
            if area.glance is None:
                continue
            try:
                line = area.glance(self.context)
            except Exception:  # one broken summary must not hide the home screen
                line = None
            if line:
                lines.append(f"• {line}")
        return "\n".join(lines) if lines else t("tui.home_nothing_today")

    def _options(self) -> list[Option]:
        return [
            Option(f"[b]{a.key}[/b]  {t(a.title)} — [dim]{t(a.description)}[/dim]", id=a.id)
            for a in self.app.areas
            if not a.hidden
        ]

    def on_screen_resume(self) -> None:
        self.query_one("#glance", Static).update(self._glance())

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.open_area(event.option.id)

    def on_key(self, event: events.Key) -> None:
        for area in self.app.areas:
            if not area.hidden and event.character and event.character == area.key:
                event.stop()
                self.app.open_area(area.id)
                return

    def action_back(self) -> None:
        """Home is the bottom of the stack: escape does nothing here."""
