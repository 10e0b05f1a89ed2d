"""Write a card of your own: a category and a few words. The words pass the safety gate."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label, Select, Static

from coach.context import Context
from coach.exercises import cards as card_store
from coach.exercises.loader import load_for
from coach.exercises.schema import CARD_CATEGORIES
from coach.i18n import t
from coach.tui.screens.base import CoachModal


class CardAddModal(CoachModal):
    DEFAULT_CSS = """
    CardAddModal { align: center middle; }
    CardAddModal #card-add {
        width: 70; height: auto; border: thick $primary; background: $surface; padding: 1 2;
    }
    CardAddModal #card-add-title { text-style: bold; margin-bottom: 1; }
    CardAddModal .hint { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [Binding("ctrl+s", "save", "exercises.key_save")]

    def __init__(self, context: Context, category: str | None = None) -> None:
        super().__init__()
        self.context = context
        self.category = category if category in CARD_CATEGORIES else "comfort"

    def compose(self) -> ComposeResult:
        with Vertical(id="card-add"):
            yield Static(t("exercises.tui.add_title"), id="card-add-title")
            yield Label(t("exercises.tui.add_category"))
            yield Select(
                [(t(f"exercises.category.{c}"), c) for c in CARD_CATEGORIES],
                value=self.category,
                allow_blank=False,
                id="card-category",
            )
            yield Label(t("exercises.tui.add_text"))
            yield Input(placeholder=t("exercises.tui.add_placeholder"), id="card-text")
            yield Static(t("exercises.tui.add_hint"), classes="hint")

    def on_mount(self) -> None:
        self.query_one("#card-text", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        from coach.errors import CoachError
        from coach.tui.safety_gate import check

        text = self.query_one("#card-text", Input).value.strip()
        if not text:
            self.notify(t("exercises.empty_card"), severity="warning")
            return
        category = str(self.query_one("#card-category", Select).value)
        try:
            card = card_store.add(self.context, load_for(self.context, report=None), category, text)
        except CoachError as exc:
            self.notify(str(exc), severity="error")
            return
        self.dismiss(card.id)
        # After the card is safe on disk: on crisis the SOS screen opens over everything.
        check(self.app.screen, text)
