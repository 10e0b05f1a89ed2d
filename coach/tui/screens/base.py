"""What every coach screen shares: the context, translated keys, the way home."""

from __future__ import annotations

from textual.binding import Binding
from textual.screen import ModalScreen, Screen

from coach.context import Context
from coach.tui.bindings import translate_bindings


class CoachScreen(Screen):
    """A full screen. `escape` goes back; `f1` (SOS) is bound by the app on every screen."""

    BINDINGS = [Binding("escape", "back", "tui.key_back")]

    def __init__(self, context: Context, **kwargs) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)
        self.context = context

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()


class CoachModal(ModalScreen):
    BINDINGS = [Binding("escape", "dismiss_modal", "tui.key_close")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        translate_bindings(self)

    def action_dismiss_modal(self) -> None:
        self.dismiss(None)
