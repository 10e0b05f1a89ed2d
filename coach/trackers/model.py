"""Trackers and their events as plain data, and the converters from stored rows.

A tracker keeps its current streak's start (`since`) and the closed streaks
before it: a slip closes one streak and opens the next, it never erases one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from coach.trackers.timeutil import iso, parse_iso

KINDS = ("alcohol", "substance", "self-harm", "gambling", "other")
EVENT_TYPES = ("pledge", "review", "slip", "urge")
# The kind a tracker gets when its name says it and no --kind is given.
KIND_FROM_NAME = {
    "alcohol": "alcohol",
    "alcool": "alcohol",
    "drinking": "alcohol",
    "self-harm": "self-harm",
    "selfharm": "self-harm",
    "automutilation": "self-harm",
    "gambling": "gambling",
    "jeu": "gambling",
    "jeux": "gambling",
    "betting": "gambling",
    "paris": "gambling",
}


@dataclass(frozen=True)
class Streak:
    start: datetime
    end: datetime | None  # None: the streak going on now

    def to_doc(self) -> dict[str, Any]:
        return {"start": iso(self.start), "end": iso(self.end) if self.end else None}


@dataclass
class Tracker:
    id: int
    name: str
    kind: str
    since: datetime
    created: datetime
    cost_per_day: float | None = None
    time_per_day: int | None = None  # minutes
    past: list[Streak] = field(default_factory=list)
    celebrated: list[dict[str, str]] = field(default_factory=list)

    @property
    def key(self) -> str:
        return name_key(self.name)

    @property
    def streaks(self) -> list[Streak]:
        return [*self.past, Streak(self.since, None)]

    def celebrated_for_current(self) -> set[str]:
        start = iso(self.since)
        return {c["milestone"] for c in self.celebrated if c.get("streak_start") == start}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Tracker:
        return cls(
            id=int(doc["id"]),
            name=doc["name"],
            kind=doc.get("kind", "other"),
            since=parse_iso(doc["since"]),
            created=parse_iso(doc.get("created") or doc["since"]),
            cost_per_day=doc.get("cost_per_day"),
            time_per_day=doc.get("time_per_day"),
            past=[
                Streak(parse_iso(s["start"]), parse_iso(s["end"])) for s in doc.get("streaks", [])
            ],
            celebrated=list(doc.get("celebrated", [])),
        )

    def to_doc(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "key": self.key,
            "kind": self.kind,
            "since": iso(self.since),
            "created": iso(self.created),
            "cost_per_day": self.cost_per_day,
            "time_per_day": self.time_per_day,
            "streaks": [s.to_doc() for s in self.past],
            "celebrated": self.celebrated,
        }


@dataclass(frozen=True)
class Event:
    """A pledge, an evening review, a slip or an urge lived through, at a local time."""

    id: int
    tracker_id: int
    type: str
    at: datetime  # aware, in the offset the person had then
    day: str  # YYYY-MM-DD on their clock then
    note: str = ""
    rating: int | None = None  # reviews: 1 easy .. 5 very hard
    trigger: str = ""
    urge: int | None = None  # 0..10
    safety: str = "none"

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Event:
        at = parse_iso(doc["at"])
        return cls(
            id=int(doc["id"]),
            tracker_id=int(doc["tracker_id"]),
            type=doc["type"],
            at=at,
            day=doc.get("day") or at.date().isoformat(),
            note=doc.get("note", ""),
            rating=doc.get("rating"),
            trigger=doc.get("trigger", ""),
            urge=doc.get("urge"),
            safety=doc.get("safety", "none"),
        )

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "type": self.type,
            "at": iso(self.at),
            "day": self.day,
        }
        if self.type == "review":
            out["rating"] = self.rating
        if self.type in ("slip", "urge"):
            out["trigger"] = self.trigger or None
            out["urge"] = self.urge
        out["note"] = self.note
        return out


def name_key(name: str) -> str:
    return " ".join(name.split()).casefold()
