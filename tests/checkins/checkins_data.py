"""Fixture data for the check-ins, screenings, journal and insights tests (a fixed clock)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

# A Saturday afternoon, in a zone with an offset, so local days are really exercised.
FIXED = datetime(2026, 11, 28, 15, 30, tzinfo=timezone(timedelta(hours=1)))
EXERCISES = ("box", "grounding-54321", "urge-surfing", "body-scan")


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def checkin(moment: datetime, mood: int, **extra) -> dict:
    return {
        "at": iso(moment),
        "mood": mood,
        "energy": extra.get("energy"),
        "anxiety": extra.get("anxiety"),
        "sleep_hours": extra.get("sleep_hours"),
        "tags": extra.get("tags", []),
        "note": extra.get("note", ""),
    }


def session(moment: datetime, exercise_id: str, before, after, completed=True, kind="breathing"):
    return {
        "exercise_id": exercise_id,
        "kind": kind,
        "started_at": iso(moment),
        "duration_s": 240.0,
        "completed": completed,
        "rating_before": before,
        "rating_after": after,
    }


def seed(context, now: datetime = FIXED, exercises: tuple[str, ...] = EXERCISES) -> None:
    """Ninety days of life: a steady month, then a two-week slide; exercises; questionnaires."""
    store = context.store
    checkins = []
    for days_ago in range(89, -1, -1):
        day = now - timedelta(days=days_ago)
        if days_ago % 7 == 3 and days_ago > 20:
            continue  # a few missed days
        steady = 6 + (days_ago % 3) // 2  # 6 or 7
        sliding = max(2, 7 - (14 - days_ago) // 3)  # from 7 down to 3 over two weeks
        mood = steady if days_ago >= 14 else sliding
        checkins.append(
            checkin(
                day.replace(hour=9, minute=0, second=0),
                mood,
                energy=5,
                anxiety=4,
                sleep_hours=7.0,
                tags=["work"] if days_ago % 2 else ["family"],
                note=f"day {days_ago}",
            )
        )
    store.collection("checkins").insert_many(checkins)
    sessions = []
    for i in range(12):
        sessions.append(session(now - timedelta(days=i * 3, hours=2), exercises[0], 4, 7))
    for i in range(5):
        sessions.append(session(now - timedelta(days=i * 5, hours=3), exercises[1], 5, 6))
    sessions.append(session(now - timedelta(days=2), exercises[2], 8, 3, kind="urge"))
    sessions.append(session(now - timedelta(days=1), exercises[3], None, None, completed=False))
    store.collection("sessions").insert_many(sessions)
    store.collection("screenings").insert_many(
        [
            {
                "at": iso(now - timedelta(days=40)),
                "questionnaire": "phq9",
                "answers": [1, 1, 0, 1, 0, 0, 1, 0, 0],
                "total": 4,
                "band": "minimal",
                "safety_followup": False,
                "suggest_professional": False,
                "lang": "en",
            },
            {
                "at": iso(now - timedelta(days=2)),
                "questionnaire": "phq9",
                "answers": [2, 2, 1, 2, 1, 1, 1, 1, 0],
                "total": 11,
                "band": "moderate",
                "safety_followup": False,
                "suggest_professional": True,
                "lang": "en",
            },
        ]
    )
