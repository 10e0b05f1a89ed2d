"""What every guided exercise screen shares: before, during, after.

Before: the cautions and an optional 0-10 rating, Enter to start. During: the
engine ticks on a timer and the subclass draws it; space pauses, +/- change
the pace, `n` skips, `s` stops. After: an optional rating, Enter to save.
The run is stored the moment it ends (stopped or completed), and the after
rating added to it, so leaving by Escape or F1 never loses it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Footer, Static

from coach.context import Context
from coach.exercises.engine import Engine, Event
from coach.exercises.plan import build
from coach.exercises.schema import Exercise
from coach.exercises.sessions import Sessions
from coach.i18n import t
from coach.tui.markup import escape
from coach.tui.screens.base import CoachScreen
from coach.tui.widgets.rating_row import RatingRow
from coach.tui.widgets.sos_hint import SosHint

INTRO, RUNNING, DONE = "intro", "running", "done"


def clock_text(seconds: float) -> str:
    seconds = max(0, math.ceil(seconds - 1e-6))
    return f"{seconds // 60}:{seconds % 60:02d}"


class ExerciseScreen(CoachScreen):
    DEFAULT_CSS = """
    ExerciseScreen #exercise-body { padding: 1 2; }
    ExerciseScreen #exercise-title { text-style: bold; color: $accent; }
    ExerciseScreen #exercise-summary { color: $text-muted; margin-bottom: 1; }
    ExerciseScreen .cautions {
        border: round $warning; padding: 0 1; margin-bottom: 1; height: auto;
    }
    ExerciseScreen .question { margin-top: 1; }
    ExerciseScreen .hint { color: $text-muted; margin-top: 1; }
    ExerciseScreen #intro, ExerciseScreen #run, ExerciseScreen #done { height: auto; }
    ExerciseScreen #done-title { text-style: bold; }
    """
    BINDINGS = [
        Binding("enter", "begin", "exercises.key_start"),
        Binding("space", "toggle_pause", "exercises.key_pause"),
        Binding("plus,equals_sign", "faster", "exercises.key_faster"),
        Binding("minus", "slower", "exercises.key_slower"),
        Binding("n", "skip", "exercises.key_skip"),
        Binding("s", "stop", "exercises.key_stop"),
    ]
    # What the subclass offers while running; the others' keys stay hidden.
    RUN_ACTIONS = {"toggle_pause", "faster", "slower", "skip", "stop"}
    RATINGS = ("exercises.rate.before", "exercises.rate.after")

    def __init__(
        self,
        context: Context,
        exercise: Exercise,
        *,
        cycles: int | None = None,
        minutes: float | None = None,
        rating_before: int | None = None,
        clock: Callable[[], float] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(context, **kwargs)
        self.exercise = exercise
        self.plan = build(exercise, cycles=cycles, minutes=minutes)
        self.clock = clock or time.monotonic
        self.engine = Engine(self.plan, clock=self.clock)
        self.stage = INTRO
        self.rating_before = rating_before
        self.rating_after: int | None = None
        self.session_id: int | None = None
        self.started_at = None
        self.reduced_motion = context.config.reduced_motion

    # --- layout ---------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        lang = self.context.lang
        with VerticalScroll(id="exercise-body"):
            yield Static(escape(self.exercise.title_in(lang)), id="exercise-title")
            yield Static(escape(self.exercise.summary_in(lang)), id="exercise-summary")
            with Vertical(id="intro"):
                yield from self.compose_intro()
                yield Static(escape(self.exercise.cautions_in(lang)), classes="cautions")
                yield Static(t(self.RATINGS[0]), classes="question")
                yield RatingRow(self.rating_before, id="rating-before")
                yield Static(t("exercises.tui.start_hint"), classes="hint")
            with Vertical(id="run"):
                yield from self.compose_run()
            with Vertical(id="done"):
                yield Static("", id="done-title")
                yield Static("", id="done-summary")
                yield from self.compose_done()
                yield Static(t(self.RATINGS[1]), classes="question")
                yield RatingRow(id="rating-after")
                yield Static(t("exercises.tui.done_hint"), classes="hint")
        yield SosHint()
        yield Footer()

    def compose_intro(self) -> ComposeResult:
        yield from ()

    def compose_run(self) -> ComposeResult:
        yield from ()

    def compose_done(self) -> ComposeResult:
        yield from ()

    def on_mount(self) -> None:
        self._show_stage()
        self.query_one("#rating-before", RatingRow).focus()
        self.set_interval(0.25 if self.reduced_motion else 1 / 15, self._tick)

    def _show_stage(self) -> None:
        for stage in (INTRO, RUNNING, DONE):
            self.query_one(f"#{'run' if stage == RUNNING else stage}").display = self.stage == stage
        self.refresh_bindings()

    # --- keys -----------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        if action == "begin":
            return self.stage in (INTRO, DONE)
        if action in ("toggle_pause", "faster", "slower", "skip", "stop"):
            return self.stage == RUNNING and action in self.RUN_ACTIONS
        return True

    def action_begin(self) -> None:
        if self.stage == INTRO:
            self.start()
        elif self.stage == DONE:
            self.save_after()
            self.dismiss_screen()

    def action_toggle_pause(self) -> None:
        self.handle(self.engine.toggle())

    def action_faster(self) -> None:
        self.handle(self.engine.faster())

    def action_slower(self) -> None:
        self.handle(self.engine.slower())

    def action_skip(self) -> None:
        self.handle(self.engine.skip())

    def action_stop(self) -> None:
        self.handle(self.engine.stop())

    def action_back(self) -> None:
        """Leaving mid-run stops and stores the run; leaving after it saves the rating."""
        if self.stage == RUNNING:
            self.handle(self.engine.stop())
        if self.stage == DONE:
            self.save_after()
        self.dismiss_screen()

    def dismiss_screen(self) -> None:
        if self.app.screen is self and len(self.app.screen_stack) > 1:
            self.app.pop_screen()

    # --- the run --------------------------------------------------------------------------

    def start(self) -> None:
        self.rating_before = self.query_one("#rating-before", RatingRow).value
        self.started_at = self.context.now()
        self.stage = RUNNING
        self._show_stage()
        self.handle(self.engine.start())
        self.after_start()

    def after_start(self) -> None:
        """Focus what the person uses while running (grounding: the text box)."""
        self.set_focus(None)

    def _tick(self) -> None:
        if self.stage == RUNNING:
            self.handle(self.engine.tick())

    def handle(self, events: list[Event]) -> None:
        for event in events:
            if event.kind in ("completed", "stopped"):
                self.finish(event.kind == "completed")
            else:
                self.on_engine_event(event)
        if self.stage == RUNNING:
            self.update_run()

    def on_engine_event(self, event: Event) -> None:
        """A phase began, the pace changed, an urge check is due: subclasses react."""

    def update_run(self) -> None:
        """Redraw the running view from the engine."""

    def status_line(self) -> str:
        """`12 s left · cycle 2 of 19 · pace 100%`, and the pause, in words."""
        engine = self.engine
        parts = [t("exercises.tui.seconds_left", n=math.ceil(engine.remaining - 1e-6))]
        parts.append(self.round_text())
        parts.append(t("exercises.tui.pace", n=round(100 * engine.scale)))
        line = " · ".join(p for p in parts if p)
        if engine.state == "paused":
            line = f"[b]{t('exercises.tui.paused')}[/b] · {line}"
        return line

    def round_text(self) -> str:
        phase = self.engine.phase
        return t("exercises.tui.cycle", n=phase.round, total=phase.rounds)

    def finish(self, completed: bool) -> None:
        if self.stage == DONE:
            return
        self.stage = DONE
        self.record(completed)
        title = "exercises.tui.done_title" if completed else "exercises.tui.stopped_title"
        self.query_one("#done-title", Static).update(t(title))
        self.query_one("#done-summary", Static).update(self.done_summary())
        self._show_stage()
        self.query_one("#rating-after", RatingRow).focus()
        self.after_finish(completed)

    def after_finish(self, completed: bool) -> None:
        """Subclasses add what belongs after the run (urge: has it passed?)."""

    def done_summary(self) -> str:
        return t("exercises.tui.done_time", time=clock_text(self.engine.elapsed))

    def session_details(self) -> dict[str, Any]:
        return {}

    def record(self, completed: bool) -> None:
        try:
            doc = Sessions(self.context).record(
                exercise_id=self.exercise.id,
                kind=self.exercise.kind,
                started_at=self.started_at or self.context.now(),
                duration_s=self.engine.elapsed,
                completed=completed,
                rating_before=self.rating_before,
                mode="app",
                **self.session_details(),
            )
        except Exception as exc:
            self.notify(t("exercises.tui.not_saved", error=exc), severity="error", timeout=10)
            return
        self.session_id = doc["id"]

    def save_after(self) -> None:
        value = self.query_one("#rating-after", RatingRow).value
        if self.session_id is None or value == self.rating_after:
            return
        self.rating_after = value
        try:
            Sessions(self.context).rate_after(self.session_id, value)
        except Exception as exc:
            self.notify(t("exercises.tui.not_saved", error=exc), severity="error", timeout=10)
