"""Slips, milestones, savings, pledges and triggers, with a clock the test moves."""

from __future__ import annotations

import itertools
import json
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coach.errors import CoachError
from coach.trackers import milestones

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")


def test_a_slip_starts_a_new_streak_and_keeps_the_history(service, clock):
    clock.set(2026, 1, 1, 20, 0)
    service.add("alcohol", cost_per_day=10.0)
    clock.set(2026, 1, 11, 21, 0)
    result = service.slip("alcohol", trigger="Friday drinks", urge=8, note="after work")
    assert result.ended_days == 10
    assert (result.status.days, result.status.longest_days) == (0, 10)
    clock.set(2026, 1, 14, 21, 0)
    status = service.status("alcohol")[0]
    assert status.days == 3
    assert status.longest_days == 10 and not status.longest_is_current
    assert status.total_clean_days == 13
    assert status.slips == 1
    assert len(status.tracker.streaks) == 2
    # Money saved counts every day kept, before the slip too.
    assert status.money_saved == round(10.0 * (10 + 1 / 24 + 3), 2)
    assert status.money_saved_streak == pytest.approx(30.0)
    slip = next(e for e in service.events() if e.type == "slip")
    assert (slip.trigger, slip.urge, slip.note) == ("Friday drinks", 8, "after work")


def test_a_longer_new_streak_becomes_the_longest(service, clock):
    clock.set(2026, 1, 1, 8, 0)
    service.add("cannabis", kind="substance")
    clock.set(2026, 1, 3, 8, 0)
    service.slip("cannabis")
    clock.set(2026, 1, 8, 9, 0)
    status = service.status("cannabis")[0]
    assert (status.days, status.longest_days, status.longest_is_current) == (5, 5, True)
    assert status.total_clean_days == 7


def test_a_slip_before_the_current_streak_is_refused_and_nothing_is_stored(service, clock):
    clock.set(2026, 1, 10, 8, 0)
    service.add("alcohol")
    before = service.store.file_for("trackers").read_bytes()
    with pytest.raises(CoachError, match="before the current streak"):
        service.slip("alcohol", at=datetime(2026, 1, 9, 8, 0, tzinfo=PARIS))
    assert service.store.file_for("trackers").read_bytes() == before


def test_a_backdated_slip_splits_the_streak_where_it_happened(service, clock):
    clock.set(2026, 1, 1, 8, 0)
    service.add("alcohol")
    clock.set(2026, 1, 20, 8, 0)
    result = service.slip("alcohol", at=datetime(2026, 1, 15, 23, 0, tzinfo=PARIS))
    assert result.ended_days == 14
    assert result.status.days == 4
    assert result.status.tracker.since == datetime(2026, 1, 15, 23, 0, tzinfo=PARIS)


def test_milestones_are_celebrated_once_per_streak_and_recorded(service, clock, context):
    clock.set(2026, 1, 1, 8, 0)
    service.add("alcohol")
    clock.set(2026, 1, 2, 8, 0)
    assert [m.id for m in service.status("alcohol")[0].new] == ["1d"]
    assert service.status("alcohol")[0].new == []
    assert service.summaries()[0].new == []  # a pure read never celebrates
    clock.set(2026, 1, 8, 9, 0)
    assert [m.id for m in service.summaries()[0].new] == ["3d", "7d"]
    assert [m.id for m in service.status("alcohol")[0].new] == ["3d", "7d"]
    assert service.status("alcohol")[0].new == []
    raw = json.loads(context.store.file_for("trackers").read_text())
    celebrated = next(iter(raw["trackers"].values()))["celebrated"]
    assert [c["milestone"] for c in celebrated] == ["1d", "3d", "7d"]
    # A new start has its own milestones: reaching one day again deserves a word.
    service.slip("alcohol")
    clock.set(2026, 1, 9, 9, 0)
    assert [m.id for m in service.status("alcohol")[0].new] == ["1d"]


def test_a_start_in_the_past_celebrates_what_it_already_reached_at_once(service, clock):
    clock.set(2026, 6, 1, 12, 0)
    status = service.add("alcohol", since=datetime(2026, 2, 1, 12, 0, tzinfo=PARIS))
    assert [m.id for m in status.new] == ["1d", "3d", "7d", "2w", "30d", "60d", "90d"]
    assert status.next.id == "6m"
    # 12:00 CET in February, 12:00 CEST in August: the wall time is kept.
    assert status.next_due == datetime(2026, 8, 1, 12, 0, tzinfo=PARIS)
    assert service.status("alcohol")[0].new == []


def test_the_milestone_sequence_then_yearly():
    ids = [m.id for m in itertools.islice(milestones.sequence(), 13)]
    assert ids == ["1d", "3d", "7d", "2w", "30d", "60d", "90d", "6m", "1y", "2y", "3y", "4y", "5y"]
    start = datetime(2026, 3, 1, 22, 0, tzinfo=PARIS)
    year = milestones.by_id("1y").due(start, PARIS).astimezone(PARIS)
    assert (year.date().isoformat(), year.hour) == ("2027-03-01", 22)
    assert milestones.by_id("nope") is None


def test_money_and_time_saved(service, clock):
    clock.set(2026, 1, 1, 8, 0)
    service.add("smoking", cost_per_day=12.5, time_per_day=90)
    clock.set(2026, 1, 11, 8, 0)
    status = service.status("smoking")[0]
    assert status.money_saved == 125.0
    assert status.time_saved_minutes == 900
    nothing = service.add("gaming")
    assert nothing.money_saved is None and nothing.time_saved_minutes is None


def test_pledge_streak_counts_days_in_a_row(service, clock):
    clock.set(2026, 1, 1, 8, 0)
    service.add("alcohol")
    for day in (1, 2, 3):
        clock.set(2026, 1, day, 8, 0)
        _event, status = service.pledge("alcohol", "one day at a time")
    assert status.pledge_streak == 3 and status.pledged_today
    clock.set(2026, 1, 4, 7, 0)  # the morning of the 4th, not yet pledged: the streak holds
    status = service.status("alcohol")[0]
    assert status.pledge_streak == 3 and not status.pledged_today
    clock.set(2026, 1, 6, 8, 0)  # a day missed: a fresh pledge streak
    _event, status = service.pledge("alcohol")
    assert status.pledge_streak == 1


def test_reviews_keep_their_rating_and_note(service, clock):
    service.add("alcohol")
    event, status = service.review("alcohol", 4, "tough evening")
    assert (event.rating, event.note, event.type) == (4, "tough evening", "review")
    assert status.reviewed_today


def test_triggers_over_time(service, clock):
    clock.set(2026, 1, 1, 8, 0)
    service.add("alcohol")
    moments = [
        (datetime(2026, 1, 2, 21, 15, tzinfo=PARIS), "Stress", 7, "urge"),  # Friday
        (datetime(2026, 1, 3, 21, 40, tzinfo=PARIS), "stress ", 9, "slip"),  # Saturday
        (datetime(2026, 1, 9, 21, 5, tzinfo=PARIS), "Friday drinks", 6, "urge"),  # Friday
        (datetime(2026, 1, 10, 14, 0, tzinfo=PARIS), "boredom", None, "urge"),
    ]
    for at, trigger, urge, kind in moments:
        clock.now = at + timedelta(minutes=5)
        getattr(service, kind)("alcohol", at=at, trigger=trigger, urge=urge)
    data = service.triggers("alcohol")
    assert (data["events"], data["slips"], data["urges"]) == (4, 1, 3)
    top = data["triggers"][0]
    assert (top["trigger"], top["count"], top["average_urge"], top["slips"]) == (
        "stress",
        2,
        8.0,
        1,
    )
    assert data["peak_hours"] == [21]
    assert data["hours"][21] == 3 and data["hours"][14] == 1
    assert data["peak_weekdays"] == [4, 5]  # Friday and Saturday, two each
    assert data["by_month"] == {"2026-01": 4}


def test_trigger_hours_are_read_on_the_clock_the_person_had(service, clock):
    service.add("alcohol")
    # 03:00 UTC is 22:00 in Montreal: the evening the person lived, not the UTC night.
    at = datetime.fromisoformat("2026-01-05T22:00:00-05:00")
    clock.set(2026, 1, 6, 12, 0)
    service.urge("alcohol", at=at, trigger="evening")
    assert service.triggers("alcohol")["peak_hours"] == [22]


def test_names_are_unique_whatever_their_case(service):
    service.add("Alcohol")
    with pytest.raises(CoachError, match="already have"):
        service.add("  alcohol ")
    assert service.find("ALCOHOL").name == "Alcohol"
    assert service.find("alcohol").kind == "alcohol"


def test_removing_a_tracker_removes_its_events(service):
    service.add("alcohol")
    service.add("gambling")
    service.pledge("alcohol")
    service.pledge("gambling")
    service.remove("alcohol")
    assert [tr.name for tr in service.trackers()] == ["gambling"]
    assert {e.tracker_id for e in service.events()} == {service.find("gambling").id}
    with pytest.raises(CoachError, match="Yours: gambling"):
        service.find("alcohol")


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(st.integers(min_value=1, max_value=60 * 24 * 40), min_size=1, max_size=12))
def test_each_milestone_is_celebrated_exactly_once_however_often_status_runs(service, clock, steps):
    clock.set(2026, 1, 1, 20, 0)
    name = f"t{len(service.trackers())}"  # one tracker per example, in the same store
    service.add(name)
    seen: list[str] = []
    for minutes in steps:
        clock.now = clock.now + timedelta(minutes=minutes)
        seen += [m.id for m in service.status(name)[0].new]
        seen += [m.id for m in service.status(name)[0].new]  # asking again adds nothing
    final = service.status(name)[0]
    assert len(seen) == len(set(seen))
    assert seen == [m.id for m in final.reached]
    assert final.next.due(final.tracker.since, PARIS) > final.now
