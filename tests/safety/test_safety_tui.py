"""The SOS screen, the TUI safety gate and the safety plan editor, driven by Pilot."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static, TextArea

from coach.i18n import t
from coach.safety import plan
from coach.tui.app import CoachApp
from coach.tui.screens.base import CoachScreen
from coach.tui.screens.home import HomeScreen
from coach.tui.screens.plan import PlanScreen
from coach.tui.screens.sos import SosScreen

SNAPSHOT_APP = Path(__file__).parent / "snapshot_apps" / "sos_app.py"


@pytest.fixture
def in_france(monkeypatch):
    monkeypatch.setenv("COACH_COUNTRY", "FR")
    from coach.context import Context

    return Context.load(lang="en")


def sos_text(app: CoachApp) -> str:
    return "\n".join(str(s.render()) for s in app.screen.query(Static))


async def test_f1_opens_sos_from_home(in_france) -> None:
    app = CoachApp(in_france)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        text = sos_text(app)
        assert t("safety.acknowledge", "en") in text
        assert "Are you in immediate danger? Call 15 or 112 now." in text
        assert "3114" in text
        await pilot.press("f1")  # a second press does not stack another SOS
        await pilot.pause()
        assert sum(isinstance(s, SosScreen) for s in app.screen_stack) == 1
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_f1_opens_sos_from_a_pushed_screen(in_france) -> None:
    app = CoachApp(in_france)
    async with app.run_test() as pilot:
        await pilot.pause()
        app.open_area("plan")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        await pilot.press("f1")  # even with the cursor in a text box
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


async def test_sos_shows_the_plan_and_the_lines_of_the_country(in_france) -> None:
    plan.add(in_france, "ask_for_help", "Sam 06 12 34 56 78")
    plan.add(in_france, "reasons", "My cat [Miso]")  # markup-looking text is shown as typed
    app = CoachApp(in_france)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        await pilot.pause()
        text = sos_text(app)
        assert "Sam 06 12 34 56 78" in text and "My cat [Miso]" in text
        assert t("plan.step.reasons.title", "en") in text


async def test_sos_without_a_plan_offers_to_write_one(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        await pilot.pause()
        assert t("sos.plan_none", "en") in sos_text(app)
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)


@pytest.mark.parametrize(
    ("key", "screen_name"), [("g", "GroundingScreen"), ("b", "BreathingScreen")]
)
async def test_one_key_to_an_exercise(context, key: str, screen_name: str) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.press("f1")
        await pilot.pause()
        if app.area("exercise") is None:
            pytest.skip("the exercise area is not built")
        await pilot.press(key)
        await pilot.pause()
        assert type(app.screen).__name__ == screen_name


class GatedInput(CoachScreen):
    """A stand-in for any screen with free text: the gate first, then (maybe) the model."""

    def __init__(self, context) -> None:
        super().__init__(context)
        self.sent_to_model: list[str] = []

    def submit(self, text: str) -> None:
        from coach.tui.safety_gate import check

        if not check(self, text).is_crisis:
            self.sent_to_model.append(text)


async def test_a_crisis_text_opens_sos_and_reaches_no_model(in_france) -> None:
    app = CoachApp(in_france)
    async with app.run_test() as pilot:
        screen = GatedInput(in_france)
        await app.push_screen(screen)
        screen.submit("honestly I want to end my life tonight")
        await pilot.pause()
        assert isinstance(app.screen, SosScreen)
        assert app.screen.detected
        assert t("safety.acknowledge_detected", "en") in sos_text(app)
        assert screen.sent_to_model == []


async def test_concern_notifies_kindly_and_continues(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        screen = GatedInput(context)
        await app.push_screen(screen)
        screen.submit("I feel so hopeless lately")
        screen.submit("this exam is killing me")
        await pilot.pause()
        assert app.screen is screen
        assert screen.sent_to_model == ["I feel so hopeless lately", "this exam is killing me"]
        messages = [n.message for n in app._notifications]
        assert messages == [t("safety.concern_tui", "en")]


async def test_the_plan_editor_saves_with_ctrl_s_and_on_leaving(context) -> None:
    app = CoachApp(context)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("p")  # from home
        await pilot.pause()
        assert isinstance(app.screen, PlanScreen)
        area = app.screen.query_one("#step-warning_signs", TextArea)
        area.text = "Not sleeping\n\n  Snapping at people  "
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert plan.load(context).items("warning_signs") == ["Not sleeping", "Snapping at people"]
        app.screen.query_one("#step-reasons", TextArea).text = "My kids"
        await pilot.press("escape")  # leaving saves too
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert plan.load(context).items("reasons") == ["My kids"]


def test_sos_snapshot(snap_compare, monkeypatch) -> None:
    monkeypatch.setenv("COACH_COUNTRY", "FR")
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")

    async def open_sos(pilot) -> None:
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(SNAPSHOT_APP, terminal_size=(100, 32), run_before=open_sos)


async def test_the_app_warms_the_detector_in_the_background(in_france, monkeypatch) -> None:
    from coach.safety import detector

    calls = []
    monkeypatch.setattr(detector, "warm", lambda: calls.append("warm"))
    app = CoachApp(in_france)
    async with app.run_test() as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert calls == ["warm"]
        assert isinstance(app.screen, HomeScreen)


def test_warm_loads_the_rules_and_the_model() -> None:
    from coach.safety import detector, learned

    detector.warm()
    assert learned.model.cache_info().currsize == 1
