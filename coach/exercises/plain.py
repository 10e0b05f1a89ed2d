"""Run an exercise as plain lines, paced in real time, for screen readers and scripts.

One line when each phase or step begins, with its seconds; then a sleep for
that long. The engine runs on a clock this runner moves forward by exactly the
time it slept, so the output is the same on a slow machine and in a test that
sleeps for nothing (`COACH_TIME_SCALE=0`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from coach.exercises.engine import Engine, Event
from coach.exercises.plan import Phase, Plan
from coach.i18n import t

Sleep = Callable[[float], None]
Ask = Callable[[str], bool | None]


def time_scale(environ: dict[str, str] | None = None) -> float:
    """How much of each second to really wait: 1 normally, 0 in tests (`COACH_TIME_SCALE`)."""
    env = os.environ if environ is None else environ
    try:
        return max(0.0, float(env.get("COACH_TIME_SCALE", "1")))
    except ValueError:
        return 1.0


def real_sleep(scale: float) -> Sleep:
    def sleep(seconds: float) -> None:
        if seconds > 0 and scale > 0:
            time.sleep(seconds * scale)

    return sleep


def seconds_text(seconds: float, lang: str | None = None) -> str:
    if abs(seconds - round(seconds)) < 0.05:
        return t("exercises.seconds", lang, n=round(seconds))
    decimal = t("exercises.decimal", lang)
    return t("exercises.seconds", lang, n=f"{seconds:.1f}".replace(".", decimal))


def line_for(phase: Phase, lang: str | None = None) -> str:
    """`Cycle 2/4 · Breathe in · 4 s`: where we are, what to do, for how long."""
    exercise_kind = {
        "inhale": "breathing",
        "inhale_more": "breathing",
        "hold": "breathing",
        "exhale": "breathing",
        "rest": "breathing",
    }.get(phase.key, phase.key)
    where = t(f"exercises.where.{exercise_kind}", lang, n=phase.round, total=phase.rounds)
    words = phase.words(lang)
    if phase.items:
        words = f"{words} ({t('exercises.items_count', lang, n=phase.items)})"
    parts = [where, words, seconds_text(phase.seconds, lang)]
    return " · ".join(parts)


@dataclass
class Outcome:
    completed: bool
    duration_s: float
    passed: bool | None = None  # urge surfing: did the person say the urge passed
    phases: int = 0


def run(
    plan: Plan,
    emit: Callable[[str], None],
    sleep: Sleep,
    ask: Ask | None = None,
    lang: str | None = None,
) -> Outcome:
    """Walk the plan in real time. `ask` answers "has the urge passed?" (None: no one to ask).

    Ctrl+C stops the run; it still counts, as not completed.
    """
    now = [0.0]
    engine = Engine(plan, clock=lambda: now[0], wait_for_items=False)
    passed: bool | None = None
    shown = 0

    def handle(events: list[Event]) -> None:
        nonlocal passed, shown
        for event in events:
            if event.kind == "phase" and event.phase is not None:
                shown += 1
                emit(line_for(event.phase, lang))
            elif event.kind == "check" and event.phase is not None:
                answer = ask(t("exercises.urge_question", lang)) if ask else None
                if answer is None:
                    emit(t("exercises.urge_check_line", lang))
                else:
                    passed = answer
                if answer:
                    emit(t("exercises.urge_passed", lang))
                    # The next minute had already begun on the clock: it is not shown.
                    handle(engine.finish())
                    return
            elif event.kind == "completed":
                emit(t("exercises.plain_done", lang))

    try:
        handle(engine.start())
        while not engine.over:
            wait = engine.remaining
            sleep(wait)
            now[0] += wait
            handle(engine.tick())
    except KeyboardInterrupt:
        engine.stop()
        emit(t("exercises.plain_stopped", lang))
    if plan.exercise.kind == "urge" and passed is None and engine.state == "finished":
        passed = None if ask is None else False
    return Outcome(engine.state == "finished", engine.elapsed, passed, shown)
