"""What the trackers and harm screens look like, with a fixed clock."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from coach.trackers.service import TrackerService
from coach.tui.app import CoachApp

PARIS = ZoneInfo("Europe/Paris")


def _app(context, clock) -> CoachApp:
    clock.set(2026, 1, 1, 21, 0)
    service = TrackerService(context)
    service.add("alcohol", cost_per_day=12.5, time_per_day=60)
    service.add("betting", kind="gambling")
    clock.set(2026, 1, 9, 8, 0)
    service.slip("betting", at=datetime(2026, 1, 8, 22, 0, tzinfo=PARIS), trigger="match")
    service.status()  # celebrate now, so no toast lands in the picture
    clock.set(2026, 1, 10, 9, 30)
    service.pledge("alcohol")
    service.status()
    return CoachApp(context, start="trackers")


def test_trackers_screen_snapshot(snap_compare, context, clock):
    assert snap_compare(_app(context, clock), terminal_size=(100, 34))


def test_harm_screen_snapshot(snap_compare, context, clock):
    async def open_cards(pilot):
        await pilot.press("h")
        await pilot.pause()

    assert snap_compare(_app(context, clock), terminal_size=(100, 40), run_before=open_cards)
