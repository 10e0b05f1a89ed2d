"""Schema versions and the migrations between them.

Each store file records `{"app": "coach", "concern": ..., "schema": N}` in its
`_meta` table. A migration is a plain function over the file's tables,
registered for one concern and the version it produces; each runs once, in
order, under the file's lock, after a backup.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Tables = dict[str, dict[str, Any]]
Migration = Callable[[Tables], Tables]

META = "_meta"
APP = "coach"
_REGISTRY: dict[str, dict[int, Migration]] = {}


def migration(concern: str, version: int) -> Callable[[Migration], Migration]:
    """Register `fn` as the step that brings `concern` files to `version` (2, 3, ...)."""

    def register(fn: Migration) -> Migration:
        steps = _REGISTRY.setdefault(concern, {})
        if version in steps:
            raise ValueError(f"migration {concern} v{version} registered twice")
        steps[version] = fn
        return fn

    return register


def latest(concern: str) -> int:
    return max(_REGISTRY.get(concern, {1: None}).keys() | {1})


def meta_of(tables: Tables) -> dict[str, Any] | None:
    meta = tables.get(META) or {}
    return meta.get("1") if isinstance(meta, dict) else None


def stamp(tables: Tables, concern: str, version: int) -> None:
    tables[META] = {"1": {"app": APP, "concern": concern, "schema": version}}


def upgrade(tables: Tables, concern: str, current: int) -> Tables:
    steps = _REGISTRY.get(concern, {})
    for version in range(current + 1, latest(concern) + 1):
        tables = steps[version](tables)
        stamp(tables, concern, version)
    return tables
