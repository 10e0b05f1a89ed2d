"""A context whose clock the test moves by hand, in any zone."""

from __future__ import annotations

import time
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")


@pytest.fixture(autouse=True)
def utc_machine(monkeypatch: pytest.MonkeyPatch):
    """Tests on the real clock count whole days back from now: on a machine in a DST zone
    that would shift by an hour twice a year. Zoned cases use explicit zones instead."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, *args: int, tz: ZoneInfo = PARIS) -> datetime:
        self.now = datetime(*args, tzinfo=tz)
        return self.now


@pytest.fixture
def clock(context) -> Clock:
    """Moves `context`'s clock; starts on 2026-01-05 09:00 in Paris."""
    clk = Clock(datetime(2026, 1, 5, 9, 0, tzinfo=PARIS))
    context.clock = clk
    return clk


@pytest.fixture
def service(context, clock):
    from coach.trackers.service import TrackerService

    return TrackerService(context)
