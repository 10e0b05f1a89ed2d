"""Every run of an exercise, kept in the `sessions` store concern.

A record: `exercise_id`, `kind`, `started_at` (ISO-8601 with offset),
`duration_s`, `completed`, `rating_before` and `rating_after` (0 to 10 or
null), plus a few details per kind (`cycles`, `steps`, `urge_passed`). The
insights read these to show which exercises help this person.
A run is stored the moment it ends, and the after-rating added later, so
leaving a screen abruptly never loses it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from coach.errors import CoachError
from coach.i18n import t

CONCERN = "sessions"


def check_rating(value: Any) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise CoachError(t("exercises.bad_rating", value=value))
    return value


class Sessions:
    def __init__(self, context) -> None:
        self.context = context

    @property
    def collection(self):
        return self.context.store.collection(CONCERN)

    def record(
        self,
        *,
        exercise_id: str,
        kind: str,
        started_at: datetime,
        duration_s: float,
        completed: bool,
        rating_before: int | None = None,
        rating_after: int | None = None,
        **details: Any,
    ) -> dict[str, Any]:
        doc = {
            "exercise_id": exercise_id,
            "kind": kind,
            "started_at": started_at.isoformat(timespec="seconds"),
            "duration_s": round(max(0.0, float(duration_s)), 1),
            "completed": bool(completed),
            "rating_before": check_rating(rating_before),
            "rating_after": check_rating(rating_after),
            **details,
        }
        return self.collection.insert(doc)

    def rate_after(self, session_id: int, rating: int | None) -> dict[str, Any] | None:
        return self.collection.update(session_id, {"rating_after": check_rating(rating)})

    def all(self) -> list[dict[str, Any]]:
        return sorted(self.collection.all(), key=lambda d: d.get("started_at", ""))

    def on_day(self, day: date) -> list[dict[str, Any]]:
        """The runs that began on `day`, in the clock's time zone."""
        tz = self.context.now().tzinfo
        out = []
        for run in self.all():
            try:
                started = datetime.fromisoformat(run["started_at"])
            except (KeyError, TypeError, ValueError):
                continue
            if started.astimezone(tz).date() == day:
                out.append(run)
        return out

    def recent(self, limit: int = 20, exercise_id: str | None = None) -> list[dict[str, Any]]:
        runs = [d for d in self.all() if exercise_id is None or d["exercise_id"] == exercise_id]
        return runs[-limit:][::-1]
