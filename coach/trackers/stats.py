"""What a tracker's history adds up to: streaks, clean days, savings, pledges, triggers.

Pure functions over a Tracker and its events, a `now` and the user's zone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from coach.trackers import milestones
from coach.trackers.model import Event, Tracker
from coach.trackers.timeutil import add_local_days, full_days, iso, utc

FIRST_DAYS = 7  # hours are shown next to the days this long


@dataclass
class Status:
    tracker: Tracker
    now: datetime  # UTC
    zone: tzinfo
    days: int
    hours: int  # whole hours since the streak began (UTC instants)
    hours_into_day: int  # hours since the counter last gained a day
    longest_days: int
    longest_is_current: bool
    total_clean_days: int
    slips: int
    money_saved: float | None
    money_saved_streak: float | None
    time_saved_minutes: int | None
    time_saved_streak_minutes: int | None
    reached: list[milestones.Milestone]
    new: list[milestones.Milestone]
    next: milestones.Milestone
    next_due: datetime
    pledge_streak: int = 0
    pledged_today: bool = False
    reviewed_today: bool = False

    @property
    def first_days(self) -> bool:
        return self.days < FIRST_DAYS

    def to_json(self) -> dict[str, Any]:
        t = self.tracker
        left = max(self.next_due - self.now, timedelta(0))
        return {
            "id": t.id,
            "name": t.name,
            "kind": t.kind,
            "since": iso(t.since),
            "created": iso(t.created),
            "days": self.days,
            "hours": self.hours,
            "hours_into_day": self.hours_into_day,
            "longest_streak_days": self.longest_days,
            "longest_is_current": self.longest_is_current,
            "total_clean_days": self.total_clean_days,
            "streaks": len(t.streaks),
            "slips": self.slips,
            "cost_per_day": t.cost_per_day,
            "time_per_day": t.time_per_day,
            "money_saved": self.money_saved,
            "money_saved_streak": self.money_saved_streak,
            "time_saved_minutes": self.time_saved_minutes,
            "time_saved_streak_minutes": self.time_saved_streak_minutes,
            "milestones_reached": [m.id for m in self.reached],
            "milestones_new": [m.id for m in self.new],
            "next_milestone": {
                "id": self.next.id,
                "due": iso(self.next_due.astimezone(self.zone)),
                "days_left": left.days,
                "hours_left": int(left.total_seconds() // 3600),
            },
            "pledge_streak": self.pledge_streak,
            "pledged_today": self.pledged_today,
            "reviewed_today": self.reviewed_today,
        }


@dataclass(frozen=True)
class Activity:
    """What a status needs from a tracker's events: read from the raw rows without
    building an Event (and parsing a datetime) for each of years of pledges."""

    slips: int = 0
    pledge_days: frozenset[str] = frozenset()
    review_days: frozenset[str] = frozenset()

    @classmethod
    def of(cls, rows: Iterable[dict[str, Any]]) -> Activity:
        slips, pledges, reviews = 0, set(), set()
        for row in rows:
            kind, day = row.get("type"), row.get("day", "")
            if kind == "slip":
                slips += 1
            elif kind == "pledge":
                pledges.add(day)
            elif kind == "review":
                reviews.add(day)
        return cls(slips, frozenset(pledges), frozenset(reviews))


def compute(tracker: Tracker, activity: Activity, now: datetime, zone: tzinfo) -> Status:
    now = utc(now)
    streak_days = [full_days(s.start, s.end or now, zone) for s in tracker.streaks]
    durations = [(utc(s.end or now) - utc(s.start)).total_seconds() for s in tracker.streaks]
    current_days = streak_days[-1]
    longest_index = max(range(len(durations)), key=lambda i: (streak_days[i], durations[i]))
    elapsed = max(now - utc(tracker.since), timedelta(0))
    clean_seconds = sum(max(d, 0.0) for d in durations)
    last_tick = add_local_days(tracker.since, current_days, zone)
    reached = milestones.reached(tracker.since, now, zone)
    done = tracker.celebrated_for_current()
    upcoming, due = milestones.upcoming(tracker.since, now, zone)
    today = now.astimezone(zone).date()
    return Status(
        tracker=tracker,
        now=now,
        zone=zone,
        days=current_days,
        hours=int(elapsed.total_seconds() // 3600),
        hours_into_day=int(max(now - last_tick, timedelta(0)).total_seconds() // 3600),
        longest_days=streak_days[longest_index],
        longest_is_current=streak_days[-1] >= streak_days[longest_index],
        total_clean_days=sum(streak_days),
        slips=activity.slips,
        money_saved=_per_day(tracker.cost_per_day, clean_seconds, 2),
        money_saved_streak=_per_day(tracker.cost_per_day, elapsed.total_seconds(), 2),
        time_saved_minutes=_minutes(tracker.time_per_day, clean_seconds),
        time_saved_streak_minutes=_minutes(tracker.time_per_day, elapsed.total_seconds()),
        reached=reached,
        new=[m for m in reached if m.id not in done],
        next=upcoming,
        next_due=due,
        pledge_streak=pledge_streak(activity.pledge_days, today),
        pledged_today=today.isoformat() in activity.pledge_days,
        reviewed_today=today.isoformat() in activity.review_days,
    )


def _per_day(amount: float | None, seconds: float, digits: int) -> float | None:
    if amount is None:
        return None
    return round(amount * seconds / 86400, digits)


def _minutes(per_day: int | None, seconds: float) -> int | None:
    if per_day is None:
        return None
    return int(per_day * seconds / 86400)


def pledge_streak(pledge_days: Iterable[str], today: date) -> int:
    """Days in a row with a morning pledge, up to today (or yesterday: today is not over)."""
    days = {date.fromisoformat(d) for d in pledge_days if d}
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def triggers(events: list[Event]) -> dict[str, Any]:
    """When and why urges come: from slips and from urges lived through.

    Hours and weekdays are read on the person's clock at that moment (the offset
    stored with each event), which is what they lived, even after a move.
    """
    moments = [e for e in events if e.type in ("slip", "urge")]
    named: dict[str, list[Event]] = {}
    for event in moments:
        if event.trigger.strip():
            named.setdefault(" ".join(event.trigger.split()).casefold(), []).append(event)
    ranked = sorted(
        named.values(), key=lambda evs: (-len(evs), -max(e.at for e in evs).timestamp())
    )
    hours = [0] * 24
    weekdays = [0] * 7
    months: Counter[str] = Counter()
    for event in moments:
        hours[event.at.hour] += 1
        weekdays[event.at.weekday()] += 1
        months[event.at.strftime("%Y-%m")] += 1
    total = len(moments)
    return {
        "events": total,
        "slips": sum(1 for e in moments if e.type == "slip"),
        "urges": sum(1 for e in moments if e.type == "urge"),
        "triggers": [_trigger_row(evs, total) for evs in ranked],
        "hours": hours,
        "weekdays": weekdays,
        "peak_hours": _peaks(hours),
        "peak_weekdays": _peaks(weekdays),
        "by_month": dict(sorted(months.items())),
    }


def _trigger_row(evs: list[Event], total: int) -> dict[str, Any]:
    latest = max(evs, key=lambda e: (utc(e.at), e.id))
    urges = [e.urge for e in evs if e.urge is not None]
    return {
        "trigger": latest.trigger.strip(),
        "count": len(evs),
        "share": round(len(evs) / total, 3) if total else 0.0,
        "slips": sum(1 for e in evs if e.type == "slip"),
        "first": iso(min(e.at for e in evs)),
        "last": iso(latest.at),
        "average_urge": round(sum(urges) / len(urges), 1) if urges else None,
    }


def _peaks(counts: list[int]) -> list[int]:
    top = max(counts, default=0)
    return [i for i, c in enumerate(counts) if c == top] if top else []
