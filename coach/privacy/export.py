"""`coach data export`: everything coach stores, in documented formats.

The JSON document (format version 1) is the complete one, and the one
`coach data import` reads back:

    {
      "format": "coach-export",
      "version": 1,
      "exported_at": "2026-11-28T21:00:00+01:00",
      "coach_version": "0.1.0",
      "schemas": {"checkins": 1, "chat-2026": 1},
      "concerns": {
        "checkins": {"records": [{"id": 1, "at": "...", "mood": 6, ...}]},
        "chat-2026": {"conversations": [...], "messages": [...]}
      }
    }

A key of `concerns` is a store file's name: the concern, plus `-YEAR` for
concerns split by year. Each table is a list of records sorted by `id`.
`schemas` gives each file's schema version, so an import into a newer coach
runs the migrations. CSV is a zip of one file per table (`<name>/<table>.csv`);
Markdown is for reading. Both are views of the same data (see `render`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.store import migrations

if TYPE_CHECKING:
    from coach.context import Context

FORMAT = "coach-export"
VERSION = 1
NAME = re.compile(r"^(?P<concern>[a-z][a-z0-9_]*?)(?:-(?P<year>\d{4}))?$")


@dataclass(frozen=True)
class StoreName:
    concern: str
    year: int | None

    @property
    def name(self) -> str:
        return f"{self.concern}-{self.year}" if self.year is not None else self.concern


def parse_name(name: str) -> StoreName | None:
    match = NAME.match(name)
    if not match:
        return None
    year = match.group("year")
    return StoreName(match.group("concern"), int(year) if year else None)


def store_names(context: Context) -> list[StoreName]:
    names = []
    for file in context.store.files():
        parsed = parse_name(file.stem)
        if parsed is not None:
            names.append(parsed)
    return names


def tables_as_lists(tables: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Store tables ({"1": doc}) as lists of records with their `id`, `_meta` left out."""
    out: dict[str, list[dict[str, Any]]] = {}
    for table, docs in sorted(tables.items()):
        if table == migrations.META:
            continue
        records = [{"id": int(key), **doc} for key, doc in docs.items()]
        out[table] = sorted(records, key=lambda r: r["id"])
    return out


def collect(context: Context) -> dict[str, Any]:
    """The whole store as one export document."""
    import coach

    concerns: dict[str, dict[str, list[dict[str, Any]]]] = {}
    schemas: dict[str, int] = {}
    for name in store_names(context):
        tables = context.store.read_tables(name.concern, name.year)
        meta = migrations.meta_of(tables) or {}
        schemas[name.name] = int(meta.get("schema", 1))
        concerns[name.name] = tables_as_lists(tables)
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": context.now().isoformat(timespec="seconds"),
        "coach_version": coach.__version__,
        "schemas": schemas,
        "concerns": concerns,
    }


def count_records(document: dict[str, Any]) -> int:
    return sum(
        len(records) for tables in document["concerns"].values() for records in tables.values()
    )


def write_private(path: Path, data: bytes) -> None:
    """An export holds everything in clear: it is written 0600, atomically."""
    from coach.store.atomic import atomic_write

    atomic_write(path.expanduser(), data)
