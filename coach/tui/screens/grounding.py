"""Grounding, one step at a time: name each thing (typed) or tick it (Enter on an empty line).

What the person types passes the safety gate first; it is not stored (only how
many things were named), because the point is the present moment, not a record.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Static

from coach.context import Context
from coach.exercises.engine import Event
from coach.i18n import pick, t
from coach.tui.areas import Area
from coach.tui.markup import escape
from coach.tui.screens.exercise_run import ExerciseScreen

DEFAULT = "grounding-54321"


class GroundingScreen(ExerciseScreen):
    DEFAULT_CSS = """
    GroundingScreen #ground-where { color: $text-muted; }
    GroundingScreen #ground-step { text-style: bold; margin: 1 0 0 0; }
    GroundingScreen #ground-alt { color: $text-muted; }
    GroundingScreen #ground-items { margin: 1 0; height: auto; }
    GroundingScreen #ground-count { color: $accent; }
    """
    BINDINGS = [
        Binding("ctrl+n", "skip", "exercises.key_next_step"),
        Binding("ctrl+s", "stop", "exercises.key_stop"),
    ]
    RUN_ACTIONS = {"skip", "stop"}

    def __init__(self, context: Context, exercise, **kwargs) -> None:
        super().__init__(context, exercise, **kwargs)
        self.items: list[str] = []  # named in the current step
        self.named = 0  # in all steps

    def compose_intro(self) -> ComposeResult:
        if self.exercise.intro:
            yield Static(escape(pick(self.exercise.intro)))

    def compose_run(self) -> ComposeResult:
        yield Static("", id="ground-where")
        yield Static("", id="ground-step")
        yield Static("", id="ground-alt")
        yield Static("", id="ground-items")
        yield Static("", id="ground-count")
        yield Input(placeholder=t("exercises.tui.ground_placeholder"), id="ground-input")
        yield Static(t("exercises.tui.ground_keys"), classes="hint")

    def after_start(self) -> None:
        self.query_one("#ground-input", Input).focus()

    def on_engine_event(self, event: Event) -> None:
        if event.kind == "phase" and event.phase is not None:
            self.items = []
            phase = event.phase
            self.query_one("#ground-where", Static).update(
                t("exercises.where.step", n=phase.round, total=phase.rounds)
            )
            self.query_one("#ground-step", Static).update(escape(phase.words()))
            self.query_one("#ground-alt", Static).update(escape(phase.alternative_words()))
            self._show_items()

    def _show_items(self) -> None:
        lines = [f"  ✓ {escape(item)}" for item in self.items]
        self.query_one("#ground-items", Static).update("\n".join(lines))
        phase = self.engine.phase
        self.query_one("#ground-count", Static).update(
            t("exercises.tui.ground_count", n=len(self.items), total=phase.items)
        )

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.stage != "running":
            return
        text = event.value.strip()
        event.input.value = ""
        if text:
            from coach.tui.safety_gate import check

            check(self, text)
        self.items.append(text or t("exercises.tui.ground_ticked"))
        self.named += 1
        self._show_items()
        if len(self.items) >= self.engine.phase.items:
            self.handle(self.engine.advance())

    def done_summary(self) -> str:
        return f"{super().done_summary()}\n{t('exercises.tui.ground_named', n=self.named)}"

    def session_details(self) -> dict:
        return {"items": self.named, "steps": self.engine.phase.round}


def _open(context: Context, exercise_id: str = DEFAULT, **options) -> GroundingScreen:
    from coach.tui.screens.exercise import open_exercise

    return open_exercise(context, exercise_id, **options)


AREA = Area(
    id="grounding",
    order=21,
    key="g",
    title="exercises.tui.area_grounding",
    description="exercises.tui.area_grounding_help",
    screen=_open,
)
