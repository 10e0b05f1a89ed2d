"""`coach data export` and `coach data import`: formats, round trips, refusals."""

from __future__ import annotations

import csv
import io
import json
import stat
import zipfile
from pathlib import Path

import pytest

from coach.context import Context
from coach.store import Store, crypto, migrations

NOTE = "walked by the river,\nfelt lighter"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)


def _seed() -> None:
    store = Store(Context.load().paths)
    checkins = store.collection("checkins")
    checkins.insert({"at": "2026-02-28T21:00:00+01:00", "mood": 1, "note": "removed later"})
    checkins.insert({"at": "2026-03-01T21:00:00+01:00", "mood": 4, "tags": ["work"], "note": NOTE})
    # Twins: both are real check-ins and both must survive a round trip.
    checkins.insert({"at": "2026-03-02T21:00:00+01:00", "mood": 7, "sleep_hours": 7.5, "ok": True})
    checkins.insert({"at": "2026-03-02T21:00:00+01:00", "mood": 7, "sleep_hours": 7.5, "ok": True})
    checkins.remove(1)
    store.collection("chat", "messages", year=2025).insert({"role": "user", "text": "bonjour é"})
    store.collection("chat", "messages", year=2026).insert({"role": "assistant", "text": "hi"})
    store.collection("plan", "steps").insert({"text": "call Sam", "nested": {"a": [1, None]}})


def _move_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> Path:
    home = tmp_path / name
    monkeypatch.setenv("COACH_HOME", str(home))
    return home


def test_json_export_has_the_documented_shape(cli) -> None:
    _seed()
    result = cli("data", "export")
    assert result.code == 0, result
    document = result.json()
    assert document["format"] == "coach-export" and document["version"] == 1
    assert "T" in document["exported_at"]
    assert set(document["concerns"]) == {"checkins", "chat-2025", "chat-2026", "plan"}
    records = document["concerns"]["checkins"]["records"]
    assert [r["id"] for r in records] == [2, 3, 4]
    assert document["concerns"]["chat-2025"]["messages"][0]["text"] == "bonjour é"
    assert document["schemas"] == {n: 1 for n in document["concerns"]}
    assert "_meta" not in document["concerns"]["plan"]


def test_export_import_export_gives_the_same_data(cli, monkeypatch, tmp_path) -> None:
    _seed()
    first = cli("data", "export").json()
    out = tmp_path / "export.json"
    assert cli("data", "export", "--out", str(out)).code == 0
    _move_home(monkeypatch, tmp_path, "empty-home")
    imported = cli("data", "import", str(out), "--json")
    assert imported.code == 0, imported
    assert imported.json() == {"files": 4, "added": 6, "skipped": 0}
    second = cli("data", "export").json()
    first.pop("exported_at"), second.pop("exported_at")
    assert second == first
    # Ids continue after the restored ones.
    assert Store(Context.load().paths).collection("checkins").insert({"mood": 1})["id"] == 5


def test_import_refuses_a_store_with_data_unless_merge(cli, monkeypatch, tmp_path) -> None:
    _seed()
    out = tmp_path / "export.json"
    assert cli("data", "export", "--out", str(out)).code == 0
    before = cli("data", "export").json()["concerns"]
    refused = cli("data", "import", str(out))
    assert refused.code == 1 and "--merge" in refused.err
    assert cli("data", "export").json()["concerns"] == before
    merged = cli("data", "import", str(out), "--merge", "--json")
    assert merged.code == 0 and merged.json()["added"] == 0 and merged.json()["skipped"] == 6
    assert cli("data", "export").json()["concerns"] == before


def test_merge_adds_new_records_under_new_ids(cli, monkeypatch, tmp_path) -> None:
    _seed()
    out = tmp_path / "export.json"
    assert cli("data", "export", "--out", str(out)).code == 0
    _move_home(monkeypatch, tmp_path, "other")
    Store(Context.load().paths).collection("checkins").insert({"mood": 2, "note": "mine"})
    result = cli("data", "import", str(out), "--merge", "--json")
    assert result.code == 0, result
    records = Store(Context.load().paths).collection("checkins").all()
    assert [r.get("note") for r in records].count("mine") == 1
    assert len(records) == 4 and len({r["id"] for r in records}) == 4


def test_import_into_an_encrypted_store_stays_encrypted(cli, monkeypatch, tmp_path) -> None:
    _seed()
    out = tmp_path / "export.json"
    assert cli("data", "export", "--out", str(out)).code == 0
    home = _move_home(monkeypatch, tmp_path, "locked")
    monkeypatch.setenv("COACH_PASSPHRASE", "a long enough passphrase")
    assert cli("data", "encrypt").code == 0
    assert cli("data", "import", str(out)).code == 0
    for file in (home / "data" / "store").glob("*.json"):
        assert file.read_bytes().startswith(crypto.ENCRYPTED_MAGIC)
        assert b"river" not in file.read_bytes()
    assert "lighter" in cli("data", "export").out


def test_import_from_standard_input(cli, monkeypatch, tmp_path) -> None:
    _seed()
    text = cli("data", "export").out
    _move_home(monkeypatch, tmp_path, "stdin-home")
    assert cli("data", "import", "-", input=text).code == 0
    assert len(cli("data", "export").json()["concerns"]["checkins"]["records"]) == 3


def test_import_migrates_an_older_schema(cli, monkeypatch, tmp_path) -> None:
    document = {
        "format": "coach-export",
        "version": 1,
        "exported_at": "2026-01-01T00:00:00+00:00",
        "schemas": {"privacytest": 1},
        "concerns": {"privacytest": {"records": [{"id": 5, "value": 1}]}},
    }

    @migrations.migration("privacytest", 2)
    def doubled(tables):
        for doc in tables.get("records", {}).values():
            doc["value"] *= 2
        return tables

    try:
        file = tmp_path / "old.json"
        file.write_text(json.dumps(document))
        assert cli("data", "import", str(file)).code == 0
        store = Store(Context.load().paths)
        assert store.collection("privacytest").get(5) == {"value": 2, "id": 5}
        assert migrations.meta_of(store.read_tables("privacytest"))["schema"] == 2
    finally:
        migrations._REGISTRY.pop("privacytest", None)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not a JSON file"),
        ('{"format": "other"}', "not a coach export"),
        ('{"format": "coach-export", "version": 9, "concerns": {}}', "format version 9"),
        ('{"format": "coach-export", "version": 1, "concerns": {"../x": {}}}', "damaged at ../x"),
        ('{"format": "coach-export", "version": 1, "concerns": {"a": {"t": [1]}}}', "a.t"),
        (
            '{"format": "coach-export", "version": 1, '
            '"concerns": {"a": {"t": [{"id": 1}, {"id": 1}]}}}',
            "share an id",
        ),
    ],
)
def test_bad_imports_are_one_line_and_write_nothing(cli, tmp_path, content, message) -> None:
    file = tmp_path / "bad.json"
    file.write_text(content)
    result = cli("data", "import", str(file))
    assert result.code == 1 and message in result.err and result.err.count("\n") == 1
    assert Store(Context.load().paths).files() == []


def test_missing_import_file(cli, tmp_path) -> None:
    result = cli("data", "import", str(tmp_path / "nope.json"))
    assert result.code == 1 and "Cannot read" in result.err


def test_export_file_is_private(cli, tmp_path) -> None:
    _seed()
    out = tmp_path / "mine.json"
    result = cli("data", "export", "--out", str(out))
    assert result.code == 0 and "not encrypted" in result.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["format"] == "coach-export"


def test_csv_export_is_a_zip_of_one_file_per_table(cli, tmp_path) -> None:
    _seed()
    out = tmp_path / "export.zip"
    assert cli("data", "export", "--format", "csv", "--out", str(out)).code == 0
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        assert names == {
            "checkins/records.csv",
            "chat-2025/messages.csv",
            "chat-2026/messages.csv",
            "plan/steps.csv",
        }
        rows = list(csv.DictReader(io.StringIO(archive.read("checkins/records.csv").decode())))
        plan = list(csv.DictReader(io.StringIO(archive.read("plan/steps.csv").decode())))
    assert rows[0]["id"] == "2" and rows[0]["note"] == NOTE and rows[0]["tags"] == '["work"]'
    assert rows[1]["sleep_hours"] == "7.5" and rows[1]["ok"] == "true" and rows[1]["note"] == ""
    assert json.loads(plan[0]["nested"]) == {"a": [1, None]}


def test_markdown_export_is_readable(cli) -> None:
    _seed()
    Store(Context.load().paths).collection("journal").insert({"at": "2026-03-03", "text": NOTE})
    result = cli("data", "export", "--format", "md")
    assert result.code == 0
    text = result.out
    assert text.startswith("# coach: everything stored")
    assert "## journal" in text and "#### #1 · 2026-03-03" in text
    assert "  > walked by the river," in text and "  > felt lighter" in text
    assert "- **tags**: work" in text
    assert "removed later" not in text
    assert "- **mood**: 7" in text


def test_markdown_export_in_french(cli) -> None:
    result = cli("--lang", "fr", "data", "export", "--format", "md")
    assert result.code == 0
    assert "# coach : toutes les données conservées" in result.out
    assert "Rien n'est encore conservé." in result.out


def test_unknown_format_is_a_usage_error(cli) -> None:
    assert cli("data", "export", "--format", "xml").code == 2
