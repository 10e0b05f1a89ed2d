"""The sessions service: what a stored run holds, the after-rating, today's runs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from coach.errors import CoachError
from coach.exercises.sessions import Sessions

PARIS = timezone(timedelta(hours=1))


def test_a_run_is_stored_with_the_fields_insights_read(context):
    started = datetime(2026, 3, 6, 21, 0, tzinfo=PARIS)
    run = Sessions(context).record(
        exercise_id="box", kind="breathing", started_at=started, duration_s=300.04,
        completed=True, rating_before=3, cycles=19,
    )  # fmt: skip
    assert run == {
        "id": 1, "exercise_id": "box", "kind": "breathing",
        "started_at": "2026-03-06T21:00:00+01:00", "duration_s": 300.0, "completed": True,
        "rating_before": 3, "rating_after": None, "cycles": 19,
    }  # fmt: skip
    updated = Sessions(context).rate_after(run["id"], 7)
    assert updated["rating_after"] == 7
    assert context.store.collection("sessions").get(run["id"])["rating_after"] == 7


@pytest.mark.parametrize("rating", [-1, 11, 3.5, True, "7"])
def test_ratings_are_whole_numbers_from_0_to_10(context, rating):
    with pytest.raises(CoachError):
        Sessions(context).record(
            exercise_id="box", kind="breathing", started_at=context.now(), duration_s=1,
            completed=False, rating_before=rating,
        )  # fmt: skip


def test_runs_of_a_day_in_the_local_time_zone(context):
    sessions = Sessions(context)
    context.clock = lambda: datetime(2026, 3, 7, 9, 0, tzinfo=PARIS)
    for when in ("2026-03-06T23:30:00+00:00", "2026-03-06T22:30:00+00:00"):
        sessions.record(
            exercise_id="sigh", kind="breathing", started_at=datetime.fromisoformat(when),
            duration_s=60, completed=True,
        )  # fmt: skip
    # 23:30 UTC is 00:30 in Paris, the next day; 22:30 UTC is still the 6th there.
    assert [r["started_at"] for r in sessions.on_day(datetime(2026, 3, 7).date())] == [
        "2026-03-06T23:30:00+00:00"
    ]
    assert len(sessions.recent(5)) == 2 and sessions.recent(5, "box") == []
