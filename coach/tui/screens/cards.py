"""Activity cards: one safe thing to do, drawn at random or from a category.

Space draws another; 1 to 4 pick a category (comfort, distract, express,
release), 0 any. `d` records that you did it, `h` hides a card you do not
want again, `a` adds a card of your own.
"""

from __future__ import annotations

import random

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Footer, Static

from coach.context import Context
from coach.exercises import cards as card_store
from coach.exercises.loader import load_for
from coach.exercises.schema import CARD_CATEGORIES
from coach.exercises.sessions import Sessions
from coach.i18n import t
from coach.tui.areas import Area
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.card_view import CardView
from coach.tui.widgets.sos_hint import SosHint


class CardsScreen(CoachScreen):
    DEFAULT_CSS = """
    CardsScreen #cards { padding: 1 2; }
    CardsScreen #cards-title { text-style: bold; color: $accent; }
    CardsScreen #cards-filter { color: $text-muted; }
    CardsScreen #cards-keys { color: $text-muted; margin-top: 1; }
    """
    BINDINGS = [
        Binding("space,right", "next", "exercises.key_next_card"),
        Binding("d", "did", "exercises.key_did"),
        Binding("h", "hide", "exercises.key_hide"),
        Binding("a", "add", "exercises.key_add"),
        Binding("0", "category('')", show=False),
        Binding("1", "category('comfort')", show=False),
        Binding("2", "category('distract')", show=False),
        Binding("3", "category('express')", show=False),
        Binding("4", "category('release')", show=False),
    ]

    def __init__(
        self,
        context: Context,
        card_id: str | None = None,
        category: str | None = None,
        rng: random.Random | None = None,
        **kwargs,
    ) -> None:
        super().__init__(context, **kwargs)
        self.rng = rng or random.Random()
        self.category = category if category in CARD_CATEGORIES else None
        self.library = load_for(context, report=None)
        self.first = self.library.get(card_id) if card_id else None

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="cards"):
            yield Static(t("exercises.tui.area_cards"), id="cards-title")
            yield Static("", id="cards-filter")
            yield CardView(id="card")
            yield Static(t("exercises.tui.cards_keys"), id="cards-keys")
        yield SosHint()
        yield Footer()

    def on_mount(self) -> None:
        if self.first is not None and self.first.kind == "card":
            self._show(self.first)
        else:
            self.action_next()

    @property
    def card(self):
        return self.query_one("#card", CardView).card

    def _show(self, card) -> None:
        self.query_one("#card", CardView).show(card)
        name = t(f"exercises.category.{self.category}") if self.category else t("exercises.tui.any")
        numbers = "  ".join(
            f"{i} {t(f'exercises.category.{c}')}" for i, c in enumerate(CARD_CATEGORIES, start=1)
        )
        self.query_one("#cards-filter", Static).update(
            t("exercises.tui.cards_filter", category=name, numbers=numbers)
        )

    def action_next(self) -> None:
        current = self.card.id if self.card else None
        hidden = card_store.hidden_ids(self.context)
        self._show(self.library.random_card(self.category, hidden, self.rng, avoid=current))

    def action_category(self, category: str) -> None:
        self.category = category or None
        self.action_next()

    def action_did(self) -> None:
        card = self.card
        if card is None:
            return
        Sessions(self.context).record(
            exercise_id=card.id,
            kind="card",
            started_at=self.context.now(),
            duration_s=60 * (card.minutes or 0),
            completed=True,
            mode="app",
            category=card.category,
        )
        self.notify(t("exercises.tui.card_done"))

    def action_hide(self) -> None:
        card = self.card
        if card is None:
            return
        card_store.hide(self.context, self.library, card.id)
        self.notify(t("exercises.hidden", id=card.id))
        self.action_next()

    def action_add(self) -> None:
        from coach.tui.screens.card_add import CardAddModal

        self.app.push_screen(CardAddModal(self.context, self.category), self._added)

    def _added(self, card_id: str | None) -> None:
        if not card_id:
            return
        self.library = load_for(self.context, report=None)
        self._show(self.library.get(card_id))
        self.notify(t("exercises.tui.card_added"))


AREA = Area(
    id="cards",
    order=24,
    key="k",
    title="exercises.tui.area_cards",
    description="exercises.tui.area_cards_help",
    screen=CardsScreen,
)
