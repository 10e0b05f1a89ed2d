"""Each reminder opens the screen it invites to (`coach remind open ID` and the notification)."""

from __future__ import annotations

import pytest

from coach.reminders.model import ACTIONS, Reminder

EXPECTED = {
    ("checkin", None): "CheckinScreen",
    ("breathe", None): "ExercisesScreen",
    ("breathe", "box"): "BreathingScreen",
    ("pledge", None): "TrackersScreen",
    ("review", None): "TrackersScreen",
    ("nudge", None): "HomeScreen",
}


def test_every_action_has_an_expected_screen() -> None:
    assert {action for action, _ in EXPECTED} == set(ACTIONS)


@pytest.mark.parametrize(("action", "arg"), list(EXPECTED), ids=lambda v: str(v))
async def test_reminder_opens_its_screen(context, action: str, arg: str | None) -> None:
    from coach.tui.app import CoachApp

    area, options = Reminder("21:00", action, arg, id=1).screen()
    app = CoachApp(context, start=area, start_options=options)
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == EXPECTED[(action, arg)]
