"""Counting days across time zones and daylight-saving changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coach.trackers.timeutil import (
    add_local_days,
    add_local_months,
    full_days,
    local_zone,
    parse_user_datetime,
)

PARIS = ZoneInfo("Europe/Paris")
MONTREAL = ZoneInfo("America/Montreal")


def test_paris_spring_forward_day_has_23_hours_and_still_counts_one_day(service, clock):
    clock.set(2026, 3, 28, 22, 0)  # CET, the night before clocks go forward
    service.add("alcohol")
    clock.set(2026, 3, 29, 21, 30)  # CEST: 22.5 real hours later
    status = service.status("alcohol")[0]
    assert (status.days, status.hours) == (0, 22)
    clock.set(2026, 3, 29, 22, 0)  # same wall time next day: only 23 real hours
    status = service.status("alcohol")[0]
    assert (status.days, status.hours) == (1, 23)
    assert [m.id for m in status.new] == ["1d"]


def test_paris_fall_back_day_has_25_hours_and_the_day_ticks_at_the_wall_time(service, clock):
    clock.set(2026, 10, 24, 22, 0)  # CEST, the night before clocks go back
    service.add("alcohol")
    clock.set(2026, 10, 25, 21, 30)  # CET: 24.5 real hours, but not yet 22:00
    status = service.status("alcohol")[0]
    assert (status.days, status.hours) == (0, 24)
    clock.set(2026, 10, 25, 22, 0)
    status = service.status("alcohol")[0]
    assert (status.days, status.hours) == (1, 25)


def test_next_milestone_left_is_real_time_across_a_change(service, clock):
    clock.set(2026, 3, 28, 22, 0)
    data = service.add("alcohol").to_json()
    # Due 22:00 CEST the next day: 23 hours away, not the 24 a wall-clock subtraction says.
    assert data["next_milestone"]["due"] == "2026-03-29T22:00:00+02:00"
    assert data["next_milestone"]["hours_left"] == 23


def test_a_user_moving_from_montreal_to_paris_keeps_exact_elapsed_time(service, clock):
    clock.set(2026, 1, 10, 20, 0, tz=MONTREAL)  # 2026-01-11 01:00 UTC
    service.add("gambling", cost_per_day=24.0)
    clock.set(2026, 1, 20, 8, 0, tz=PARIS)  # 2026-01-20 07:00 UTC: 9 days 6 hours later
    status = service.status("gambling")[0]
    assert status.hours == 9 * 24 + 6
    assert status.days == 9
    assert status.money_saved == pytest.approx(24.0 * (9 + 6 / 24))
    # Days now tick on the Paris clock: the start was 02:00 there; 2 weeks = 01-25.
    assert status.to_json()["next_milestone"]["due"] == "2026-01-25T02:00:00+01:00"
    assert [m.id for m in status.reached] == ["1d", "3d", "7d"]


def test_moving_back_and_forth_never_changes_the_count_more_than_the_clock(service, clock):
    clock.set(2026, 1, 10, 20, 0, tz=MONTREAL)
    service.add("alcohol")
    instant = datetime(2026, 1, 20, 7, 0, tzinfo=UTC)
    clock.now = instant.astimezone(MONTREAL)
    in_montreal = service.status("alcohol")[0]
    clock.now = instant.astimezone(PARIS)
    in_paris = service.status("alcohol")[0]
    assert in_montreal.hours == in_paris.hours
    assert in_montreal.days == in_paris.days == 9


def test_stored_datetimes_are_aware_iso_strings(service, clock, context):
    service.add("alcohol")
    clock.set(2026, 1, 6, 21, 0)
    service.slip("alcohol", trigger="stress", urge=6)
    service.pledge("alcohol")
    raw = json.loads(context.store.file_for("trackers").read_text())
    tracker = next(iter(raw["trackers"].values()))
    stamps = [tracker["since"], tracker["created"], *(s[k] for s in tracker["streaks"] for k in s)]
    stamps += [e["at"] for e in raw["events"].values()]
    for stamp in stamps:
        assert datetime.fromisoformat(stamp).tzinfo is not None, stamp
    assert tracker["since"] == "2026-01-06T21:00:00+01:00"


def test_add_local_days_keeps_the_wall_time_across_dst():
    start = datetime(2026, 3, 28, 22, 0, tzinfo=PARIS)
    assert add_local_days(start, 1, PARIS) == datetime(2026, 3, 29, 20, 0, tzinfo=UTC)
    assert add_local_days(start, 1, PARIS).astimezone(PARIS).hour == 22


def test_months_clamp_to_the_end_of_the_month():
    start = datetime(2026, 1, 31, 12, 0, tzinfo=PARIS)
    assert add_local_months(start, 1, PARIS).astimezone(PARIS).date().isoformat() == "2026-02-28"
    leap = datetime(2028, 2, 29, 12, 0, tzinfo=PARIS)
    assert add_local_months(leap, 12, PARIS).astimezone(PARIS).date().isoformat() == "2029-02-28"


@settings(max_examples=300, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2027, 12, 31)),
    minutes=st.integers(min_value=0, max_value=60 * 24 * 400),
)
def test_full_days_stays_within_an_hour_of_elapsed_days(start, minutes):
    begin = start.replace(tzinfo=PARIS).astimezone(UTC)
    end = begin + timedelta(minutes=minutes)
    days = full_days(begin, end, PARIS)
    elapsed = (end - begin).total_seconds()
    # A calendar day is 23, 24 or 25 hours: never more than an hour off the clock.
    assert days * 86400 - 3600 <= elapsed < (days + 1) * 86400 + 3600
    assert full_days(begin, end + timedelta(hours=25), PARIS) >= days + 1


def test_user_datetimes_are_local_wall_clock_and_gaps_are_resolved():
    now = datetime(2026, 4, 1, 12, 0, tzinfo=PARIS)
    assert parse_user_datetime("2026-03-01", now, PARIS).isoformat() == "2026-03-01T00:00:00+01:00"
    assert parse_user_datetime("2026-03-01 22:00", now, PARIS).hour == 22
    offset = parse_user_datetime("2026-03-01T22:00-05:00", now, PARIS)
    assert offset.utcoffset() == timedelta(hours=-5)
    # 02:30 does not exist in Paris on 2026-03-29: it becomes a real instant.
    gap = parse_user_datetime("2026-03-29 02:30", now, PARIS)
    assert gap.astimezone(UTC) == datetime(2026, 3, 29, 1, 30, tzinfo=UTC)
    assert parse_user_datetime("yesterday", now, PARIS).date().isoformat() == "2026-03-31"
    with pytest.raises(ValueError):
        parse_user_datetime("last tuesday", now, PARIS)


def test_local_zone_prefers_a_real_zone(monkeypatch):
    assert local_zone(datetime(2026, 1, 1, tzinfo=PARIS)) is PARIS
    monkeypatch.setenv("TZ", "Europe/Paris")
    fixed = datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=1)))
    assert str(local_zone(fixed)) == "Europe/Paris"
    # A fixed offset that does not match the system zone is kept as it is.
    other = datetime(2026, 1, 1, 12, 0, tzinfo=timezone(timedelta(hours=9)))
    assert local_zone(other) == timezone(timedelta(hours=9))
