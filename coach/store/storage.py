"""A TinyDB storage that reads fresh and replaces its file atomically.

TinyDB's own JSONStorage rewrites the file in place: a crash mid-write loses
everything. This one never writes into the live file, and refuses to touch a
file it cannot parse, so damage is reported, never made worse.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from coach.errors import StoreError
from coach.i18n import t
from coach.store.atomic import atomic_write
from coach.store.codec import Codec, PlainCodec


def damaged(path: Path, backups: Path | None, reason: str) -> StoreError:
    from coach.store.backups import newest_backup

    backup = newest_backup(path, backups) if backups else None
    if backup is None:
        return StoreError(t("store.damaged_no_backup", path=path, reason=reason))
    return StoreError(t("store.damaged", path=path, reason=reason, backup=backup))


def decode_tables(raw: bytes, path: Path, backups: Path | None) -> dict[str, Any]:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise damaged(path, backups, str(exc)) from None
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        raise damaged(path, backups, t("store.not_tables"))
    return data


class AtomicStorage(Storage):
    """`hold=True` keeps the parsed tables between calls: only for use under the file's lock.

    TinyDB reads the whole file two or three times per insert; inside one
    locked transaction nobody else can change it, so one parse serves them all.
    """

    def __init__(
        self,
        path: Path,
        codec: Codec | None = None,
        backups: Path | None = None,
        hold: bool = False,
    ):
        self.path = Path(path)
        self.codec = codec or PlainCodec()
        self.backups = backups
        self._hold = hold
        self._held: dict[str, Any] | None = None

    def read(self) -> dict[str, Any] | None:
        if self._held is not None:
            return self._held
        tables = self._read()
        if self._hold:
            self._held = tables
        return tables

    def _read(self) -> dict[str, Any] | None:
        try:
            stored = self.path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(t("store.unreadable", path=self.path, reason=exc.strerror)) from None
        if not stored.strip():
            # An empty file can only be one we never wrote: atomic writes leave no stubs.
            raise damaged(self.path, self.backups, t("store.empty"))
        return decode_tables(self.codec.decode(stored, self.path), self.path, self.backups)

    def write(self, data: dict[str, Any]) -> None:
        raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            atomic_write(self.path, self.codec.encode(raw))
        except OSError as exc:
            self._held = None
            raise StoreError(t("store.unwritable", path=self.path, reason=exc.strerror)) from None
        if self._hold:
            self._held = data

    def close(self) -> None:
        pass
