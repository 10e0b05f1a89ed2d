"""The `exercise` area: open any exercise by id, on the screen made for its kind.

The SOS screen, the companion and `coach breathe ID` all come through here:
`app.open_area("exercise", exercise_id="box")`. An unknown id opens the
library with a notice instead of failing.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

from coach.context import Context
from coach.tui.areas import Area

# What a caller may pass on to a run (`coach breathe --cycles`, tests' clocks).
RUN_OPTIONS = ("cycles", "minutes", "rating_before", "clock")


def open_exercise(context: Context, exercise_id: str | None = None, **options: Any) -> Screen:
    from coach.exercises.loader import load_for
    from coach.tui.screens.exercises import ExercisesScreen

    options = {k: v for k, v in options.items() if k in RUN_OPTIONS and v is not None}

    library = load_for(context, report=None)
    exercise = library.get(exercise_id) if exercise_id else None
    if exercise is None:
        return ExercisesScreen(context, missing=exercise_id)
    if exercise.kind == "breathing":
        from coach.tui.screens.breathing import BreathingScreen

        return BreathingScreen(context, exercise, **options)
    if exercise.kind == "steps" and exercise.interactive_steps:
        from coach.tui.screens.grounding import GroundingScreen

        return GroundingScreen(context, exercise, **options)
    if exercise.kind in ("steps", "timer"):
        from coach.tui.screens.relax import RelaxScreen

        return RelaxScreen(context, exercise, **options)
    if exercise.kind == "urge":
        from coach.tui.screens.urge import UrgeScreen

        return UrgeScreen(context, exercise, **options)
    from coach.tui.screens.cards import CardsScreen

    return CardsScreen(context, card_id=exercise.id)


AREA = Area(
    id="exercise",
    order=29,
    key="",
    title="exercises.tui.area_exercise",
    description="exercises.tui.area_exercise_help",
    screen=open_exercise,
    hidden=True,
)
