"""One activity card: its category, title, what to do, and a gentle caution."""

from __future__ import annotations

from textual.widgets import Static

from coach.exercises.schema import Exercise
from coach.i18n import pick, t
from coach.tui.markup import escape


class CardView(Static):
    DEFAULT_CSS = """
    CardView {
        border: round $secondary;
        padding: 0 1;
        height: auto;
        margin: 1 0;
    }
    """

    def __init__(self, card: Exercise | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.card = card

    def on_mount(self) -> None:
        self.show(self.card)

    def show(self, card: Exercise | None) -> None:
        self.card = card
        if card is None:
            self.border_title = ""
            self.update(t("exercises.tui.no_cards"))
            return
        category = t(f"exercises.category.{card.category}")
        self.border_title = category
        title = f"[b]{escape(card.title_in())}[/b]"
        if card.minutes:
            title += f"  [dim]· {t('exercises.tui.card_minutes', n=round(card.minutes))}[/dim]"
        lines = [
            title,
            "",
            escape(pick(card.text or card.summary)),
            "",
            f"[dim]{escape(card.cautions_in())}[/dim]",
        ]
        self.update("\n".join(lines))
