"""The store: one TinyDB file per concern, under a cross-process lock.

Every change is one read-modify-write done while holding the file's lock, so
a cron job and the open TUI can both write without losing either write.
Reads need no lock: the file is only ever replaced whole.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB

from coach import paths as _paths
from coach.errors import StoreError
from coach.i18n import t
from coach.store import migrations
from coach.store.backups import daily_backup
from coach.store.codec import Codec, PlainCodec
from coach.store.storage import AtomicStorage, damaged

LOCK_TIMEOUT = 30.0
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")

Doc = dict[str, Any]


class Store:
    def __init__(self, p: _paths.Paths, codec: Codec | None = None, today: date | None = None):
        self.paths = p
        self.codec: Codec = codec or PlainCodec()
        self._today = today
        self._locks: dict[Path, FileLock] = {}

    def file_for(self, concern: str, year: int | None = None) -> Path:
        if not _NAME.match(concern):
            raise ValueError(f"bad concern name {concern!r}")
        name = f"{concern}-{year}.json" if year is not None else f"{concern}.json"
        return self.paths.store / name

    def files(self) -> list[Path]:
        folder = self.paths.store
        return sorted(folder.glob("*.json")) if folder.is_dir() else []

    def years(self, concern: str) -> list[int]:
        found = []
        for file in self.files():
            stem = file.stem
            if stem.startswith(f"{concern}-") and stem[len(concern) + 1 :].isdigit():
                found.append(int(stem[len(concern) + 1 :]))
        return sorted(found)

    def collection(self, concern: str, table: str = "records", year: int | None = None):
        return Collection(self, concern, table, year)

    def _storage(self, file: Path, hold: bool = False) -> AtomicStorage:
        return AtomicStorage(file, self.codec, self.paths.backups, hold=hold)

    def _lock(self, file: Path) -> FileLock:
        lock = self._locks.get(file)
        if lock is None:
            _paths.ensure_dir(file.parent)
            lock = FileLock(file.parent / f".{file.name}.lock", timeout=LOCK_TIMEOUT, mode=0o600)
            self._locks[file] = lock
        return lock

    def read_tables(self, concern: str, year: int | None = None) -> dict[str, Any]:
        file = self.file_for(concern, year)
        tables = self._storage(file).read()
        if tables is None:
            return {}
        self._check_meta(tables, file, concern, upgrading=False)
        return tables

    def _check_meta(self, tables: dict, file: Path, concern: str, upgrading: bool) -> int:
        meta = migrations.meta_of(tables)
        if meta is None or meta.get("app") != migrations.APP or meta.get("concern") != concern:
            raise damaged(file, self.paths.backups, t("store.foreign"))
        version = meta.get("schema")
        if not isinstance(version, int) or version < 1:
            raise damaged(file, self.paths.backups, t("store.foreign"))
        if version > migrations.latest(concern):
            raise StoreError(t("store.newer", path=file))
        return version

    @contextlib.contextmanager
    def transaction(self, concern: str, year: int | None = None) -> Iterator[TinyDB]:
        """Hold the file's lock for a whole read-modify-write; yield a TinyDB on it."""
        file = self.file_for(concern, year)
        _paths.ensure_dir(self.paths.store)
        try:
            self.lock_file(file).acquire()
        except Timeout:
            raise StoreError(t("store.busy", path=file)) from None
        try:
            storage = self._storage(file, hold=True)
            tables = storage.read()
            if tables is None:
                tables = {}
                migrations.stamp(tables, concern, migrations.latest(concern))
                storage.write(tables)
            else:
                version = self._check_meta(tables, file, concern, upgrading=True)
                daily_backup(file, _paths.ensure_dir(self.paths.backups), self._today)
                if version < migrations.latest(concern):
                    storage.write(migrations.upgrade(tables, concern, version))
            db = TinyDB(storage=_Fixed(storage))
            try:
                yield db
            finally:
                db.close()
        finally:
            self.lock_file(file).release()

    def lock_file(self, file: Path) -> FileLock:
        return self._lock(file)


class _Fixed:
    """TinyDB wants a storage class; hand it the instance we already made."""

    def __init__(self, storage: AtomicStorage):
        self._storage = storage

    def __call__(self, *args: Any, **kwargs: Any) -> AtomicStorage:
        return self._storage


def _with_id(doc: Any) -> Doc:
    out = dict(doc)
    out["id"] = doc.doc_id
    return out


class Collection:
    """A table of records in one store file; records come back as dicts with an `id`."""

    def __init__(self, store: Store, concern: str, table: str, year: int | None = None):
        self.store, self.concern, self.table, self.year = store, concern, table, year

    @property
    def path(self) -> Path:
        return self.store.file_for(self.concern, self.year)

    def all(self) -> list[Doc]:
        raw = self.store.read_tables(self.concern, self.year).get(self.table, {})
        return [{**doc, "id": int(key)} for key, doc in raw.items()]

    def search(self, predicate: Callable[[Doc], bool]) -> list[Doc]:
        return [doc for doc in self.all() if predicate(doc)]

    def get(self, doc_id: int) -> Doc | None:
        raw = self.store.read_tables(self.concern, self.year).get(self.table, {})
        doc = raw.get(str(doc_id))
        return None if doc is None else {**doc, "id": doc_id}

    def insert(self, doc: Doc) -> Doc:
        clean = {k: v for k, v in doc.items() if k != "id"}
        with self.store.transaction(self.concern, self.year) as db:
            doc_id = db.table(self.table, cache_size=0).insert(clean)
        return {**clean, "id": doc_id}

    def insert_many(self, docs: list[Doc]) -> list[int]:
        clean = [{k: v for k, v in d.items() if k != "id"} for d in docs]
        with self.store.transaction(self.concern, self.year) as db:
            return db.table(self.table, cache_size=0).insert_multiple(clean)

    def update(self, doc_id: int, fields: Doc) -> Doc | None:
        with self.store.transaction(self.concern, self.year) as db:
            table = db.table(self.table, cache_size=0)
            if table.get(doc_id=doc_id) is None:
                return None
            table.update({k: v for k, v in fields.items() if k != "id"}, doc_ids=[doc_id])
            return _with_id(table.get(doc_id=doc_id))

    def remove(self, doc_id: int) -> bool:
        with self.store.transaction(self.concern, self.year) as db:
            table = db.table(self.table, cache_size=0)
            if table.get(doc_id=doc_id) is None:
                return False
            table.remove(doc_ids=[doc_id])
            return True

    def clear(self) -> None:
        with self.store.transaction(self.concern, self.year) as db:
            db.drop_table(self.table)
