"""The engine on a fake clock: order and length of phases, pause, skip, pace, events."""

from __future__ import annotations

import pytest

from coach.exercises.engine import Engine
from coach.exercises.loader import load
from coach.exercises.plan import build
from coach.resources import data_dir


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="module")
def library():
    return load(data_dir("exercises"), report=None)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def phases_of(events):
    return [(e.phase.key, e.phase.round) for e in events if e.kind == "phase"]


def test_box_phases_come_in_order_with_their_lengths(library, clock):
    engine = Engine(build(library.get("box"), cycles=2), clock=clock)
    events = engine.start()
    assert [e.kind for e in events] == ["started", "phase"]
    assert engine.phase.key == "inhale" and engine.remaining == 4
    clock.advance(3.9)
    assert engine.tick() == []
    assert engine.remaining == pytest.approx(0.1)
    clock.advance(0.1)
    assert phases_of(engine.tick()) == [("hold", 1)]
    clock.advance(4)
    assert phases_of(engine.tick()) == [("exhale", 1)]
    clock.advance(4)
    assert phases_of(engine.tick()) == [("rest", 1)]
    clock.advance(4)
    assert phases_of(engine.tick()) == [("inhale", 2)]


def test_a_long_gap_gives_every_phase_in_order_and_keeps_the_remainder(library, clock):
    engine = Engine(build(library.get("478")), clock=clock)  # 4 cycles of 4-7-8
    engine.start()
    clock.advance(4 + 7 + 8 + 4 + 1)  # one full cycle, the next inhale, 1 s into the hold
    events = engine.tick()
    assert phases_of(events) == [("hold", 1), ("exhale", 1), ("inhale", 2), ("hold", 2)]
    assert engine.phase_elapsed == pytest.approx(1)
    assert engine.remaining == pytest.approx(6)
    # Each event carries the active time at which the phase began.
    assert [round(e.elapsed) for e in events] == [4, 11, 19, 23]


def test_completion_after_the_last_phase(library, clock):
    engine = Engine(build(library.get("478")), clock=clock)
    engine.start()
    clock.advance(19 * 4 + 5)
    events = engine.tick()
    assert events[-1].kind == "completed"
    assert engine.state == "finished" and engine.over
    assert engine.elapsed == pytest.approx(76)
    assert engine.progress == 1.0
    assert engine.tick() == []


def test_pause_stops_the_clock_and_resume_goes_on(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    clock.advance(2)
    assert [e.kind for e in engine.pause()] == ["paused"]
    clock.advance(60)
    assert engine.tick() == []
    assert engine.remaining == pytest.approx(2)
    assert engine.elapsed == pytest.approx(2)
    assert [e.kind for e in engine.resume()] == ["resumed"]
    clock.advance(2)
    assert phases_of(engine.tick()) == [("hold", 1)]
    assert engine.elapsed == pytest.approx(4)


def test_toggle_pauses_then_resumes(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    engine.toggle()
    assert engine.state == "paused"
    engine.toggle()
    assert engine.state == "running"


def test_skip_moves_to_the_next_phase_at_once(library, clock):
    engine = Engine(build(library.get("box"), cycles=1), clock=clock)
    engine.start()
    clock.advance(1)
    assert phases_of(engine.skip()) == [("hold", 1)]
    assert engine.remaining == 4
    engine.skip()
    engine.skip()
    events = engine.skip()
    assert [e.kind for e in events] == ["completed"]


def test_stop_ends_without_completion(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    clock.advance(10)
    events = engine.stop()
    assert events[-1].kind == "stopped"
    assert engine.state == "stopped"
    assert engine.elapsed == pytest.approx(10)
    clock.advance(10)
    assert engine.tick() == [] and engine.elapsed == pytest.approx(10)


def test_pace_steps_of_ten_percent_scale_every_phase(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    events = engine.slower()
    assert [e.kind for e in events] == ["pace"] and events[0].scale == pytest.approx(1.1)
    assert engine.remaining == pytest.approx(4.4)
    engine.faster()
    engine.faster()
    assert engine.scale == pytest.approx(0.9)
    assert engine.remaining == pytest.approx(3.6)
    clock.advance(3.6)
    assert phases_of(engine.tick()) == [("hold", 1)]
    assert engine.duration() == pytest.approx(3.6)


def test_pace_change_midway_keeps_the_progress_through_the_phase(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    clock.advance(2)  # half way through a 4 s inhale
    engine.slower()
    assert engine.progress == pytest.approx(0.5)
    assert engine.remaining == pytest.approx(2.2)


def test_pace_is_bounded(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    for _ in range(30):
        engine.faster()
    assert engine.scale == 0.5
    for _ in range(30):
        engine.slower()
    assert engine.scale == 2.0


def test_the_shape_grows_on_the_inhale_holds_and_shrinks_on_the_exhale(library, clock):
    engine = Engine(build(library.get("box")), clock=clock)
    engine.start()
    levels = []
    for _ in range(16):
        levels.append(round(engine.level, 3))
        clock.advance(1)
        engine.tick()
    inhale, hold, exhale, rest = levels[0:4], levels[4:8], levels[8:12], levels[12:16]
    assert inhale == sorted(inhale) and inhale[0] == 0.0
    assert hold == [1.0] * 4
    assert exhale == sorted(exhale, reverse=True) and exhale[0] == 1.0
    assert rest == [0.0] * 4


def test_sigh_tops_up_before_the_long_exhale(library, clock):
    plan = build(library.get("sigh"), cycles=1)
    keys = [(p.key, p.seconds, p.level_to) for p in plan.phases]
    assert keys == [("inhale", 2, 0.7), ("inhale_more", 1, 1.0), ("exhale", 6, 0.0)]


def test_listeners_hear_every_event(library, clock):
    heard = []
    engine = Engine(build(library.get("box"), cycles=1), clock=clock)
    engine.subscribe(lambda e: heard.append(e.kind))
    engine.start()
    clock.advance(16)
    engine.tick()
    assert heard == ["started", "phase", "phase", "phase", "phase", "completed"]


def test_a_step_with_items_waits_for_the_person(library, clock):
    engine = Engine(build(library.get("grounding-54321")), clock=clock)
    engine.start()
    clock.advance(600)
    assert engine.tick() == []
    assert engine.waiting and engine.phase.items == 5
    assert phases_of(engine.advance()) == [("step", 2)]
    assert engine.phase.items == 4


def test_without_waiting_steps_are_paced_by_their_seconds(library, clock):
    engine = Engine(build(library.get("grounding-54321")), clock=clock, wait_for_items=False)
    engine.start()
    clock.advance(40)
    assert phases_of(engine.tick()) == [("step", 2)]


def test_urge_asks_once_a_minute_and_can_end_early(library, clock):
    engine = Engine(build(library.get("urge-5")), clock=clock)
    engine.start()
    clock.advance(60)
    events = engine.tick()
    assert [e.kind for e in events] == ["check", "phase"]
    assert events[0].phase.round == 1
    clock.advance(30)
    events = engine.finish()
    assert [e.kind for e in events] == ["completed"]
    assert engine.state == "finished" and engine.elapsed == pytest.approx(90)


def test_urge_minutes_give_one_check_each(library, clock):
    plan = build(library.get("urge-15"))
    assert len(plan.phases) == 15 and all(p.check and p.seconds == 60 for p in plan.phases)
    engine = Engine(plan, clock=clock)
    engine.start()
    clock.advance(15 * 60)
    events = engine.tick()
    assert sum(e.kind == "check" for e in events) == 15
    assert events[-1].kind == "completed"


def test_pmr_alternates_tensing_and_a_30_second_release(library):
    plan = build(library.get("pmr-full"))
    assert len(plan.phases) == 32
    assert [p.key for p in plan.phases[:4]] == ["step", "release", "step", "release"]
    assert all(p.seconds == 30 for p in plan.phases if p.key == "release")
    assert all(5 <= p.seconds <= 7 for p in plan.phases if p.key == "step")
    assert plan.rounds == 16


def test_minutes_and_cycles_choose_the_number_of_breaths(library):
    box = library.get("box")
    assert build(box, cycles=3).rounds == 3
    assert build(box, minutes=2).rounds == 8  # 120 s / 16 s = 7.5, rounded to 8
    coherence = build(library.get("coherence-365"))
    assert coherence.rounds == 30 and coherence.total_seconds == pytest.approx(300)


def test_empty_plans_are_refused(library):
    from coach.exercises.plan import Plan

    with pytest.raises(ValueError):
        Engine(Plan(library.get("box"), ()))


def test_the_engine_never_imports_textual():
    import subprocess
    import sys

    code = (
        "import sys; import coach.exercises.engine, coach.exercises.loader, "
        "coach.exercises.sessions, coach.exercises.plain, coach.exercises.cards; "
        "print('textual' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_a_user_file_with_tiny_phases_cannot_build_millions_of_breaths(library):
    from dataclasses import replace

    from coach.exercises.plan import MAX_CYCLES
    from coach.exercises.schema import BreathPhase

    tiny = replace(
        library.get("box"),
        phases=(BreathPhase("inhale", 0.001), BreathPhase("exhale", 0.001)),
        minutes=120.0,
    )
    assert build(tiny).rounds == MAX_CYCLES
