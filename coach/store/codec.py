"""How a store file's bytes sit on disk.

The plain codec is the identity. An encrypting codec (see `coach.store.crypto`
when encryption is on) turns JSON bytes into an authenticated, versioned blob.
Backups hold the encoded bytes, so nothing in clear is ever copied.
"""

from __future__ import annotations

from typing import Protocol

ENCRYPTED_MAGIC = b"COACHENC"


class Codec(Protocol):
    name: str

    def encode(self, plain: bytes) -> bytes: ...

    def decode(self, stored: bytes, path: object = None) -> bytes: ...


class PlainCodec:
    name = "plain"

    def encode(self, plain: bytes) -> bytes:
        return plain

    def decode(self, stored: bytes, path: object = None) -> bytes:
        if stored.startswith(ENCRYPTED_MAGIC):
            from coach.errors import StoreError
            from coach.i18n import t

            raise StoreError(t("store.encrypted_no_key", path=path))
        return stored
