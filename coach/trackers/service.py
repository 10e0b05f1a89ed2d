"""The tracker service: the only code that reads and writes the `trackers` store.

Every change is one locked read-modify-write, so a slip recorded from a script
while the TUI is open loses neither. Free text reaches this module only after
the safety gate has seen it; the gate's verdict is stored with the record.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, tzinfo
from typing import Any

from tinydb import TinyDB

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.trackers import stats
from coach.trackers.model import KIND_FROM_NAME, Event, Streak, Tracker, name_key
from coach.trackers.timeutil import full_days, iso, local_zone, utc

CONCERN = "trackers"
TRACKERS = "trackers"
EVENTS = "events"


@dataclass(frozen=True)
class SlipResult:
    event: Event
    ended_days: int  # the streak that just ended: it stays in the history
    status: stats.Status


class TrackerService:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.store = context.store

    # --- time ---------------------------------------------------------------
    def now(self) -> datetime:
        now = self.context.now()
        return now if now.tzinfo else now.astimezone()

    def zone(self, now: datetime | None = None) -> tzinfo:
        return local_zone(now or self.now())

    # --- reading --------------------------------------------------------------
    def trackers(self) -> list[Tracker]:
        docs = self.store.collection(CONCERN, TRACKERS).all()
        return sorted((Tracker.from_doc(d) for d in docs), key=_order)

    def events(self, tracker_id: int | None = None, types: tuple[str, ...] = ()) -> list[Event]:
        rows = self._event_rows()
        found = [
            Event.from_doc(row)
            for row in rows
            if (tracker_id is None or row.get("tracker_id") == tracker_id)
            and (not types or row.get("type") in types)
        ]
        return sorted(found, key=lambda e: (utc(e.at), e.id))

    def find(self, name: str) -> Tracker:
        return _find(self.trackers(), name)

    def summaries(self) -> list[stats.Status]:
        """Every tracker's status without recording celebrations (a pure read)."""
        return self._statuses(None)

    def triggers(self, name: str) -> dict[str, Any]:
        tables = self.store.read_tables(CONCERN)  # one read of the file for both tables
        tracker = _find([Tracker.from_doc(d) for d in _rows(tables, TRACKERS)], name)
        moments = [
            Event.from_doc(row)
            for row in _rows(tables, EVENTS)
            if row.get("tracker_id") == tracker.id and row.get("type") in ("slip", "urge")
        ]
        return {"tracker": tracker.name, **stats.triggers(moments)}

    def _event_rows(self) -> list[dict[str, Any]]:
        """The raw event rows: a plain read, no lock (the file is only ever replaced whole)."""
        return _rows(self.store.read_tables(CONCERN), EVENTS)

    # --- writing --------------------------------------------------------------
    def add(
        self,
        name: str,
        kind: str | None = None,
        since: datetime | None = None,
        cost_per_day: float | None = None,
        time_per_day: int | None = None,
    ) -> stats.Status:
        now = self.now()
        with self._tables() as (trackers, _events):
            if any(name_key(d["name"]) == name_key(name) for d in trackers.all()):
                raise CoachError(t("trackers.exists", name=name))
            tracker = Tracker(
                id=0,
                name=name,
                kind=kind or KIND_FROM_NAME.get(name_key(name), "other"),
                since=since or now,
                created=now,
                cost_per_day=cost_per_day,
                time_per_day=time_per_day,
            )
            tracker.id = trackers.insert(tracker.to_doc())
        # A start set in the past may already have passed milestones: celebrate them now.
        return self.status(tracker.name)[0]

    def status(self, name: str | None = None) -> list[stats.Status]:
        """Statuses, recording the milestones each one celebrates (once per streak).

        A plain read; the lock is taken only when there is something to celebrate.
        """
        out = self._statuses(name)
        fresh = [status for status in out if status.new]
        if fresh:
            self._celebrate(fresh, self.now())
        return out

    def _statuses(self, name: str | None) -> list[stats.Status]:
        now = self.now()
        zone = self.zone(now)
        tables = self.store.read_tables(CONCERN)  # one read of the file for both tables
        found = sorted((Tracker.from_doc(d) for d in _rows(tables, TRACKERS)), key=_order)
        if not found and name is not None:
            raise CoachError(t("trackers.not_found_none", name=name))
        chosen = [_find(found, name)] if name is not None else found
        rows = _rows(tables, EVENTS)
        return [stats.compute(tr, _activity(rows, tr.id), now, zone) for tr in chosen]

    def _celebrate(self, statuses: list[stats.Status], now: datetime) -> None:
        with self._tables() as (trackers, _events):
            for status in statuses:
                doc = trackers.get(doc_id=status.tracker.id)
                start = iso(status.tracker.since)
                if doc is None or doc.get("since") != start:
                    continue  # changed since we read it (a slip from elsewhere): nothing to add
                celebrated = list(doc.get("celebrated", []))
                done = {c["milestone"] for c in celebrated if c.get("streak_start") == start}
                celebrated += [
                    {"milestone": m.id, "streak_start": start, "at": iso(now)}
                    for m in status.new
                    if m.id not in done
                ]
                trackers.update({"celebrated": celebrated}, doc_ids=[status.tracker.id])

    def pledge(self, name: str, note: str = "", safety: str = "none") -> tuple[Event, stats.Status]:
        return self._record(name, {"type": "pledge", "note": note, "safety": safety})

    def review(
        self, name: str, rating: int, note: str = "", safety: str = "none"
    ) -> tuple[Event, stats.Status]:
        fields = {"type": "review", "rating": rating, "note": note, "safety": safety}
        return self._record(name, fields)

    def urge(
        self,
        name: str,
        at: datetime | None = None,
        trigger: str = "",
        urge: int | None = None,
        note: str = "",
        safety: str = "none",
    ) -> tuple[Event, stats.Status]:
        fields = {"type": "urge", "trigger": trigger, "urge": urge, "note": note, "safety": safety}
        return self._record(name, fields, at)

    def slip(
        self,
        name: str,
        at: datetime | None = None,
        trigger: str = "",
        urge: int | None = None,
        note: str = "",
        safety: str = "none",
    ) -> SlipResult:
        """Close the current streak at `at` and start a new one there; nothing is erased."""
        now = self.now()
        zone = self.zone(now)
        at = at or now
        with self._tables() as (trackers, events):
            tracker = _find([_tracker(d) for d in trackers.all()], name)
            if utc(at) < utc(tracker.since):
                raise CoachError(t("trackers.slip_before_start", since=_local(tracker.since, zone)))
            ended = Streak(tracker.since, at)
            fields = {"type": "slip", "trigger": trigger, "urge": urge, "note": note}
            doc = _event_doc(
                tracker.id, at, {**fields, "safety": safety, "streak_start": iso(ended.start)}
            )
            event_id = events.insert(doc)
            trackers.update(
                {
                    "since": iso(at),
                    "streaks": [*(s.to_doc() for s in tracker.past), ended.to_doc()],
                },
                doc_ids=[tracker.id],
            )
        status = self.status(tracker.name)[0]
        return SlipResult(_event({**doc, "id": event_id}), full_days(ended.start, at, zone), status)

    def remove(self, name: str) -> Tracker:
        with self._tables() as (trackers, events):
            tracker = _find([_tracker(d) for d in trackers.all()], name)
            trackers.remove(doc_ids=[tracker.id])
            events.remove(cond=lambda doc: doc.get("tracker_id") == tracker.id)
        return tracker

    # --- plumbing -------------------------------------------------------------
    def _record(
        self, name: str, fields: dict[str, Any], at: datetime | None = None
    ) -> tuple[Event, stats.Status]:
        now = self.now()
        at = at or now
        with self._tables() as (trackers, events):
            tracker = _find([_tracker(d) for d in trackers.all()], name)
            doc = _event_doc(tracker.id, at, fields)
            event_id = events.insert(doc)
        return _event({**doc, "id": event_id}), self.status(tracker.name)[0]

    @contextmanager
    def _tables(self) -> Iterator[tuple[Any, Any]]:
        with self.store.transaction(CONCERN) as db:
            yield _table(db, TRACKERS), _table(db, EVENTS)


def _table(db: TinyDB, name: str) -> Any:
    return db.table(name, cache_size=0)


def _tracker(doc: Any) -> Tracker:
    return Tracker.from_doc({**doc, "id": doc.doc_id})


def _event(doc: Any) -> Event:
    return Event.from_doc({**doc, "id": getattr(doc, "doc_id", None) or doc["id"]})


def _rows(tables: dict[str, Any], table: str) -> list[dict[str, Any]]:
    return [{**row, "id": int(key)} for key, row in tables.get(table, {}).items()]


def _order(tracker: Tracker) -> tuple:
    return (tracker.created, tracker.id)


def _activity(rows: list[dict[str, Any]], tracker_id: int) -> stats.Activity:
    return stats.Activity.of(row for row in rows if row.get("tracker_id") == tracker_id)


def _event_doc(tracker_id: int, at: datetime, fields: dict[str, Any]) -> dict[str, Any]:
    # The day is the one on the person's clock at that moment, so a pledge made at
    # 08:00 in Paris counts for that day even after a move to another zone.
    return {"tracker_id": tracker_id, "at": iso(at), "day": at.date().isoformat(), **fields}


def _find(trackers: list[Tracker], name: str) -> Tracker:
    key = name_key(name)
    for tracker in trackers:
        if tracker.key == key:
            return tracker
    if not trackers:
        raise CoachError(t("trackers.not_found_none", name=name))
    names = ", ".join(tr.name for tr in trackers)
    raise CoachError(t("trackers.not_found", name=name, names=names))


def _local(value: datetime, zone: tzinfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
