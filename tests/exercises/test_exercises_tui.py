"""Pilot tests of the exercise screens, on a fake clock: what a person presses and sees."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from coach.exercises.sessions import Sessions
from coach.tui.app import CoachApp
from coach.tui.screens.breathing import BreathingScreen
from coach.tui.screens.cards import CardsScreen
from coach.tui.screens.exercise import open_exercise
from coach.tui.screens.exercises import ExercisesScreen
from coach.tui.screens.grounding import GroundingScreen
from coach.tui.screens.relax import RelaxScreen
from coach.tui.screens.urge import UrgeScreen
from coach.tui.widgets.breath_guide import BreathGuide
from coach.tui.widgets.card_view import CardView

SIZE = (100, 44)


def text(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


async def open_on(app, pilot, exercise_id: str, clock, **options):
    app.push_screen(open_exercise(app.context, exercise_id, clock=clock, **options))
    await pilot.pause()
    return app.screen


async def elapse(pilot, clock, seconds: float) -> None:
    """Move the fake clock and let the screen see it at once: one tick, not a race with its
    timer (0.25 s under reduced motion, which a loaded machine can miss)."""
    clock.advance(seconds)
    tick = getattr(pilot.app.screen, "_tick", None)
    if tick is not None:
        tick()
    await pilot.pause()


# --- reaching the exercises ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("exercise_id", "screen"),
    [
        ("box", BreathingScreen),
        ("478", BreathingScreen),
        ("grounding-54321", GroundingScreen),
        ("pmr-short", RelaxScreen),
        ("tipp-cold", RelaxScreen),
        ("urge-15", UrgeScreen),
        ("release-dance", CardsScreen),
        ("no-such-thing", ExercisesScreen),
    ],
)
async def test_the_exercise_area_opens_the_screen_for_the_kind(context, exercise_id, screen):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        app.open_area("exercise", exercise_id=exercise_id)
        await pilot.pause()
        assert isinstance(app.screen, screen)
        if screen is CardsScreen:
            assert app.screen.card.id == exercise_id


async def test_the_cli_start_option_opens_the_exercise(context):
    app = CoachApp(context, start="exercise", start_options={"exercise_id": "sigh", "cycles": 2})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)
        assert app.screen.plan.rounds == 2


@pytest.mark.parametrize(
    ("key", "screen"),
    [("b", ExercisesScreen), ("g", GroundingScreen), ("u", UrgeScreen), ("k", CardsScreen),
     ("m", ExercisesScreen), ("e", ExercisesScreen)],
)  # fmt: skip
async def test_home_keys_lead_to_the_exercise_areas(context, key, screen):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen)


async def test_the_areas_are_listed_on_home_and_in_the_palette(context):
    from coach.i18n import t

    app = CoachApp(context)
    async with app.run_test(size=SIZE):
        listed = {a.id for a in app.areas if not a.hidden}
        assert {"breathing", "grounding", "urge", "cards", "relax", "exercises"} <= listed
        assert app.area("exercise").hidden
        titles = {c.title for c in app.get_system_commands(app.screen)}
        for key in ("breathing", "grounding", "urge", "cards"):
            assert t(f"exercises.tui.area_{key}") in titles


async def test_the_breathing_list_opens_an_exercise(context):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        app.open_area("breathing")
        await pilot.pause()
        ids = [e.id for e in app.screen.items]
        assert ids and all(app.screen.library.get(i).kind == "breathing" for i in ids)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)
        assert app.screen.exercise.id == ids[0]


# --- breathing ----------------------------------------------------------------------------


async def test_breathing_shows_the_phase_seconds_cycle_and_keys(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "box", fake_clock, cycles=2)
        assert screen.stage == "intro"
        await pilot.press("7", "enter")
        await pilot.pause()
        assert screen.stage == "running"
        assert text(screen, "#breath-phase") == "Breathe in"
        assert text(screen, "#breath-status") == "4 s left · cycle 1 of 2 · pace 100%"
        guide = screen.query_one(BreathGuide)
        assert guide.display and guide.level == 0.0

        await elapse(pilot, fake_clock, 2)
        assert 0.3 < guide.level < 0.7  # growing
        await elapse(pilot, fake_clock, 2)
        assert text(screen, "#breath-phase") == "Hold" and guide.level == 1.0

        await pilot.press("space")  # pause: time passes, nothing moves
        await elapse(pilot, fake_clock, 30)
        assert text(screen, "#breath-status").startswith("Paused · 4 s left")
        await pilot.press("space")
        await pilot.press("minus")  # slower: phases 10% longer
        await pilot.pause()
        assert text(screen, "#breath-status") == "5 s left · cycle 1 of 2 · pace 110%"  # 4.4 s
        await elapse(pilot, fake_clock, 4.4)
        assert text(screen, "#breath-phase") == "Breathe out"
        assert guide.has_class("-out")


async def test_breathing_to_the_end_stores_a_completed_run(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "478", fake_clock, cycles=1)
        await pilot.press("4", "enter")
        await elapse(pilot, fake_clock, 19)
        assert screen.stage == "done"
        assert "Cycles: 1 of 1" in text(screen, "#done-summary")
        await pilot.press("8", "enter")
        await pilot.pause()
        assert app.screen is not screen
    (run,) = Sessions(context).all()
    assert run["exercise_id"] == "478" and run["completed"] is True
    assert run["duration_s"] == 19 and run["cycles"] == 1 and run["mode"] == "app"
    assert (run["rating_before"], run["rating_after"]) == (4, 8)


async def test_stopping_or_leaving_midway_still_stores_the_run(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "box", fake_clock)
        await pilot.press("enter")
        fake_clock.advance(5)
        await pilot.press("s")
        await pilot.pause()
        assert screen.stage == "done" and text(screen, "#done-title").startswith("Stopped")
        await pilot.press("escape")
        await pilot.pause()
        screen = await open_on(app, pilot, "sigh", fake_clock)
        await pilot.press("enter")
        fake_clock.advance(3)
        await pilot.press("escape")  # straight out, mid-breath
        await pilot.pause()
        assert not isinstance(app.screen, BreathingScreen)
    runs = Sessions(context).all()
    assert [(r["exercise_id"], r["completed"], r["duration_s"]) for r in runs] == [
        ("box", False, 5),
        ("sigh", False, 3),
    ]
    assert runs[0]["rating_before"] is None and runs[0]["rating_after"] is None


@pytest.mark.parametrize("how", ["setting", "environment"])
async def test_reduced_motion_draws_no_shape_and_the_words_carry_it(
    coach_home, monkeypatch, fake_clock, how
):
    from coach.context import Context

    if how == "setting":
        monkeypatch.setenv("COACH_REDUCED_MOTION", "1")
    else:
        monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    context = Context.load(lang="en")
    assert context.config.reduced_motion
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "box", fake_clock)
        await pilot.press("enter")
        await elapse(pilot, fake_clock, 1)
        guide = screen.query_one(BreathGuide)
        assert not guide.display and guide.level == 0.0  # never told to move
        assert text(screen, "#breath-phase") == "Breathe in"
        assert text(screen, "#breath-status") == "3 s left · cycle 1 of 19 · pace 100%"
        assert screen.has_class("-reduced")


async def test_breathing_in_french(context_fr, fake_clock):
    app = CoachApp(context_fr)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "coherence-365", fake_clock)
        await pilot.press("enter")
        await pilot.pause()
        assert text(screen, "#breath-phase") == "Inspirez"
        assert text(screen, "#breath-status") == "encore 5 s · cycle 1 sur 30 · rythme 100 %"


# --- grounding ----------------------------------------------------------------------------


async def test_grounding_one_step_at_a_time_typed_or_ticked(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "grounding-54321", fake_clock)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        assert text(screen, "#ground-step") == "Look around you. Name five things you can see."
        assert "If you cannot see" in text(screen, "#ground-alt")
        await elapse(pilot, fake_clock, 600)  # no hurry: the step waits for the person
        assert screen.engine.phase.round == 1
        await pilot.press(*"lamp", "enter", "enter")
        await pilot.pause()
        assert "✓ lamp" in text(screen, "#ground-items")
        assert text(screen, "#ground-count") == "2 of 5"
        await pilot.press("enter", "enter", "enter")
        await pilot.pause()
        assert text(screen, "#ground-where") == "Step 2/5"
        assert text(screen, "#ground-items") == ""
        await pilot.press("ctrl+n")  # skip touch
        await pilot.pause()
        assert text(screen, "#ground-where") == "Step 3/5"
        for _ in range(3 + 2 + 1):
            await pilot.press("enter")
        await pilot.pause()
        assert screen.stage == "done"
        await pilot.press("enter")
        await pilot.pause()
    (run,) = Sessions(context).all()
    assert run["exercise_id"] == "grounding-54321" and run["completed"] is True
    assert run["items"] == 11 and run["kind"] == "steps"
    assert "lamp" not in str(run)  # what was named is not kept


async def test_a_grounding_answer_passes_the_safety_gate(context, fake_clock):
    from coach.tui.screens.sos import SosScreen

    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "grounding-54321", fake_clock)
        await pilot.press("enter")
        await pilot.pause()
        screen.query_one(Input).value = "I want to kill myself"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        assert len(screen.items) == 1  # the step still moved on


# --- relaxation and timers ----------------------------------------------------------------


async def test_pmr_tenses_then_releases_each_group(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "pmr-short", fake_clock)
        await pilot.press("enter")
        await pilot.pause()
        assert text(screen, "#relax-where") == "Step 1/7"
        assert text(screen, "#relax-label").startswith("Tense")
        assert text(screen, "#relax-text").startswith("Dominant arm")
        await elapse(pilot, fake_clock, 7)
        assert text(screen, "#relax-label") == "Release"
        assert text(screen, "#relax-status").startswith("30 s left")
        await pilot.press("n")
        await pilot.pause()
        assert text(screen, "#relax-where") == "Step 2/7"
        await pilot.press("space")
        await pilot.pause()
        assert text(screen, "#relax-status").startswith("Paused")


async def test_a_timer_runs_its_prompts(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "tipp-cold", fake_clock)
        await pilot.press("enter")
        await elapse(pilot, fake_clock, 31)
        assert screen.stage == "done"
    assert Sessions(context).all()[0]["completed"] is True


# --- urge surfing -------------------------------------------------------------------------


async def test_urge_surfing_asks_each_minute_and_offers_sos(context, fake_clock):
    from coach.tui.screens.sos import SosScreen

    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "urge-5", fake_clock)
        await pilot.press("8", "enter")
        await pilot.pause()
        assert text(screen, "#urge-timer") == "5:00 left"
        assert text(screen, "#urge-where") == "Minute 1/5"
        assert not screen.query_one("#question-run").display
        await elapse(pilot, fake_clock, 60)
        assert screen.query_one("#question-run").display
        assert text(screen, "#urge-timer") == "4:00 left"
        await pilot.press("n")  # not yet
        await pilot.pause()
        assert screen.query_one("#sos-run").display
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        app.pop_screen()
        await pilot.pause()
        await elapse(pilot, fake_clock, 60)
        await pilot.press("y")  # it has passed: done early
        await pilot.pause()
        assert screen.stage == "done"
        await pilot.press("2", "enter")
        await pilot.pause()
    (run,) = Sessions(context).all()
    assert run["exercise_id"] == "urge-5" and run["completed"] is True
    assert run["urge_passed"] is True and run["answers"] == [False, True]
    assert (run["rating_before"], run["rating_after"]) == (8, 2)
    assert run["duration_s"] == 120


async def test_urge_to_the_end_asks_once_more_and_keeps_the_way_out(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "urge-5", fake_clock)
        await pilot.press("enter")
        await elapse(pilot, fake_clock, 300)
        assert screen.stage == "done"
        assert screen.query_one("#question-done").display
        await pilot.press("n")
        await pilot.pause()
        assert screen.query_one("#sos-done").display
        assert screen.check_action("sos", ()) is True
    run = Sessions(context).all()[0]
    assert run["urge_passed"] is False and run["completed"] is True


async def test_urge_cards_random_or_by_category(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "urge-5", fake_clock)
        await pilot.press("enter")
        await pilot.pause()
        view = screen.query_one("#urge-card", CardView)
        first = view.card.id
        await pilot.press("c")
        assert view.card.id != first
        for key, category in (
            ("1", "comfort"),
            ("2", "distract"),
            ("3", "express"),
            ("4", "release"),
        ):
            await pilot.press(key)
            assert view.card.category == category


async def test_urge_length_switches_between_5_and_15_minutes(context, fake_clock):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "urge-5", fake_clock)
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, UrgeScreen) and app.screen.exercise.id == "urge-15"
        assert app.screen.plan.rounds == 15


# --- cards --------------------------------------------------------------------------------


async def test_cards_draw_by_category_hide_and_record(context):
    from coach.exercises import cards

    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        app.open_area("cards")
        await pilot.pause()
        screen = app.screen
        first = screen.card.id
        await pilot.press("space")
        assert screen.card.id != first
        await pilot.press("3")
        assert screen.card.category == "express"
        hidden = screen.card.id
        await pilot.press("h")
        await pilot.pause()
        assert hidden in cards.hidden_ids(context)
        assert screen.card.id != hidden and screen.card.category == "express"
        for _ in range(40):  # a hidden card never comes back
            await pilot.press("space")
            assert screen.card.id != hidden
        await pilot.press("d")
        await pilot.pause()
        done = screen.card.id
    (run,) = Sessions(context).all()
    assert run["exercise_id"] == done and run["kind"] == "card" and run["completed"] is True


async def test_a_card_of_your_own(context):
    from coach.tui.screens.card_add import CardAddModal

    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        app.open_area("cards")
        await pilot.pause()
        screen = app.screen
        await pilot.press("2", "a")
        await pilot.pause()
        assert isinstance(app.screen, CardAddModal)
        await pilot.press(*"Walk to the bakery", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert screen.card.id.startswith("mine-walk-to-the-bakery")
        assert screen.card.category == "distract" and screen.card.user
    files = list(Path(context.paths.exercises).glob("*.toml"))
    assert len(files) == 1 and "Walk to the bakery" in files[0].read_text(encoding="utf-8")


# --- the snapshot -------------------------------------------------------------------------

APP = Path(__file__).parent / "snapshot_apps" / "breathing_app.py"


def test_breathing_screen_snapshot(snap_compare):
    async def two_seconds_in(pilot):
        await pilot.press("enter")
        pilot.app.frozen.now = 2.0
        pilot.app.screen._tick()  # drawn from the clock now, not whenever the timer runs
        await pilot.pause(0.3)

    assert snap_compare(APP, terminal_size=(90, 36), run_before=two_seconds_in)


async def test_home_glances_at_todays_exercises(context, cli):
    from coach.tui.screens.exercises import glance

    assert glance(context) is None
    cli("breathe", "478", "--time-scale", "0", "--json")
    cli("ground", "--time-scale", "0", "--json")
    assert glance(context) == "Exercises today: 2 (4 min)"
    app = CoachApp(context)
    async with app.run_test(size=SIZE):
        assert "Exercises today: 2 (4 min)" in str(app.screen.query_one("#glance").render())


@pytest.mark.parametrize(("key", "screen", "exercise_id"), [
    ("b", BreathingScreen, "box"), ("g", GroundingScreen, "grounding-54321"),
])  # fmt: skip
async def test_the_sos_screen_opens_breathing_and_grounding(context, key, screen, exercise_id):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, screen) and app.screen.exercise.id == exercise_id


async def test_breathing_on_the_real_clock_moves_the_shape(context):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        app.open_area("exercise", exercise_id="box")
        await pilot.pause()
        await pilot.press("enter")
        guide = app.screen.query_one(BreathGuide)
        for _ in range(100):  # bounded: a loaded machine may take longer than a few ticks
            await pilot.pause(0.05)
            if guide.level > 0:
                break
        assert guide.level > 0  # the interval drives the engine without any help


async def test_the_rating_takes_digits_ten_arrows_and_can_be_cleared(context, fake_clock):
    from coach.tui.widgets.rating_row import RatingRow

    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "box", fake_clock)
        row = screen.query_one("#rating-before", RatingRow)
        await pilot.press("1", "0")
        assert row.value == 10
        await pilot.press("left", "left")
        assert row.value == 8
        await pilot.press("backspace")
        assert row.value is None
        await pilot.press("right")
        assert row.value == 5
        await pilot.press("3", "enter")
        await pilot.pause()
        assert screen.stage == "running" and screen.rating_before == 3


async def test_unknown_options_from_a_caller_are_ignored(context):
    app = CoachApp(context)
    async with app.run_test(size=SIZE) as pilot:
        app.open_area("exercise", exercise_id="box", reason="companion", cycles=None)
        await pilot.pause()
        assert isinstance(app.screen, BreathingScreen)


async def test_reduced_motion_hides_the_relaxation_bar(coach_home, monkeypatch, fake_clock):
    from textual.widgets import ProgressBar

    from coach.context import Context

    monkeypatch.setenv("COACH_REDUCED_MOTION", "true")
    app = CoachApp(Context.load(lang="en"))
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_on(app, pilot, "pmr-full", fake_clock)
        await pilot.press("enter")
        await elapse(pilot, fake_clock, 3)
        assert not screen.query_one(ProgressBar).display
        assert screen.query_one(ProgressBar).progress == 0  # never fed
        assert text(screen, "#relax-status").startswith("4 s left")
