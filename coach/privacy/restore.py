"""`coach data import`: a JSON export back into the store.

Into an empty store the records come back exactly, ids included, so export,
import, export gives the same data. Into a store that already holds records
it refuses unless asked to merge: a merge adds each record that is not
already there (same fields, whatever its id), under a new id if its own is
taken. An export from an older schema is migrated on the way in; one from a
newer coach is refused. The whole document is checked before anything is
written, and each file is written under its lock (encrypted if the store is).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import t
from coach.privacy.export import FORMAT, VERSION, StoreName, parse_name
from coach.store import migrations

if TYPE_CHECKING:
    from coach.context import Context

_TABLE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")

Records = dict[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class Restored:
    files: int
    added: int
    skipped: int


def parse(raw: bytes) -> dict[str, Any]:
    """The export document in `raw`, checked; a CoachError says what is wrong."""
    try:
        document = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CoachError(t("data.import_not_json", reason=exc)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise CoachError(t("data.import_not_export"))
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise CoachError(t("data.import_not_export"))
    if version > VERSION:
        raise CoachError(t("data.import_newer", version=version))
    concerns = document.get("concerns")
    if not isinstance(concerns, dict):
        raise CoachError(t("data.import_bad", where="concerns"))
    schemas = document.get("schemas", {})
    if not isinstance(schemas, dict):
        raise CoachError(t("data.import_bad", where="schemas"))
    for name, tables in concerns.items():
        parsed = parse_name(name) if isinstance(name, str) else None
        if parsed is None or not isinstance(tables, dict):
            raise CoachError(t("data.import_bad", where=str(name)))
        schema = schemas.get(name, 1)
        if not isinstance(schema, int) or schema < 1:
            raise CoachError(t("data.import_bad", where=f"schemas.{name}"))
        if schema > migrations.latest(parsed.concern):
            raise CoachError(t("data.import_newer_schema", name=name))
        for table, records in tables.items():
            where = f"{name}.{table}"
            if not _TABLE.match(str(table)) or table == migrations.META:
                raise CoachError(t("data.import_bad", where=where))
            if not isinstance(records, list) or not all(isinstance(r, dict) for r in records):
                raise CoachError(t("data.import_bad", where=where))
            ids = [r["id"] for r in records if "id" in r]
            if any(not isinstance(i, int) or isinstance(i, bool) or i < 1 for i in ids):
                raise CoachError(t("data.import_bad", where=f"{where}.id"))
            if len(set(ids)) != len(ids):
                raise CoachError(t("data.import_duplicate_id", where=where))
    return document


def store_is_empty(context: Context) -> bool:
    for file in context.store.files():
        parsed = parse_name(file.stem)
        if parsed is None:
            continue
        tables = context.store.read_tables(parsed.concern, parsed.year)
        if any(docs for name, docs in tables.items() if name != migrations.META):
            return False
    return True


def restore(context: Context, document: dict[str, Any], merge: bool = False) -> Restored:
    if not merge and not store_is_empty(context):
        raise CoachError(t("data.import_not_empty"))
    schemas = document.get("schemas", {})
    files = added = skipped = 0
    for name, tables in document["concerns"].items():
        where = parse_name(name)
        assert where is not None  # parse() checked every name
        incoming = _upgraded(where, tables, schemas.get(name, 1))
        a, s = _write(context, where, incoming)
        files, added, skipped = files + 1, added + a, skipped + s
    return Restored(files, added, skipped)


def _upgraded(where: StoreName, tables: Records, schema: int) -> dict[str, dict[str, Any]]:
    """The export's tables in the store's own shape, migrated to the current schema."""
    shaped: dict[str, dict[str, Any]] = {}
    for table, records in tables.items():
        docs: dict[str, Any] = {}
        next_id = max((r["id"] for r in records if "id" in r), default=0) + 1
        for record in records:
            doc_id = record.get("id")
            if doc_id is None:
                doc_id, next_id = next_id, next_id + 1
            docs[str(doc_id)] = {k: v for k, v in record.items() if k != "id"}
        shaped[table] = docs
    migrations.stamp(shaped, where.concern, schema)
    return migrations.upgrade(shaped, where.concern, schema)


def _write(context: Context, where: StoreName, incoming: dict[str, Any]) -> tuple[int, int]:
    with context.store.transaction(where.concern, where.year) as db:
        current = db.storage.read() or {}
        added = skipped = 0
        for table, docs in incoming.items():
            if table == migrations.META:
                continue
            existing = current.setdefault(table, {})
            # Only what was there before counts as a duplicate: twin records inside the
            # export (two identical check-ins) are both real and both come back.
            seen = {_fingerprint(doc) for doc in existing.values()}
            next_id = max((int(k) for k in existing), default=0) + 1
            for key, doc in docs.items():
                if _fingerprint(doc) in seen:
                    skipped += 1
                    continue
                if key in existing:
                    key, next_id = str(next_id), next_id + 1
                else:
                    next_id = max(next_id, int(key) + 1)
                existing[key] = doc
                added += 1
        db.storage.write(current)
    return added, skipped


def _fingerprint(doc: dict[str, Any]) -> str:
    return json.dumps(doc, sort_keys=True, ensure_ascii=False)
