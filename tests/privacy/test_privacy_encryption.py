"""Encryption at rest through `coach data`: round trips, nothing in clear, wrong passphrases,
damaged files, file modes, and resuming an interrupted change."""

from __future__ import annotations

import hashlib
import json
import stat
from datetime import date
from pathlib import Path

import pytest

from coach.context import Context
from coach.errors import CoachError, StoreError
from coach.privacy import encryption
from coach.store import Store, crypto
from coach.store.backups import backups_of

NOTE = "the pineapple under the stairs knows my secret"
PASS = "correct horse battery staple"
NEW = "another long passphrase here"


@pytest.fixture(autouse=True)
def fast_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """scrypt at 2**14 keeps these tests quick; the cost is read from each file's header,
    and test_privacy_crypto checks the real default on its own."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)


def _seed(coach_home: Path) -> None:
    """A store with a check-in note, a chat year file, and a backup taken on an earlier day."""
    yesterday = Store(Context.load(lang="en").paths, today=date(2026, 1, 1))
    checkins = yesterday.collection("checkins")
    checkins.insert({"at": "2026-01-01T21:00:00+01:00", "mood": 4, "note": NOTE})
    checkins.insert({"at": "2026-01-01T22:00:00+01:00", "mood": 5, "note": "second"})
    Store(yesterday.paths, today=date(2026, 1, 2)).collection("checkins").insert(
        {"at": "2026-01-02T09:00:00+01:00", "mood": 6, "note": "third"}
    )
    yesterday.collection("chat", "messages", year=2026).insert({"role": "user", "text": NOTE})


def _every_file(home: Path) -> dict[Path, bytes]:
    return {f: f.read_bytes() for f in sorted(home.rglob("*")) if f.is_file()}


def _digest(home: Path) -> dict[str, str]:
    return {str(f): hashlib.sha256(b).hexdigest() for f, b in _every_file(home).items()}


def _records(passphrase: str | None = None) -> list[dict]:
    context = Context.load(lang="en")
    if passphrase is not None:
        context.unlock(passphrase)
    return context.store.collection("checkins").all()


def test_encrypt_leaves_no_note_in_clear_anywhere(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    assert any(NOTE.encode() in data for data in _every_file(coach_home).values())
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    result = cli("data", "encrypt", "--json")
    assert result.code == 0, result
    assert result.json()["changed"] == 4  # checkins, chat-2026, two daily backups of checkins
    for file, data in _every_file(coach_home).items():
        assert NOTE.encode() not in data, file
        assert b"pineapple" not in data, file
    for file in encryption.data_files(Context.load().paths):
        assert file.read_bytes().startswith(crypto.ENCRYPTED_MAGIC + b"\x01"), file


def test_backups_are_encrypted_and_new_backups_stay_encrypted(cli, coach_home, monkeypatch):
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    context = Context.load(lang="en")
    store = Store(context.paths, codec=context.store.codec, today=date(2026, 1, 3))
    store.collection("checkins").insert({"mood": 7, "note": NOTE})
    source = store.file_for("checkins")
    backups = backups_of(source, context.paths.backups)
    assert len(backups) == 3  # two from before encryption, one from today
    for backup in backups:
        data = backup.read_bytes()
        assert data.startswith(crypto.ENCRYPTED_MAGIC) and NOTE.encode() not in data
    assert not any(NOTE.encode() in d for d in _every_file(coach_home).values())


def test_encrypted_store_reads_back_the_same_records(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    assert _records(PASS) == before
    # A later write through an unlocked context is encrypted too, and reads back.
    context = Context.load(lang="en")
    context.store.collection("checkins").insert({"mood": 9, "note": "later"})
    assert context.store.file_for("checkins").read_bytes().startswith(crypto.ENCRYPTED_MAGIC)
    assert [r["note"] for r in _records(PASS)][-1] == "later"


def test_decrypt_round_trip_gives_plain_files_with_the_same_data(cli, coach_home, monkeypatch):
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    result = cli("data", "decrypt", "--json")
    assert result.code == 0, result
    assert result.json()["operation"] == "decrypt"
    monkeypatch.delenv("COACH_PASSPHRASE")
    assert _records() == before
    paths = Context.load().paths
    assert not crypto.key_check_path(paths.data).exists()
    for file in encryption.data_files(paths):
        json.loads(file.read_bytes())  # plain JSON again, backups included
    assert cli("data", "status", "--json").json() == {
        "encrypted": False,
        "interrupted": None,
        "files": len(encryption.data_files(paths)),
    }


def test_change_passphrase_old_one_stops_working(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    salt_before = crypto.read_key_check(crypto.key_check_path(Context.load().paths.data)).salt
    monkeypatch.setenv("COACH_NEW_PASSPHRASE", NEW)
    result = cli("data", "passphrase", "--json")
    assert result.code == 0, result
    paths = Context.load().paths
    params = crypto.read_key_check(crypto.key_check_path(paths.data))
    assert params.salt != salt_before
    for file in encryption.data_files(paths):
        assert crypto.parse_header(file.read_bytes()).params == params
    assert _records(NEW) == before
    with pytest.raises(CoachError, match="Wrong passphrase"):
        _records(PASS)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    locked = cli("data", "export")
    assert locked.code == 1 and locked.err.count("\n") == 1 and "Wrong passphrase" in locked.err


def test_wrong_passphrase_is_one_line_and_changes_nothing(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    before = _digest(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", "not the right one at all")
    monkeypatch.setenv("COACH_NEW_PASSPHRASE", NEW)
    for args in (("data", "decrypt"), ("data", "passphrase"), ("data", "export")):
        result = cli(*args)
        assert result.code == 1, (args, result)
        assert result.err == "coach: Wrong passphrase. Nothing was changed.\n"
        assert result.out == ""
    assert _digest(coach_home) == before


def test_no_passphrase_in_a_script_is_a_clear_error(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")
    result = cli("data", "export", input="")
    assert result.code == 1
    assert result.err.startswith("coach: Your data is encrypted: set COACH_PASSPHRASE")
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_passphrase_file_for_scheduled_jobs(cli, coach_home, monkeypatch, tmp_path) -> None:
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")
    secret = tmp_path / "passphrase"
    secret.write_text(PASS + "\n")
    secret.chmod(0o644)
    monkeypatch.setenv("COACH_PASSPHRASE_FILE", str(secret))
    refused = cli("data", "export")
    assert refused.code == 1 and "chmod 600" in refused.err
    secret.chmod(0o600)
    result = cli("data", "export")
    assert result.code == 0, result
    assert NOTE in result.out


def test_truncated_file_is_a_clear_error_and_the_backup_is_intact(cli, coach_home, monkeypatch):
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    paths = Context.load().paths
    live = paths.store / "checkins.json"
    backup = backups_of(live, paths.backups)[0]  # the newest, which the error names
    backup_bytes = backup.read_bytes()
    cut = live.read_bytes()[:-20]
    live.write_bytes(cut)
    result = cli("data", "export")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert str(live) in result.err and str(backup) in result.err
    assert "cut or altered" in result.err
    assert live.read_bytes() == cut  # left untouched
    # A write is refused the same way and does not overwrite the damaged file.
    with pytest.raises(StoreError):
        context = Context.load(lang="en")
        context.unlock(PASS)
        context.store.collection("checkins").insert({"mood": 1})
    assert live.read_bytes() == cut
    assert backup.read_bytes() == backup_bytes
    plain = json.loads(crypto.decrypt_with(backup_bytes, PASS))
    assert plain["records"]["1"]["note"] == NOTE


def test_a_cut_header_is_reported_as_damage(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    live = Context.load().paths.store / "checkins.json"
    live.write_bytes(live.read_bytes()[:20])
    result = cli("data", "export")
    assert result.code == 1 and "cut short" in result.err and str(live) in result.err


def test_damaged_file_stops_decrypt_before_anything_changes(cli, coach_home, monkeypatch):
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    live = Context.load().paths.store / "chat-2026.json"
    data = bytearray(live.read_bytes())
    data[-1] ^= 0xFF
    live.write_bytes(bytes(data))
    before = _digest(coach_home)
    result = cli("data", "decrypt")
    assert (
        result.code == 1 and "chat-2026.json" in result.err and "Nothing was changed" in result.err
    )
    assert _digest(coach_home) == before


def test_file_modes_are_private_after_encryption(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    paths = Context.load().paths
    for folder in (paths.data, paths.store, paths.backups):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder
    for file in [*encryption.data_files(paths), crypto.key_check_path(paths.data)]:
        assert stat.S_IMODE(file.stat().st_mode) == 0o600, file


def test_encrypt_twice_and_decrypt_plain_are_refused(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    plain = cli("data", "decrypt")
    assert plain.code == 1 and "not encrypted" in plain.err
    assert cli("data", "encrypt").code == 0
    again = cli("data", "encrypt")
    assert again.code == 1 and "already encrypted" in again.err


def test_short_passphrase_is_refused(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    before = _digest(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", "short")
    result = cli("data", "encrypt")
    assert result.code == 1 and "at least 8" in result.err
    assert _digest(coach_home) == before


_REAL_WRITE = encryption.atomic_write


def _recover(monkeypatch: pytest.MonkeyPatch) -> None:
    """The machine is back: writes work again (not monkeypatch.undo: that drops COACH_HOME)."""
    monkeypatch.setattr(encryption, "atomic_write", _REAL_WRITE)


def _crash_after(monkeypatch: pytest.MonkeyPatch, writes: int) -> None:
    """Make the conversion die after `writes` files, as a power cut would."""
    real = _REAL_WRITE
    count = {"n": 0}

    def dying(path: Path, data: bytes) -> None:
        if path.suffix == ".json":
            if count["n"] >= writes:
                raise KeyboardInterrupt  # like a Ctrl-C halfway
            count["n"] += 1
        real(path, data)

    monkeypatch.setattr(encryption, "atomic_write", dying)


def test_interrupted_encryption_is_detected_and_resumed(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    _crash_after(monkeypatch, 2)
    assert cli("data", "encrypt").code == 130
    paths = Context.load().paths
    kinds = [crypto.is_encrypted(f.read_bytes()) for f in encryption.data_files(paths)]
    assert True in kinds and False in kinds  # half done
    _recover(monkeypatch)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    blocked = cli("data", "export")
    assert blocked.code == 1 and "coach data encrypt" in blocked.err
    assert cli("data", "status", "--json").json()["interrupted"] == "encrypt"
    wrong = "a different passphrase"
    monkeypatch.setenv("COACH_PASSPHRASE", wrong)
    assert cli("data", "encrypt").code == 1  # the resumed run keeps the chosen passphrase
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    resumed = cli("data", "encrypt", "--json")
    assert resumed.code == 0, resumed
    assert resumed.json()["resumed"] is True
    assert not encryption.pending_path(paths).exists()
    assert all(crypto.is_encrypted(f.read_bytes()) for f in encryption.data_files(paths))
    assert _records(PASS) == before


def test_interrupted_passphrase_change_is_resumed(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    monkeypatch.setenv("COACH_NEW_PASSPHRASE", NEW)
    _crash_after(monkeypatch, 1)
    assert cli("data", "passphrase").code == 130
    _recover(monkeypatch)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert "coach data passphrase" in cli("data", "export").err
    monkeypatch.setenv("COACH_NEW_PASSPHRASE", "yet another passphrase")
    mismatch = cli("data", "passphrase")
    assert mismatch.code == 1 and "new passphrase you chose" in mismatch.err
    monkeypatch.setenv("COACH_NEW_PASSPHRASE", NEW)
    done = cli("data", "passphrase", "--json")
    assert done.code == 0, done
    assert done.json()["resumed"] is True
    assert _records(NEW) == before


def test_change_cut_just_before_its_marker_went_is_settled(cli, coach_home, monkeypatch):
    """The new key-check was in place; only the marker was left: nothing to ask, just done."""
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    monkeypatch.setenv("COACH_NEW_PASSPHRASE", NEW)
    real_clear = encryption._clear_marker

    def cut(p) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(encryption, "_clear_marker", cut)
    assert cli("data", "passphrase").code == 130
    monkeypatch.setattr(encryption, "_clear_marker", real_clear)
    paths = Context.load().paths
    assert encryption.pending(paths) == "passphrase"
    assert cli("data", "status", "--json").json()["interrupted"] is None
    assert _records(NEW) == before


def test_interrupted_decryption_is_resumed(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    before = _records()
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    _crash_after(monkeypatch, 1)
    assert cli("data", "decrypt").code == 130
    _recover(monkeypatch)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "decrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")
    assert _records() == before


def test_stale_plain_temp_files_are_removed_by_encrypt(cli, coach_home, monkeypatch) -> None:
    _seed(coach_home)
    paths = Context.load().paths
    stale = paths.store / ".checkins.json.abc123.tmp"
    stale.write_text(json.dumps({"records": {"1": {"note": NOTE}}}))
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    assert not stale.exists()


def test_scripted_checkin_still_works_on_an_encrypted_store(coach_process, coach_home):
    """A scheduled `coach checkin` with the passphrase in its environment writes a record
    that is encrypted on disk and reads back; without the passphrase it is one clear line."""
    _seed(coach_home)
    env = {"COACH_PASSPHRASE": PASS}
    assert coach_process("data", "encrypt", env=env, input="").code == 0
    saved = coach_process(
        "checkin", "--mood", "5", "--note", "scheduled pineapple", env=env, input=""
    )
    assert saved.code == 0, saved
    for data in _every_file(coach_home).values():
        assert b"scheduled pineapple" not in data
    result = coach_process("data", "export", env=env, input="")
    assert result.code == 0, result
    notes = [r.get("note") for r in json.loads(result.out)["concerns"]["checkins"]["records"]]
    assert notes[0] == NOTE and notes[-1] == "scheduled pineapple"
    locked = coach_process("checkin", "--mood", "5", env={"COACH_PASSPHRASE": ""}, input="")
    assert locked.code == 1 and locked.err.startswith("coach: Your data is encrypted")
    assert locked.err.count("\n") == 1


def test_a_process_opened_before_encryption_cannot_write_in_clear(cli, coach_home, monkeypatch):
    """A check-in running while `coach data encrypt` works must fail, not write plain JSON."""
    _seed(coach_home)
    paths = Context.load().paths
    early = Store(paths)  # the plain codec, chosen before encryption began
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    before = _digest(coach_home)
    with pytest.raises(StoreError, match="is encrypted"):
        early.collection("checkins").insert({"mood": 3, "note": NOTE})
    assert _digest(coach_home) == before


def test_a_process_opened_before_decryption_cannot_write_ciphertext(cli, coach_home, monkeypatch):
    _seed(coach_home)
    monkeypatch.setenv("COACH_PASSPHRASE", PASS)
    assert cli("data", "encrypt").code == 0
    early = Context.load(lang="en")
    early.unlock(PASS)
    assert cli("data", "decrypt").code == 0
    before = _digest(coach_home)
    with pytest.raises(StoreError, match="is not encrypted"):
        early.store.collection("checkins").insert({"mood": 3})
    assert _digest(coach_home) == before
