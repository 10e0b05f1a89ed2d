"""`coach nudge` on fixture histories, with a fixed clock: kind, short, never guilt."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from coach.i18n import catalogue
from coach.reminders.nudge import compute, in_quiet_hours

PARIS = timezone(timedelta(hours=1))
# Friday 6 March 2026, 15:00: outside the default quiet hours (22:00-08:00).
FRIDAY = datetime(2026, 3, 6, 15, 0, tzinfo=PARIS)


def at(context, moment: datetime):
    context.clock = lambda: moment
    return context


def checkin(context, moment: datetime, mood: int = 6) -> None:
    context.store.collection("checkins").insert({"at": moment.isoformat(), "mood": mood})


def session(
    context, exercise: str, moment: datetime, before: int, after: int, kind: str = "breathing"
) -> None:
    context.store.collection("sessions").insert(
        {
            "exercise_id": exercise,
            "kind": kind,
            "started_at": moment.isoformat(),
            "duration_s": 120,
            "completed": True,
            "rating_before": before,
            "rating_after": after,
        }
    )


def test_an_empty_store_gets_a_welcome(context) -> None:
    nudge = compute(at(context, FRIDAY))
    assert nudge.kind == "welcome"
    assert nudge.text.startswith("Welcome.")


def test_no_checkin_since_tuesday(context) -> None:
    checkin(context, datetime(2026, 3, 3, 21, 0, tzinfo=PARIS))  # Tuesday
    nudge = compute(at(context, FRIDAY))
    assert nudge.kind == "checkin_gap"
    assert nudge.text == (
        "Your last check-in was on Tuesday. Whenever you like, one minute is enough: coach checkin"
    )


def test_no_checkin_since_tuesday_in_french(context_fr) -> None:
    checkin(context_fr, datetime(2026, 3, 3, 21, 0, tzinfo=PARIS))
    nudge = compute(at(context_fr, FRIDAY))
    assert nudge.text == (
        "Votre dernier bilan date de mardi. Quand vous voulez, une minute suffit : coach checkin"
    )


def test_a_long_gap_names_the_date_not_a_weekday(context, context_fr) -> None:
    checkin(context, datetime(2026, 2, 20, 9, 0, tzinfo=PARIS))
    assert compute(at(context, FRIDAY)).text.startswith("Your last check-in was on February 20.")
    assert compute(at(context_fr, FRIDAY)).text.startswith(
        "Votre dernier bilan date du 20 février."
    )


def test_yesterday_is_not_a_gap(context) -> None:
    checkin(context, datetime(2026, 3, 5, 22, 30, tzinfo=PARIS))
    nudge = compute(at(context, FRIDAY))
    assert nudge.kind == "hello"
    assert nudge.text == "A short pause this afternoon? A few slow breaths count too."


def test_checked_in_today(context) -> None:
    checkin(context, FRIDAY - timedelta(hours=6))
    assert compute(at(context, FRIDAY)).kind == "checked_in"


def test_the_breathing_exercise_that_helped_most_this_week(context) -> None:
    checkin(context, FRIDAY - timedelta(hours=2))
    # Ratings say how one feels (10 best). box: 4->7 and 3->6 (gain 3); 478: 4->5 (gain 1);
    # an older, bigger gain and a non-breathing exercise do not count.
    session(context, "box", FRIDAY - timedelta(days=1), 4, 7)
    session(context, "box", FRIDAY - timedelta(days=3), 3, 6)
    session(context, "478", FRIDAY - timedelta(days=2), 4, 5)
    session(context, "sigh", FRIDAY - timedelta(days=9), 1, 9)
    session(context, "ground-54321", FRIDAY - timedelta(days=1), 1, 9, kind="steps")
    nudge = compute(at(context, FRIDAY))
    assert nudge.kind == "best_exercise"
    assert nudge.data["exercise_id"] == "box"
    assert nudge.data["gain"] == 3.0 and nudge.data["sessions"] == 2
    assert nudge.text.startswith("This week, “")
    assert nudge.text.endswith("coach breathe box")


def test_exercises_that_did_not_help_are_not_praised(context) -> None:
    checkin(context, FRIDAY - timedelta(hours=2))
    session(context, "box", FRIDAY - timedelta(days=1), 5, 3)
    session(context, "478", FRIDAY - timedelta(days=1), 4, 4)
    assert compute(at(context, FRIDAY)).kind == "checked_in"


def test_sessions_split_by_year_are_read(context) -> None:
    checkin(context, FRIDAY - timedelta(hours=2))
    context.store.collection("sessions", year=2026).insert(
        {
            "exercise_id": "coherence",
            "started_at": (FRIDAY - timedelta(days=1)).isoformat(),
            "rating_before": 5,
            "rating_after": 8,
        }
    )
    assert compute(at(context, FRIDAY)).data["exercise_id"] == "coherence"


def test_a_milestone_tomorrow(context) -> None:
    trackers = pytest.importorskip("coach.trackers.service")
    at(context, FRIDAY)
    trackers.TrackerService(context).add("Alcohol", since=FRIDAY - timedelta(days=6))
    checkin(context, datetime(2026, 3, 3, 21, 0, tzinfo=PARIS))  # a gap too: the milestone wins
    nudge = compute(context)
    assert nudge.kind == "milestone_tomorrow"
    assert nudge.text == (
        "Tomorrow: 7 days for “Alcohol”. One day at a time, you are nearly there."
    )
    assert nudge.data["milestone"] == "7d"


def test_a_milestone_tomorrow_in_french(context_fr) -> None:
    trackers = pytest.importorskip("coach.trackers.service")
    at(context_fr, FRIDAY)
    trackers.TrackerService(context_fr).add("Tabac", since=FRIDAY - timedelta(days=13, hours=1))
    nudge = compute(context_fr)
    assert nudge.text == (
        "Demain : 2 semaines pour « Tabac ». Un jour après l'autre, vous y êtes presque."
    )


@pytest.mark.parametrize(
    ("start", "end", "clock", "quiet"),
    [
        ("22:00", "08:00", "23:30", True),
        ("22:00", "08:00", "07:59", True),
        ("22:00", "08:00", "08:00", False),
        ("22:00", "08:00", "15:00", False),
        ("13:00", "14:00", "13:30", True),
        ("13:00", "14:00", "14:30", False),
        ("09:00", "09:00", "09:00", False),  # same start and end: no quiet hours
    ],
)
def test_quiet_hours(context, start, end, clock, quiet) -> None:
    context.config = context.config.with_overrides(
        **{"quiet_hours.start": start, "quiet_hours.end": end}
    )
    hour, minute = map(int, clock.split(":"))
    moment = FRIDAY.replace(hour=hour, minute=minute)
    assert in_quiet_hours(context, moment) is quiet
    assert (compute(at(context, moment)) is None) is quiet


def test_cli_nudge_json(cli) -> None:
    cli("config", "set", "quiet_hours.start", "00:00")
    cli("config", "set", "quiet_hours.end", "00:00")
    r = cli("nudge", "--json")
    assert r.code == 0
    data = r.json()
    assert set(data) == {"quiet", "kind", "text", "data"}
    assert data["quiet"] is False and data["kind"] == "welcome"
    assert cli("nudge").out == data["text"] + "\n"


def test_cli_nudge_in_quiet_hours_prints_nothing_and_exits_0(cli) -> None:
    now = datetime.now()
    cli("config", "set", "quiet_hours.start", (now - timedelta(hours=1)).strftime("%H:%M"))
    cli("config", "set", "quiet_hours.end", (now + timedelta(hours=2)).strftime("%H:%M"))
    r = cli("nudge")
    assert (r.code, r.out, r.err) == (0, "", "")
    r = cli("nudge", "--json")
    assert r.code == 0 and json.loads(r.out) == {
        "quiet": True,
        "kind": None,
        "text": None,
        "data": {},
    }


GUILT = {
    "en": ["missed", "forgot", "should", "fail", "broke", "lazy", "again?", "only ", "finally"],
    "fr": ["manqué", "oubli", "devriez", "devez", "échou", "rompu", "paresse", "enfin"],
}


def test_never_guilt_in_either_language() -> None:
    texts = {
        key: entry
        for key, entry in catalogue().items()
        if key.startswith("nudge.") or key.startswith("remind.fire.")
    }
    assert texts
    for key, entry in texts.items():
        for lang, words in GUILT.items():
            lowered = entry[lang].lower()
            assert not [w for w in words if w in lowered], (key, lang, entry[lang])
            assert len(entry[lang]) <= 140, key  # one short line
