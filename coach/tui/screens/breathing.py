"""Guided breathing: the shape, the phase in words, the seconds left and the cycle count.

With reduced motion (the setting, or TEXTUAL_ANIMATIONS=none) the shape is not
drawn at all: the words and the numbers carry everything and nothing moves.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from coach.exercises.engine import Event
from coach.exercises.plain import seconds_text
from coach.i18n import number, t
from coach.tui.markup import escape
from coach.tui.screens.exercise_run import ExerciseScreen
from coach.tui.widgets.breath_guide import BreathGuide


class BreathingScreen(ExerciseScreen):
    DEFAULT_CSS = """
    BreathingScreen #breath-phase { text-style: bold; content-align: center middle; width: 100%; }
    BreathingScreen #breath-status {
        content-align: center middle; width: 100%; color: $text-muted;
    }
    BreathingScreen #breath-keys { content-align: center middle; width: 100%; color: $text-muted; }
    BreathingScreen.-reduced #breath-phase { border: round $accent; padding: 1 0; }
    """

    def compose_intro(self) -> ComposeResult:
        first = self.plan.phases[: len(self.exercise.phases)]
        pattern = " · ".join(f"{escape(p.words())} {seconds_text(p.seconds)}" for p in first)
        minutes = number(self.plan.total_seconds / 60)
        lines = [pattern, t("exercises.tui.cycles_minutes", n=self.plan.rounds, minutes=minutes)]
        if self.exercise.per_day:
            lines.append(t("exercises.show_per_day", n=self.exercise.per_day))
        yield Static("\n".join(lines), id="breath-pattern")

    def compose_run(self) -> ComposeResult:
        guide = BreathGuide(id="breath-guide")
        guide.display = not self.reduced_motion
        yield guide
        yield Static("", id="breath-phase")
        yield Static("", id="breath-status")
        yield Static(t("exercises.tui.breathing_keys"), id="breath-keys")

    def on_mount(self) -> None:
        super().on_mount()
        self.set_class(self.reduced_motion, "-reduced")

    def on_engine_event(self, event: Event) -> None:
        if event.kind == "phase" and event.phase is not None:
            self.query_one("#breath-phase", Static).update(escape(event.phase.words()))

    def update_run(self) -> None:
        self.query_one("#breath-status", Static).update(self.status_line())
        if not self.reduced_motion:
            guide = self.query_one(BreathGuide)
            guide.level = self.engine.level
            guide.set_action(self.engine.phase.key)

    def cycles_done(self) -> int:
        engine = self.engine
        if engine.state == "finished":
            return self.plan.rounds
        # A cycle counts once its last phase is over.
        return engine.phase.round - 1

    def done_summary(self) -> str:
        cycles = t("exercises.tui.cycles_done", n=self.cycles_done(), total=self.plan.rounds)
        return f"{super().done_summary()}\n{cycles}"

    def session_details(self) -> dict:
        return {
            "cycles": self.cycles_done(),
            "cycles_planned": self.plan.rounds,
            "pace": round(self.engine.scale, 2),
        }
