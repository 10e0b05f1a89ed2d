"""Encryption at rest: the file format, the key derivation and the encrypting codec.

An encrypted file (format version 1) is self-describing, so any one file, a
backup copied elsewhere included, can be opened with the passphrase alone:

    offset  size  field
    0       8     ENCRYPTED_MAGIC, b"COACHENC"
    8       1     format version (1)
    9       1     log2 of the scrypt cost n (17: n = 131072)
    10      1     scrypt block size r (8)
    11      1     scrypt parallelism p (1)
    12      16    salt (random, shared by every file of one store)
    28      12    nonce (random, new for every write)
    40      ...   AES-256-GCM ciphertext followed by its 16-byte tag

The 40-byte header is the GCM associated data: changing any of it (the salt,
the cost) fails authentication like a change to the ciphertext does.

Key derivation: scrypt n=2**17, r=8, p=1 (OWASP's minimum for scrypt). It
costs about 0.4 s and 128 MB once per process on a 2020s laptop core; the key
is cached by (salt, cost, passphrase) so no write ever derives it again.

Every file of one store shares the salt kept in the key-check file (itself an
encrypted file of a known text), so one derivation opens the whole store, and
decrypting the key-check tells a wrong passphrase apart before anything is
touched.
"""

from __future__ import annotations

import hashlib
import json
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from coach.errors import CoachError, StoreError
from coach.i18n import t
from coach.store.codec import ENCRYPTED_MAGIC

FORMAT_VERSION = 1
SALT_BYTES = 16
NONCE_BYTES = 12
TAG_BYTES = 16
HEADER_BYTES = len(ENCRYPTED_MAGIC) + 4 + SALT_BYTES + NONCE_BYTES
# scrypt cost: n = 2**17, r = 8, p = 1 (128 MB, ~0.4 s on one core).
SCRYPT_LOG2_N = 17
SCRYPT_R = 8
SCRYPT_P = 1
# The text sealed in the key-check file: decrypting it proves the passphrase.
KEY_CHECK_TEXT = json.dumps({"coach": "key-check", "version": FORMAT_VERSION}).encode()
MIN_PASSPHRASE = 8

# (salt, log2n, r, p, sha256(passphrase)) -> key. Derived once per process.
_KEYS: dict[tuple[bytes, int, int, int, bytes], bytes] = {}


@dataclass(frozen=True)
class KdfParams:
    salt: bytes
    log2_n: int = SCRYPT_LOG2_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P

    @classmethod
    def fresh(cls) -> KdfParams:
        return cls(os.urandom(SALT_BYTES), SCRYPT_LOG2_N, SCRYPT_R, SCRYPT_P)


@dataclass(frozen=True)
class Header:
    version: int
    params: KdfParams
    nonce: bytes
    raw: bytes


def is_encrypted(data: bytes) -> bool:
    return data.startswith(ENCRYPTED_MAGIC)


def parse_header(data: bytes) -> Header:
    """Read the header of an encrypted blob. ValueError if it is cut short or unknown."""
    if not is_encrypted(data):
        raise ValueError("no magic header")
    if len(data) < HEADER_BYTES + TAG_BYTES:
        raise ValueError("too short")
    at = len(ENCRYPTED_MAGIC)
    version, log2_n, r, p = data[at], data[at + 1], data[at + 2], data[at + 3]
    if version != FORMAT_VERSION:
        raise UnknownVersion(version)
    if not (10 <= log2_n <= 24 and 1 <= r <= 32 and 1 <= p <= 16):
        raise ValueError("key derivation settings out of range")
    at += 4
    salt = data[at : at + SALT_BYTES]
    nonce = data[at + SALT_BYTES : at + SALT_BYTES + NONCE_BYTES]
    return Header(version, KdfParams(salt, log2_n, r, p), nonce, data[:HEADER_BYTES])


class UnknownVersion(ValueError):
    def __init__(self, version: int) -> None:
        super().__init__(f"format version {version}")
        self.version = version


def normalise(passphrase: str) -> bytes:
    """NFC first: the same passphrase typed on another system may compose accents differently."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> str:
    if len(passphrase.strip()) < MIN_PASSPHRASE:
        raise CoachError(t("data.passphrase_short", n=MIN_PASSPHRASE))
    return passphrase


def derive_key(passphrase: str, params: KdfParams) -> bytes:
    """The 256-bit key for `params`; scrypt runs once per process for each salt and passphrase."""
    secret = normalise(passphrase)
    cache_key = (params.salt, params.log2_n, params.r, params.p, hashlib.sha256(secret).digest())
    key = _KEYS.get(cache_key)
    if key is None:
        from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

        kdf = Scrypt(salt=params.salt, length=32, n=2**params.log2_n, r=params.r, p=params.p)
        key = kdf.derive(secret)
        _KEYS[cache_key] = key
    return key


def seal(plain: bytes, key: bytes, params: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = os.urandom(NONCE_BYTES)
    header = (
        ENCRYPTED_MAGIC
        + bytes([FORMAT_VERSION, params.log2_n, params.r, params.p])
        + params.salt
        + nonce
    )
    return header + AESGCM(key).encrypt(nonce, plain, header)


class Unauthentic(ValueError):
    """The tag does not match: wrong key, or the bytes were cut or altered."""


def open_sealed(data: bytes, key: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    header = parse_header(data)
    try:
        return AESGCM(key).decrypt(header.nonce, data[HEADER_BYTES:], header.raw)
    except InvalidTag:
        raise Unauthentic("authentication failed") from None


def decrypt_with(data: bytes, passphrase: str) -> bytes:
    """Open any encrypted blob with a passphrase (its own salt and cost are in its header)."""
    header = parse_header(data)
    return open_sealed(data, derive_key(passphrase, header.params))


class EncryptedCodec:
    """A store codec: JSON bytes in, a sealed blob out, and back.

    New writes use the store's salt (so the cached key serves every write);
    a file sealed under another salt (an old backup) is still opened with
    the same passphrase, deriving its key once.
    """

    name = "aes-256-gcm/scrypt"

    def __init__(self, passphrase: str, params: KdfParams, backups: Path | None = None) -> None:
        self._passphrase = passphrase
        self.params = params
        self.backups = backups
        self._key = derive_key(passphrase, params)

    @property
    def salt(self) -> bytes:
        return self.params.salt

    def encode(self, plain: bytes) -> bytes:
        return seal(plain, self._key, self.params)

    def decode(self, stored: bytes, path: object = None) -> bytes:
        from coach.store.storage import damaged

        file = Path(str(path)) if path is not None else Path("?")
        if not is_encrypted(stored):
            raise StoreError(t("data.plain_in_encrypted", path=file))
        try:
            header = parse_header(stored)
        except UnknownVersion:
            raise StoreError(t("store.newer", path=file)) from None
        except ValueError:
            raise damaged(file, self.backups, t("data.reason_cut")) from None
        key = (
            self._key
            if header.params == self.params
            else derive_key(self._passphrase, header.params)
        )
        try:
            return open_sealed(stored, key)
        except Unauthentic:
            raise damaged(file, self.backups, t("data.reason_altered")) from None


# ---------------------------------------------------------------- the key-check file


def key_check_path(data_folder: Path) -> Path:
    return data_folder / "keycheck"


def write_key_check(path: Path, passphrase: str, params: KdfParams) -> None:
    from coach.store.atomic import atomic_write

    atomic_write(path, seal(KEY_CHECK_TEXT, derive_key(passphrase, params), params))


def read_key_check(path: Path) -> KdfParams | None:
    """The store's key settings, or None when the store is not encrypted."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    try:
        return parse_header(data).params
    except ValueError:
        raise StoreError(t("data.keycheck_damaged", path=path)) from None


def verify(path: Path, passphrase: str) -> KdfParams:
    """The store's key settings if `passphrase` opens the key-check file; else a CoachError."""
    data = path.read_bytes()
    try:
        plain = decrypt_with(data, passphrase)
    except Unauthentic:
        raise CoachError(t("data.wrong_passphrase")) from None
    except ValueError:
        raise StoreError(t("data.keycheck_damaged", path=path)) from None
    if plain != KEY_CHECK_TEXT:
        raise StoreError(t("data.keycheck_damaged", path=path))
    return parse_header(data).params
