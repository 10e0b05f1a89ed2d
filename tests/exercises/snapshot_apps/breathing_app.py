"""The breathing screen, frozen 2 s into the first inhale of box breathing (for the snapshot)."""

from __future__ import annotations

from datetime import UTC, datetime

from coach.context import Context
from coach.resources import package_file
from coach.tui.app import CoachApp


class FrozenClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class BreathingApp(CoachApp):
    # Textual looks for CSS beside the subclass's file: point it at the app's own sheet.
    CSS_PATH = str(package_file("tui", "coach.tcss"))

    def __init__(self) -> None:
        context = Context.load(lang="en")
        context.clock = lambda: datetime(2026, 3, 6, 12, 0, tzinfo=UTC)
        self.frozen = FrozenClock()
        options = {"exercise_id": "box", "clock": self.frozen, "rating_before": 6}
        super().__init__(context, start="exercise", start_options=options)


app = BreathingApp()
