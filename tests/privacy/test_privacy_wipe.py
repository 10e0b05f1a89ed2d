"""`coach data wipe` and `coach data path`."""

from __future__ import annotations

from pathlib import Path

import pytest

from coach.config import save_value
from coach.context import Context
from coach.store import Store, crypto

# A real `crontab` stand-in: the table is a file, as cron keeps it.
FAKE_CRONTAB = """#!/bin/sh
case "$1" in
  -l) [ -f "$CRONTAB_FILE" ] || { echo "no crontab for you" >&2; exit 1; }
      cat "$CRONTAB_FILE" ;;
  -) cat > "$CRONTAB_FILE" ;;
esac
"""


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)


@pytest.fixture(autouse=True)
def scheduler(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    """Wipe removes coach's reminders: point systemd and cron at folders of this test,
    never at the real user's."""
    tool = tmp_path / "fake-crontab"
    tool.write_text(FAKE_CRONTAB)
    tool.chmod(0o755)
    table = tmp_path / "crontab.txt"
    monkeypatch.setenv("COACH_CRONTAB", str(tool))
    monkeypatch.setenv("CRONTAB_FILE", str(table))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("COACH_SYSTEMCTL", "true")
    return {"crontab": table, "units": tmp_path / "xdg" / "systemd" / "user"}


def _fill(home: Path) -> dict[str, Path]:
    """Everything coach writes, plus the models and the user's own exercise file."""
    paths = Context.load().paths
    Store(paths).collection("checkins").insert({"mood": 5, "note": "private"})
    Store(paths).collection("chat", "messages", year=2026).insert({"text": "a conversation"})
    (paths.backups).mkdir(parents=True, exist_ok=True)
    (paths.backups / "checkins.2026-01-01.json").write_text("{}")
    save_value(paths, "theme", "light")
    for folder in (paths.logs, paths.cache, paths.models, paths.exercises):
        folder.mkdir(parents=True, exist_ok=True)
    (paths.logs / "coach.log").write_text("log line")
    (paths.cache / "anything").write_text("cached")
    (paths.models / "model.gguf").write_bytes(b"GGUF" + bytes(64))
    (paths.exercises / "mine.toml").write_text('id = "mine"')
    return {
        "store": paths.store,
        "backups": paths.backups,
        "config_file": paths.config_file,
        "logs": paths.logs,
        "cache": paths.cache,
        "models": paths.models,
        "exercise": paths.exercises / "mine.toml",
    }


def test_wipe_yes_erases_everything_but_models_and_own_exercises(cli, coach_home) -> None:
    places = _fill(coach_home)
    result = cli("data", "wipe", "--yes", "--json")
    assert result.code == 0, result
    for name in ("store", "backups", "config_file", "logs", "cache"):
        assert not places[name].exists(), name
    assert (places["models"] / "model.gguf").exists()
    assert places["exercise"].read_text() == 'id = "mine"'
    erased = result.json()["erased"]
    assert str(places["store"].parent / "store") in erased
    assert str(places["models"]) in result.json()["kept"]
    remaining = sorted(p.relative_to(coach_home) for p in coach_home.rglob("*") if p.is_file())
    assert remaining == [Path("config/exercises/mine.toml"), Path("data/models/model.gguf")]


def test_wipe_models_erases_the_models_too(cli, coach_home) -> None:
    places = _fill(coach_home)
    assert cli("data", "wipe", "--yes", "--models").code == 0
    assert not places["models"].exists()
    assert places["exercise"].exists()


def test_wipe_erases_an_encrypted_store_without_the_passphrase(cli, coach_home, monkeypatch):
    _fill(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", "long enough passphrase")
    assert cli("data", "encrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")
    assert cli("data", "wipe", "--yes").code == 0
    paths = Context.load().paths
    assert not paths.store.exists() and not crypto.key_check_path(paths.data).exists()
    assert cli("data", "status", "--json").json()["encrypted"] is False


def test_wipe_in_a_script_needs_yes(cli, coach_home) -> None:
    places = _fill(coach_home)
    result = cli("data", "wipe", input="erase\n")
    assert result.code == 1 and "--yes" in result.err and "Nothing was erased" in result.err
    assert (places["store"] / "checkins.json").exists()


@pytest.mark.parametrize(
    ("lang", "word", "erased"),
    [("en", "erase", True), ("fr", "effacer", True), ("fr", "erase", False), ("en", "no", False)],
)
def test_wipe_asks_for_the_translated_word(cli, coach_home, monkeypatch, lang, word, erased):
    import coach.cli.data as data_cli

    places = _fill(coach_home)
    # A person at the keyboard: the prompt is read from stdin.
    monkeypatch.setattr(data_cli, "interactive", lambda: True)
    result = cli("--lang", lang, "data", "wipe", input=f"{word}\n")
    assert (places["store"] / "checkins.json").exists() is not erased
    if erased:
        assert result.code == 0
    else:
        assert result.code == 1
        assert ("Rien n'a été effacé." if lang == "fr" else "Nothing was erased.") in result.err
    prompt = "Tapez effacer pour confirmer" if lang == "fr" else "Type erase to confirm"
    assert prompt in result.err and str(places["store"]) in result.err


def test_wipe_does_not_follow_links_out_of_coach_folders(cli, coach_home, tmp_path) -> None:
    _fill(coach_home)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "precious.txt").write_text("keep me")
    paths = Context.load().paths
    (paths.store / "link").symlink_to(outside)
    (paths.cache / "file-link").symlink_to(outside / "precious.txt")
    assert cli("data", "wipe", "--yes").code == 0
    assert (outside / "precious.txt").read_text() == "keep me"


def test_path_lists_every_folder(cli, coach_home) -> None:
    result = cli("data", "path", "--json")
    assert result.code == 0
    places = result.json()
    for name in ("config", "data", "store", "backups", "models", "state", "cache", "logs"):
        assert places[name].startswith(str(coach_home)), name
    assert places["keycheck"] == str(coach_home / "data" / "keycheck")
    text = cli("data", "path").out.splitlines()
    assert any(
        line.startswith("store") and line.endswith(str(coach_home / "data" / "store"))
        for line in text
    )


def test_wipe_removes_coach_reminders_and_nothing_else(cli, coach_home, scheduler) -> None:
    _fill(coach_home)
    table = scheduler["crontab"]
    table.write_text(
        "0 7 * * * /usr/bin/backup-my-photos\n"
        "0 21 * * * python -m coach remind fire 1 checkin # coach-reminder:1\n"
    )
    units = scheduler["units"]
    units.mkdir(parents=True)
    for name in ("coach-reminder-2.timer", "coach-reminder-2.service", "my-own.timer"):
        (units / name).write_text("[Unit]\n")
    result = cli("data", "wipe", "--yes", "--json")
    assert result.code == 0, result
    assert sorted(result.json()["reminders"]) == ["cron:1", "systemd:2"]
    assert table.read_text() == "0 7 * * * /usr/bin/backup-my-photos\n"
    assert sorted(p.name for p in units.iterdir()) == ["my-own.timer"]
