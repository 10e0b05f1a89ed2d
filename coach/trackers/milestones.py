"""Milestones of a streak: 1, 3 and 7 days, 2 weeks, 30, 60 and 90 days, 6 months,
1 year, then every year. Each is a calendar step in the user's zone."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, tzinfo

from coach.trackers.timeutil import add_local_days, add_local_months

_DAYS = (1, 3, 7, 14, 30, 60, 90)


@dataclass(frozen=True)
class Milestone:
    id: str  # "1d", "2w", "6m", "1y", "2y", ...
    unit: str  # "day", "week", "month", "year": picks the wording
    count: int

    def due(self, start: datetime, zone: tzinfo) -> datetime:
        if self.unit == "month":
            return add_local_months(start, self.count, zone)
        if self.unit == "year":
            return add_local_months(start, 12 * self.count, zone)
        days = self.count * 7 if self.unit == "week" else self.count
        return add_local_days(start, days, zone)


def sequence() -> Iterator[Milestone]:
    """Every milestone in order, without end (years keep coming)."""
    for days in _DAYS:
        if days == 14:
            yield Milestone("2w", "week", 2)
        else:
            yield Milestone(f"{days}d", "day", days)
    yield Milestone("6m", "month", 6)
    year = 1
    while True:
        yield Milestone(f"{year}y", "year", year)
        year += 1


def by_id(milestone_id: str) -> Milestone | None:
    for milestone in sequence():
        if milestone.id == milestone_id:
            return milestone
        if milestone.unit == "year" and milestone.count > 1000:
            return None
    return None


def reached(start: datetime, now: datetime, zone: tzinfo) -> list[Milestone]:
    """Milestones of the streak that began at `start`, already reached at `now`."""
    out = []
    for milestone in sequence():
        if milestone.due(start, zone) > now:
            break
        out.append(milestone)
    return out


def upcoming(start: datetime, now: datetime, zone: tzinfo) -> tuple[Milestone, datetime]:
    """The next milestone of the streak and the instant it is reached."""
    for milestone in sequence():
        due = milestone.due(start, zone)
        if due > now:
            return milestone, due
    raise AssertionError("unreachable: the sequence has no end")
