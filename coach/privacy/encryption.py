"""Turning encryption on and off, and changing the passphrase, without ever losing a file.

Each operation is resumable. It first checks everything it will need (the
passphrase against the key-check file, that every encrypted file opens), so a
wrong passphrase or a damaged file changes nothing. Then it writes a marker
(`encryption.pending`), converts the files one at a time (each replaced
atomically, under the lock its writers use), and removes the marker last.
A crash leaves the marker: every command that needs the store then says
which `coach data` command finishes the job, and running it again picks up
where it stopped (a file already in its new form is skipped).

Order of the steps, so that no crash point leaves a file nobody can read:
- encrypt: marker, key-check, files, marker removed.
- decrypt: marker, files, key-check removed, marker removed.
- passphrase: marker, `keycheck.next`, files, `keycheck.next` renamed over
  `keycheck`, marker removed.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from filelock import FileLock, Timeout

from coach import paths as _paths
from coach.errors import CoachError, StoreError
from coach.i18n import t
from coach.privacy.erase import shred
from coach.store import crypto
from coach.store.atomic import atomic_write, fsync_dir
from coach.store.backups import backups_of

OPERATIONS = ("encrypt", "decrypt", "passphrase")


@dataclass(frozen=True)
class Status:
    encrypted: bool
    pending: str | None
    files: int


@dataclass(frozen=True)
class Outcome:
    operation: str
    changed: int
    files: int
    resumed: bool


def pending_path(p: _paths.Paths) -> Path:
    return p.data / "encryption.pending"


def next_key_check_path(p: _paths.Paths) -> Path:
    return p.data / "keycheck.next"


def pending(p: _paths.Paths) -> str | None:
    """The operation a crash interrupted, if any."""
    path = pending_path(p)
    try:
        operation = json.loads(path.read_text(encoding="utf-8")).get("operation")
    except FileNotFoundError:
        return None
    except (OSError, ValueError, AttributeError):
        return "encrypt"  # An unreadable marker is safest treated as "not finished".
    return operation if operation in OPERATIONS else "encrypt"


def settle(p: _paths.Paths) -> None:
    """Drop a passphrase-change marker that has nothing left to finish.

    Without `keycheck.next`, an interrupted change either had not begun converting or
    had finished (the rename is its last step before the marker goes): every file is
    under the key of `keycheck` either way. Only when no operation holds the lock.
    """
    if pending(p) != "passphrase" or next_key_check_path(p).exists():
        return
    lock = FileLock(p.data / ".encryption.lock", timeout=0, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        return
    try:
        if pending(p) == "passphrase" and not next_key_check_path(p).exists():
            _clear_marker(p)
    finally:
        lock.release()


def status(p: _paths.Paths) -> Status:
    encrypted = crypto.key_check_path(p.data).exists()
    return Status(encrypted, pending(p), len(data_files(p)))


def data_files(p: _paths.Paths) -> list[Path]:
    """Every file holding the user's records: the store and its backups."""
    found: list[Path] = []
    for folder in (p.store, p.backups):
        if folder.is_dir():
            found += sorted(
                f for f in folder.iterdir() if f.is_file() and not f.name.startswith(".")
            )
    return found


def interrupted_error(operation: str) -> CoachError:
    return CoachError(t("data.interrupted", command=f"coach data {operation}"))


# ---------------------------------------------------------------- the operations


def encrypt(p: _paths.Paths, passphrase: str) -> Outcome:
    with _operation_lock(p):
        state = status(p)
        if state.pending not in (None, "encrypt"):
            raise interrupted_error(state.pending)
        resumed = state.pending == "encrypt"
        check = crypto.key_check_path(p.data)
        if state.encrypted and not resumed:
            raise CoachError(t("data.already_encrypted"))
        if resumed and check.exists():
            params = crypto.verify(check, passphrase)
        else:
            crypto.check_new_passphrase(passphrase)
            params = None
        _preflight(p, passphrase, keep=params)
        if not resumed:
            _write_marker(p, "encrypt")
        if params is None:
            params = crypto.KdfParams.fresh()
            crypto.write_key_check(check, passphrase, params)
        target = crypto.EncryptedCodec(passphrase, params, p.backups)
        changed = _convert_all(p, passphrase, target)
        _clear_marker(p)
        return Outcome("encrypt", changed, len(data_files(p)), resumed)


def decrypt(p: _paths.Paths, passphrase: str) -> Outcome:
    with _operation_lock(p):
        state = status(p)
        if state.pending not in (None, "decrypt"):
            raise interrupted_error(state.pending)
        resumed = state.pending == "decrypt"
        check = crypto.key_check_path(p.data)
        if not state.encrypted and not resumed:
            raise CoachError(t("data.not_encrypted"))
        if check.exists():
            crypto.verify(check, passphrase)
        _preflight(p, passphrase, keep=None)
        if not resumed:
            _write_marker(p, "decrypt")
        changed = _convert_all(p, passphrase, None)
        check.unlink(missing_ok=True)
        fsync_dir(p.data)
        _clear_marker(p)
        return Outcome("decrypt", changed, len(data_files(p)), resumed)


def change_passphrase(p: _paths.Paths, current: str, new: str) -> Outcome:
    with _operation_lock(p):
        state = status(p)
        if state.pending not in (None, "passphrase"):
            raise interrupted_error(state.pending)
        if not state.encrypted:
            raise CoachError(t("data.not_encrypted"))
        check, following = crypto.key_check_path(p.data), next_key_check_path(p)
        crypto.verify(check, current)
        # Resumed only once the new key-check exists; before that nothing was converted.
        resumed = state.pending == "passphrase" and following.exists()
        if resumed:
            try:
                params = crypto.verify(following, new)
            except CoachError:
                raise CoachError(t("data.resume_new_mismatch")) from None
        else:
            crypto.check_new_passphrase(new)
            if new == current:
                raise CoachError(t("data.same_passphrase"))
            params = None
        _preflight(p, current, keep=params)
        if state.pending is None:
            _write_marker(p, "passphrase")
        if params is None:
            params = crypto.KdfParams.fresh()
            crypto.write_key_check(following, new, params)
        target = crypto.EncryptedCodec(new, params, p.backups)
        changed = _convert_all(p, current, target)
        os.replace(following, check)
        fsync_dir(p.data)
        _clear_marker(p)
        return Outcome("passphrase", changed, len(data_files(p)), resumed)


# ---------------------------------------------------------------- the steps


@contextlib.contextmanager
def _operation_lock(p: _paths.Paths) -> Iterator[None]:
    """One encryption change at a time, even from two terminals."""
    _paths.ensure_dir(p.data)
    lock = FileLock(p.data / ".encryption.lock", timeout=5, mode=0o600)
    try:
        lock.acquire()
    except Timeout:
        raise CoachError(t("data.busy")) from None
    try:
        yield
    finally:
        lock.release()


def _write_marker(p: _paths.Paths, operation: str) -> None:
    body = json.dumps({"operation": operation, "format": crypto.FORMAT_VERSION})
    atomic_write(pending_path(p), body.encode("utf-8"))


def _clear_marker(p: _paths.Paths) -> None:
    pending_path(p).unlink(missing_ok=True)
    fsync_dir(p.data)


def _preflight(p: _paths.Paths, passphrase: str, keep: crypto.KdfParams | None) -> None:
    """Open every encrypted file before changing anything: a file that will not open stops us.

    `keep` is the key a resumed run already converted files to; those are left for the
    conversion to skip.
    """
    for file in data_files(p):
        data = file.read_bytes()
        if not crypto.is_encrypted(data):
            continue
        try:
            header = crypto.parse_header(data)
            if keep is not None and header.params == keep:
                continue
            crypto.decrypt_with(data, passphrase)
        except crypto.Unauthentic:
            raise CoachError(t("data.file_wont_open", path=file)) from None
        except ValueError:
            raise CoachError(t("data.file_damaged", path=file)) from None


def _convert_all(p: _paths.Paths, passphrase: str, target: crypto.EncryptedCodec | None) -> int:
    """Re-encode every data file for `target` (None: plain). Returns how many changed."""
    from coach.store import Store

    store = Store(p)
    changed = 0
    done: set[Path] = set()
    for source in store.files():
        lock = store.lock_file(source)
        try:
            lock.acquire()
        except Timeout:
            raise StoreError(t("store.busy", path=source)) from None
        try:
            # Backups are written while the source's lock is held, so convert them now too.
            for file in [source, *backups_of(source, p.backups)]:
                changed += _reseal(file, passphrase, target)
                done.add(file)
            _remove_stale_temps(source, p)
        finally:
            lock.release()
    for file in data_files(p):
        if file not in done:
            changed += _reseal(file, passphrase, target)
    return changed


def _reseal(file: Path, passphrase: str, target: crypto.EncryptedCodec | None) -> int:
    data = file.read_bytes()
    if crypto.is_encrypted(data):
        if target is not None and crypto.parse_header(data).params == target.params:
            return 0  # Already done by an interrupted run.
        plain = crypto.decrypt_with(data, passphrase)
    elif target is None:
        return 0
    else:
        plain = data
    atomic_write(file, target.encode(plain) if target is not None else plain)
    return 1


def _remove_stale_temps(source: Path, p: _paths.Paths) -> None:
    """A write killed between its temp file and the rename leaves the temp behind, in clear
    if the store was plain then. With the source's lock held no write is in flight."""
    patterns = [(p.store, f".{source.name}.*.tmp"), (p.backups, f".{source.stem}.*.tmp")]
    for folder, pattern in patterns:
        if folder.is_dir():
            for stale in folder.glob(pattern):
                shred(stale)
