"""The plain-text runner: paced lines, the sleeps it asks for, Ctrl+C, the urge question."""

from __future__ import annotations

import pytest

from coach.exercises import plain
from coach.exercises.loader import load
from coach.exercises.plan import build
from coach.resources import data_dir


@pytest.fixture(scope="module")
def library():
    return load(data_dir("exercises"), report=None)


def test_it_sleeps_exactly_the_length_of_each_phase(library):
    lines, sleeps = [], []
    outcome = plain.run(build(library.get("478"), cycles=2), lines.append, sleeps.append)
    assert sleeps == [4, 7, 8, 4, 7, 8]
    assert lines[:3] == [
        "Cycle 1/2 · Breathe in through the nose · 4 s",
        "Cycle 1/2 · Hold · 7 s",
        "Cycle 1/2 · Breathe out through the mouth, with a whoosh · 8 s",
    ]
    assert outcome.completed and outcome.duration_s == 38 and outcome.phases == 6


def test_ctrl_c_stops_the_run_and_it_still_counts(library):
    lines, sleeps = [], []

    def sleep(seconds):
        sleeps.append(seconds)
        if len(sleeps) == 3:
            raise KeyboardInterrupt

    outcome = plain.run(build(library.get("box")), lines.append, sleep)
    assert not outcome.completed
    assert outcome.duration_s == 8  # two phases fully done before the interrupt
    assert lines[-1].startswith("Stopped")


def test_the_urge_question_ends_the_run_when_the_urge_has_passed(library):
    answers = iter([False, True])
    lines = []
    outcome = plain.run(
        build(library.get("urge-15")), lines.append, lambda s: None, ask=lambda q: next(answers)
    )
    assert outcome.completed and outcome.passed is True
    assert outcome.duration_s == 120
    assert sum(line.startswith("Minute") for line in lines) == 2


def test_without_anyone_to_ask_the_question_is_printed(library):
    lines = []
    outcome = plain.run(build(library.get("urge-5")), lines.append, lambda s: None)
    assert outcome.passed is None
    assert sum("Has the urge passed?" in line for line in lines) == 5


def test_time_scale_comes_from_the_environment():
    assert plain.time_scale({}) == 1.0
    assert plain.time_scale({"COACH_TIME_SCALE": "0"}) == 0.0
    assert plain.time_scale({"COACH_TIME_SCALE": "0.5"}) == 0.5
    assert plain.time_scale({"COACH_TIME_SCALE": "fast"}) == 1.0
    assert plain.time_scale({"COACH_TIME_SCALE": "-3"}) == 0.0


def test_lines_in_french(library):
    phase = build(library.get("coherence"), cycles=1).phases[0]
    assert plain.line_for(phase, "fr") == "Cycle 1/1 · Inspirez · 4,5 s"
    step = build(library.get("grounding-54321")).phases[4]
    assert (
        plain.line_for(step, "fr")
        == "Étape 5/5 · Nommez une chose que vous goûtez. (1 à nommer) · 20 s"
    )
