"""Urge surfing: the timer, a prompt each minute, "has the urge passed?", a card, the way out.

The urge is rated 0 to 10 before and after. Once a minute the screen asks
whether it has passed: yes ends the run as done; no keeps surfing and shows
the way to crisis help (F1 or `h`). A card (random, or from a category) gives
something safe to do with the hands and the mind meanwhile.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Static

from coach.context import Context
from coach.exercises.engine import Event
from coach.exercises.schema import CARD_CATEGORIES
from coach.i18n import pick, t
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.exercise_run import ExerciseScreen, clock_text
from coach.tui.widgets.card_view import CardView

DEFAULT = "urge-5"
LENGTHS = ("urge-5", "urge-15")


class UrgeScreen(ExerciseScreen):
    DEFAULT_CSS = """
    UrgeScreen #urge-timer {
        text-style: bold; color: $accent; content-align: center middle; width: 100%;
    }
    UrgeScreen #urge-where { color: $text-muted; content-align: center middle; width: 100%; }
    UrgeScreen #urge-prompt { margin: 1 0; }
    UrgeScreen .urge-question { border: round $accent; padding: 0 1; height: auto; margin: 1 0; }
    UrgeScreen .urge-question Button { margin-right: 2; }
    UrgeScreen .urge-answers { height: auto; margin-top: 1; }
    UrgeScreen .urge-sos { color: $text; background: $error-muted; padding: 0 1; height: auto; }
    UrgeScreen #urge-length { color: $text-muted; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "exercises.key_passed"),
        Binding("o", "answer(True)", "exercises.key_passed", show=False),
        Binding("n", "answer(False)", "exercises.key_not_passed"),
        Binding("h", "sos", "exercises.key_sos"),
        Binding("c", "card", "exercises.key_card"),
        Binding("1", "card('comfort')", show=False),
        Binding("2", "card('distract')", show=False),
        Binding("3", "card('express')", show=False),
        Binding("4", "card('release')", show=False),
        Binding("m", "length", "exercises.key_length"),
    ]
    RUN_ACTIONS = {"toggle_pause", "stop"}
    RATINGS = ("exercises.rate.urge_before", "exercises.rate.urge_after")

    def __init__(self, context: Context, exercise, **kwargs) -> None:
        super().__init__(context, exercise, **kwargs)
        self.asking = False  # the question is on screen
        self.passed: bool | None = None
        self.answers: list[bool] = []
        self.still_here = False  # the person said "not yet" at least once
        self._library = None

    # --- layout ---------------------------------------------------------------------------

    def compose_intro(self) -> ComposeResult:
        if self.exercise.intro:
            yield Static(escape(pick(self.exercise.intro)))
        yield Static(self._length_text(), id="urge-length", classes="hint")

    def compose_run(self) -> ComposeResult:
        yield Static("", id="urge-timer")
        yield Static("", id="urge-where")
        yield Static("", id="urge-prompt")
        yield from self._question("run")
        yield CardView(id="urge-card")
        yield Static(t("exercises.tui.urge_keys"), classes="hint")

    def compose_done(self) -> ComposeResult:
        yield from self._question("done")

    def _question(self, where: str) -> ComposeResult:
        with Vertical(id=f"question-{where}", classes="urge-question"):
            yield Static(f"[b]{t('exercises.urge_question')}[/b]", classes="urge-ask")
            with Horizontal(classes="urge-answers"):
                yield Button(t("exercises.tui.yes_passed"), id=f"yes-{where}", variant="success")
                yield Button(t("exercises.tui.not_yet"), id=f"no-{where}")
        sos = Static(t("exercises.tui.urge_sos"), id=f"sos-{where}", classes="urge-sos")
        sos.display = False
        yield sos

    def _length_text(self) -> str:
        minutes = round(self.plan.total_seconds / 60)
        return t("exercises.tui.urge_length", n=minutes)

    def on_mount(self) -> None:
        super().on_mount()
        for where in ("run", "done"):
            self.query_one(f"#question-{where}").display = False
        self.action_card()

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "answer":
            return self.asking or (self.stage == "done" and self.passed is None)
        if action == "sos":
            return self.still_here or self.passed is False
        if action == "card":
            return self.stage == "running"
        if action == "length":
            return self.stage == "intro" and self.exercise.id in LENGTHS
        return super().check_action(action, parameters)

    def action_sos(self) -> None:
        self.app.action_sos()

    def action_card(self, category: str | None = None) -> None:
        from coach.exercises.cards import hidden_ids
        from coach.exercises.loader import load_for

        if category is not None and category not in CARD_CATEGORIES:
            return
        if self._library is None:
            self._library = load_for(self.context, report=None)
        view = self.query_one("#urge-card", CardView)
        current = view.card.id if view.card else None
        card = self._library.random_card(category, hidden_ids(self.context), avoid=current)
        view.show(card)

    def action_length(self) -> None:
        """Switch between 5 and 15 minutes before starting."""
        from coach.tui.screens.exercise import open_exercise

        other = LENGTHS[1 - LENGTHS.index(self.exercise.id)]
        rating = self.query_one("#rating-before").value
        self.app.switch_screen(open_exercise(self.context, other, rating_before=rating))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        button = event.button.id or ""
        if button.startswith(("yes-", "no-")):
            event.stop()
            self.action_answer(button.startswith("yes-"))

    def action_answer(self, passed: bool) -> None:
        self.answers.append(passed)
        self.passed = passed
        self.asking = False
        for where in ("run", "done"):
            self.query_one(f"#question-{where}").display = False
        if passed:
            if self.stage == "running":
                self.handle(self.engine.finish())
            else:
                self._store_answer()
            self.notify(t("exercises.urge_passed"))
        else:
            self.still_here = True
            where = "run" if self.stage == "running" else "done"
            self.query_one(f"#sos-{where}").display = True
            if self.stage == "done":
                self._store_answer()
        self.refresh_bindings()

    def _store_answer(self) -> None:
        if self.session_id is None:
            return
        from coach.exercises.sessions import Sessions

        Sessions(self.context).collection.update(
            self.session_id, {"urge_passed": self.passed, "answers": list(self.answers)}
        )

    # --- the run --------------------------------------------------------------------------

    def on_engine_event(self, event: Event) -> None:
        if event.kind == "phase" and event.phase is not None:
            phase = event.phase
            self.query_one("#urge-where", Static).update(
                t("exercises.where.minute", n=phase.round, total=phase.rounds)
            )
            self.query_one("#urge-prompt", Static).update(escape(phase.words()))
        elif event.kind == "check" and event.phase is not None and not self._last(event.phase):
            self.asking = True
            self.query_one("#question-run").display = True
            self.refresh_bindings()

    def _last(self, phase) -> bool:
        """The last minute's question is asked on the after-screen instead."""
        return phase.index + 1 >= len(self.plan.phases)

    def update_run(self) -> None:
        left = sum(p.seconds for p in self.plan.phases[self.engine.index + 1 :]) * self.engine.scale
        left += self.engine.remaining
        timer = t("exercises.tui.time_left", time=clock_text(left))
        if self.engine.state == "paused":
            timer = f"{timer} · {t('exercises.tui.paused')}"
        self.query_one("#urge-timer", Static).update(timer)

    def after_finish(self, completed: bool) -> None:
        self.asking = False
        self.query_one("#question-run").display = False
        self.query_one("#sos-run").display = False
        # At the end, ask once more unless the person already said it passed.
        if self.passed is not True:
            self.query_one("#question-done").display = True
            self.passed = None
        self.refresh_bindings()

    def done_summary(self) -> str:
        return super().done_summary()

    def session_details(self) -> dict:
        return {"urge_passed": self.passed, "answers": list(self.answers)}


def _open(context: Context, exercise_id: str = DEFAULT, **options) -> UrgeScreen:
    from coach.tui.screens.exercise import open_exercise

    return open_exercise(context, exercise_id, **options)


AREA = Area(
    id="urge",
    order=23,
    key="u",
    title="exercises.tui.area_urge",
    description="exercises.tui.area_urge_help",
    screen=_open,
)
