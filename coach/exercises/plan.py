"""Turn an exercise into the flat list of timed phases the engine walks through.

Every kind becomes the same thing, a sequence of `Phase`s, so one engine (and
one plain-text runner) serves breathing, grounding, relaxation, timers and
urge surfing alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from coach.exercises.schema import Exercise, Texts
from coach.i18n import pick, t

# A bound on breaths in one run: a user file with tiny phases must not build millions.
MAX_CYCLES = 1000
# How full the lungs are at the end of each action when the file does not say.
_LEVEL_AFTER = {"inhale": 1.0, "inhale_more": 1.0, "exhale": 0.0}


@dataclass(frozen=True)
class Phase:
    key: str  # inhale, inhale_more, hold, exhale, rest, step, release, timer, minute
    seconds: float  # at the usual pace
    text: Texts
    index: int  # position in the plan, from 0
    round: int  # the cycle, step or minute, from 1
    rounds: int  # how many cycles, steps or minutes in all
    level_from: float = 0.0  # for the breathing shape: 0 empty, 1 full
    level_to: float = 0.0
    items: int = 0  # things to name or tick before moving on (grounding)
    alternative: Texts | None = None
    check: bool = False  # ask "has the urge passed?" when this phase ends

    def words(self, lang: str | None = None) -> str:
        return pick(self.text, lang)

    def alternative_words(self, lang: str | None = None) -> str:
        return pick(self.alternative, lang) if self.alternative else ""


@dataclass(frozen=True)
class Plan:
    exercise: Exercise
    phases: tuple[Phase, ...]

    @property
    def total_seconds(self) -> float:
        return sum(p.seconds for p in self.phases)

    @property
    def rounds(self) -> int:
        return self.phases[-1].rounds if self.phases else 0


def _action_texts(action: str) -> Texts:
    return {lang: t(f"exercises.action.{action}", lang) for lang in ("en", "fr")}


def cycles_for(exercise: Exercise, cycles: int | None = None, minutes: float | None = None) -> int:
    """How many breaths: an explicit count, else the minutes asked for, else the file's default."""
    if cycles is not None:
        return min(MAX_CYCLES, max(1, int(cycles)))
    minutes = minutes if minutes is not None else exercise.minutes
    if minutes is not None and exercise.cycle_seconds > 0:
        return min(MAX_CYCLES, max(1, round(minutes * 60 / exercise.cycle_seconds)))
    return exercise.cycles or 1


def build(exercise: Exercise, cycles: int | None = None, minutes: float | None = None) -> Plan:
    builder = {
        "breathing": _breathing,
        "steps": _steps,
        "timer": _timer,
        "urge": _urge,
        "card": _card,
    }[exercise.kind]
    return Plan(exercise, tuple(builder(exercise, cycles, minutes)))


def _breathing(exercise: Exercise, cycles: int | None, minutes: float | None) -> list[Phase]:
    count = cycles_for(exercise, cycles, minutes)
    out: list[Phase] = []
    level = 0.0
    for cycle in range(1, count + 1):
        for phase in exercise.phases:
            end = phase.level if phase.level is not None else _LEVEL_AFTER.get(phase.action, level)
            out.append(
                Phase(
                    key=phase.action,
                    seconds=phase.seconds,
                    text=phase.text or _action_texts(phase.action),
                    index=len(out),
                    round=cycle,
                    rounds=count,
                    level_from=level,
                    level_to=end,
                )
            )
            level = end
    return out


def _steps(exercise: Exercise, cycles: int | None, minutes: float | None) -> list[Phase]:
    out: list[Phase] = []
    total = len(exercise.steps)
    for number, step in enumerate(exercise.steps, start=1):
        out.append(
            Phase(
                key="step",
                seconds=step.seconds,
                text=step.text,
                index=len(out),
                round=number,
                rounds=total,
                items=step.items,
                alternative=step.alternative,
                level_from=0.0,
                level_to=1.0 if step.release_seconds else 0.0,
            )
        )
        if step.release_seconds:
            out.append(
                Phase(
                    key="release",
                    seconds=step.release_seconds,
                    text=exercise.release or _action_texts("release"),
                    index=len(out),
                    round=number,
                    rounds=total,
                    level_from=1.0,
                    level_to=0.0,
                )
            )
    return out


def _timer(exercise: Exercise, cycles: int | None, minutes: float | None) -> list[Phase]:
    seconds = minutes * 60 if minutes else float(exercise.seconds or 60)
    prompts = exercise.prompts or (exercise.intro or _action_texts("timer"),)
    # Spread the prompts evenly over the time: one phase for each.
    each = seconds / len(prompts)
    return [Phase("timer", each, text, i, i + 1, len(prompts)) for i, text in enumerate(prompts)]


def _urge(exercise: Exercise, cycles: int | None, minutes: float | None) -> list[Phase]:
    seconds = minutes * 60 if minutes else float(exercise.seconds or 300)
    every = exercise.check_every
    count = max(1, math.ceil(seconds / every - 1e-9))
    out = []
    for i in range(count):
        length = min(every, seconds - i * every)
        text = exercise.prompts[i % len(exercise.prompts)]
        out.append(Phase("minute", length, text, i, i + 1, count, check=True))
    return out


def _card(exercise: Exercise, cycles: int | None, minutes: float | None) -> list[Phase]:
    seconds = (minutes or exercise.minutes or 5) * 60
    return [Phase("card", seconds, exercise.text or exercise.summary, 0, 1, 1)]
