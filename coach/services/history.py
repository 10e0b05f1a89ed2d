"""Everything stored, as one timeline: check-ins, screenings, journal, exercise sessions.

Exercise sessions are written by the exercises area in concern `sessions`
(`{exercise_id, started_at, duration_s, completed, rating_before, rating_after}`),
in one file or split by year; both layouts are read.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import t

if TYPE_CHECKING:
    from coach.context import Context
    from coach.store import Store

KINDS = ("checkin", "screening", "journal", "exercise")
SESSIONS = "sessions"

# CSV columns: the shared ones, then each kind's own, in a fixed order so scripts can rely on it.
COLUMNS = (
    "kind",
    "at",
    "id",
    "mood",
    "energy",
    "anxiety",
    "sleep_hours",
    "tags",
    "note",
    "questionnaire",
    "total",
    "band",
    "safety_followup",
    "journal_kind",
    "text",
    "exercise_id",
    "exercise_kind",
    "duration_s",
    "completed",
    "rating_before",
    "rating_after",
)


def exercise_sessions(store: Store) -> list[dict[str, Any]]:
    """Every exercise session, from the single file and from the per-year files."""
    out = []
    for year in [None, *store.years(SESSIONS)]:
        for doc in store.collection(SESSIONS, year=year).all():
            if doc.get("started_at"):
                out.append({**doc, "year": year} if year is not None else doc)
    return out


def _moment(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _items(context: Context, kind: str) -> Iterable[dict[str, Any]]:
    store = context.store
    if kind == "checkin":
        for doc in store.collection("checkins").all():
            yield {"kind": kind, **doc}
    elif kind == "screening":
        for doc in store.collection("screenings").all():
            yield {"kind": kind, **doc}
    elif kind == "journal":
        for doc in store.collection("journal").all():
            # The record's own `kind` (entry or thought_record) becomes `journal_kind`.
            body = {k: v for k, v in doc.items() if k != "kind"}
            yield {"kind": kind, "journal_kind": doc.get("kind", "entry"), **body}
    elif kind == "exercise":
        for doc in exercise_sessions(store):
            # The exercise's own `kind` (breathing, steps...) becomes `exercise_kind`.
            body = {k: v for k, v in doc.items() if k != "kind"}
            yield {"kind": kind, "at": doc["started_at"], "exercise_kind": doc.get("kind"), **body}


def timeline(
    context: Context, days: int | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    """Stored items, newest first, optionally only the last `days` days and one kind."""
    if kind is not None and kind not in KINDS:
        raise CoachError(t("checkin.history_bad_kind", kind=kind, kinds=", ".join(KINDS)))
    if days is not None and days < 1:
        raise CoachError(t("checkin.history_bad_days", days=days))
    start = context.now() - timedelta(days=days) if days is not None else None
    items = []
    for name in [kind] if kind else KINDS:
        for item in _items(context, name):
            try:
                moment = _moment(item["at"])
            except (KeyError, TypeError, ValueError):
                continue  # A record without a readable date cannot be placed in time.
            if start is None or moment >= start:
                items.append((moment, item))
    items.sort(key=lambda pair: pair[0], reverse=True)
    return [item for _, item in items]


def _cell(item: dict[str, Any], column: str) -> str:
    if column == "text" and item.get("kind") == "journal":
        from coach.services.journal import free_text

        return free_text({**item, "kind": item.get("journal_kind")})
    value = item.get(column)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ";".join(str(v) for v in value)
    return str(value)


def to_csv(items: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for item in items:
        writer.writerow([_cell(item, c) for c in COLUMNS])
    return buffer.getvalue()
