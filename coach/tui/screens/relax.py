"""Timed guided steps: progressive muscle relaxation (tense, then release) and timers.

A bar fills over each step; with reduced motion it is hidden and the seconds
left, in words, carry the time.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import ProgressBar, Static

from coach.exercises.engine import Event
from coach.i18n import pick, t
from coach.tui.markup import escape
from coach.tui.screens.exercise_run import ExerciseScreen


class RelaxScreen(ExerciseScreen):
    DEFAULT_CSS = """
    RelaxScreen #relax-where { color: $text-muted; }
    RelaxScreen #relax-label { text-style: bold; color: $accent; margin-top: 1; }
    RelaxScreen #relax-text { text-style: bold; margin: 1 0; }
    RelaxScreen #relax-bar { margin-bottom: 1; }
    RelaxScreen #relax-status { color: $text-muted; }
    """

    def compose_intro(self) -> ComposeResult:
        if self.exercise.intro:
            yield Static(escape(pick(self.exercise.intro)))
        minutes = round(self.plan.total_seconds / 60, 1)
        yield Static(t("exercises.show_total", minutes=minutes), classes="hint")

    def compose_run(self) -> ComposeResult:
        yield Static("", id="relax-where")
        yield Static("", id="relax-label")
        yield Static("", id="relax-text")
        bar = ProgressBar(total=100, show_eta=False, show_percentage=False, id="relax-bar")
        bar.display = not self.reduced_motion
        yield bar
        yield Static("", id="relax-status")
        yield Static(t("exercises.tui.relax_keys"), classes="hint")

    def on_engine_event(self, event: Event) -> None:
        if event.kind != "phase" or event.phase is None:
            return
        phase = event.phase
        where = "exercises.where.timer" if phase.key == "timer" else "exercises.where.step"
        self.query_one("#relax-where", Static).update(t(where, n=phase.round, total=phase.rounds))
        label = {
            "step": "exercises.tui.tense" if self.exercise.release else "",
            "release": "exercises.tui.release",
        }.get(phase.key, "")
        self.query_one("#relax-label", Static).update(t(label) if label else "")
        self.query_one("#relax-text", Static).update(escape(phase.words()))

    def update_run(self) -> None:
        if not self.reduced_motion:
            self.query_one("#relax-bar", ProgressBar).update(progress=100 * self.engine.progress)
        self.query_one("#relax-status", Static).update(self.status_line())

    def round_text(self) -> str:
        return ""

    def session_details(self) -> dict:
        return {"steps": self.engine.phase.round, "steps_planned": self.plan.rounds}
