"""Store behaviour: atomic files, permissions, damage, foreign files, migrations, backups."""

from __future__ import annotations

import json
import stat
from datetime import date
from pathlib import Path

import pytest

from coach.errors import StoreError
from coach.paths import resolve
from coach.store import Store, migrations
from coach.store.backups import backups_of


def _store(today: date | None = None) -> Store:
    return Store(resolve(), today=today)


def test_insert_get_update_remove_round_trip() -> None:
    notes = _store().collection("journal")
    first = notes.insert({"text": "hello", "id": 99})
    assert first["id"] == 1 and first["text"] == "hello"
    assert notes.get(1) == {"text": "hello", "id": 1}
    assert notes.update(1, {"text": "bonjour"})["text"] == "bonjour"
    assert notes.update(42, {"text": "x"}) is None
    assert notes.remove(1) is True
    assert notes.remove(1) is False
    assert notes.all() == []


def test_reading_a_missing_store_creates_nothing(coach_home: Path) -> None:
    assert _store().collection("checkins").all() == []
    assert not (coach_home / "data" / "store" / "checkins.json").exists()


def test_files_are_private(coach_home: Path) -> None:
    _store().collection("checkins").insert({"mood": 5})
    store_dir = coach_home / "data" / "store"
    assert stat.S_IMODE(store_dir.stat().st_mode) == 0o700
    for path in store_dir.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


def test_each_write_replaces_the_file_atomically(coach_home: Path) -> None:
    records = _store().collection("checkins")
    records.insert({"mood": 5})
    file = coach_home / "data" / "store" / "checkins.json"
    before = file.stat().st_ino
    records.insert({"mood": 6})
    assert file.stat().st_ino != before, "the live file must be replaced, not rewritten"
    assert not [p for p in file.parent.iterdir() if p.suffix == ".tmp"]


def test_damaged_file_is_reported_with_backup_and_left_untouched(coach_home: Path) -> None:
    store = _store(today=date(2026, 11, 27))
    store.collection("checkins").insert({"mood": 5})
    store.collection("checkins").insert({"mood": 6})  # first write of the day backs up
    file = coach_home / "data" / "store" / "checkins.json"
    file.write_bytes(b'{"_default": {"1": {"mood": ')
    with pytest.raises(StoreError) as err:
        _store().collection("checkins").insert({"mood": 7})
    message = str(err.value)
    assert str(file) in message and "checkins.2026-11-27.json" in message
    assert "\n" not in message
    assert file.read_bytes() == b'{"_default": {"1": {"mood": '


def test_damaged_without_backup_says_so(coach_home: Path) -> None:
    folder = coach_home / "data" / "store"
    folder.mkdir(parents=True)
    (folder / "journal.json").write_text("not json at all")
    with pytest.raises(StoreError, match="no backup"):
        _store().collection("journal").all()


def test_foreign_json_file_is_refused_and_kept(coach_home: Path) -> None:
    folder = coach_home / "data" / "store"
    folder.mkdir(parents=True)
    foreign = json.dumps({"_default": {"1": {"someone": "else"}}})
    (folder / "journal.json").write_text(foreign)
    with pytest.raises(StoreError, match="not a coach file"):
        _store().collection("journal").insert({"text": "x"})
    assert (folder / "journal.json").read_text() == foreign


def test_a_file_from_a_newer_coach_is_refused(coach_home: Path) -> None:
    store = _store()
    store.collection("journal").insert({"text": "x"})
    file = coach_home / "data" / "store" / "journal.json"
    data = json.loads(file.read_text())
    data["_meta"]["1"]["schema"] = 99
    file.write_text(json.dumps(data))
    with pytest.raises(StoreError, match="newer version"):
        store.collection("journal").insert({"text": "y"})


def test_migrations_run_once_in_order(coach_home: Path) -> None:
    store = _store()
    store.collection("demo_concern").insert({"name": "a"})
    calls = []

    @migrations.migration("demo_concern", 2)
    def rename(tables):
        calls.append(2)
        for doc in tables["records"].values():
            doc["title"] = doc.pop("name")
        return tables

    try:
        store.collection("demo_concern").insert({"title": "b"})
        store.collection("demo_concern").insert({"title": "c"})
        assert calls == [2]
        assert [d["title"] for d in store.collection("demo_concern").all()] == ["a", "b", "c"]
        assert store.read_tables("demo_concern")["_meta"]["1"]["schema"] == 2
    finally:
        migrations._REGISTRY.pop("demo_concern")


def test_daily_backups_keep_seven(coach_home: Path) -> None:
    for day in range(1, 11):
        store = _store(today=date(2026, 11, day))
        store.collection("checkins").insert({"mood": day})
        store.collection("checkins").insert({"mood": day})
    backups = backups_of(
        coach_home / "data" / "store" / "checkins.json", coach_home / "data" / "backups"
    )
    assert len(backups) == 7
    assert backups[0].name == "checkins.2026-11-10.json"
    newest = json.loads(backups[0].read_text())
    assert len(newest["records"]) == 18  # nine days of two writes, before the 10th


def test_year_split_files() -> None:
    store = _store()
    store.collection("chat", "messages", year=2025).insert({"text": "old"})
    store.collection("chat", "messages", year=2026).insert({"text": "new"})
    assert store.years("chat") == [2025, 2026]
    assert store.collection("chat", "messages", year=2025).all()[0]["text"] == "old"


class _CountingCodec:
    name = "counting"

    def __init__(self) -> None:
        self.decodes = 0

    def encode(self, plain: bytes) -> bytes:
        return plain

    def decode(self, stored: bytes, path: object = None) -> bytes:
        self.decodes += 1
        return stored


def test_an_insert_parses_the_file_once() -> None:
    codec = _CountingCodec()
    store = Store(resolve(), codec=codec)
    records = store.collection("checkins")
    records.insert({"mood": 1})
    codec.decodes = 0
    records.insert({"mood": 2})
    assert codec.decodes == 1
    assert [r["mood"] for r in records.all()] == [1, 2]
