"""The encrypted file format and the key derivation, below the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.context import Context
from coach.errors import CoachError, StoreError
from coach.store import Store, crypto
from coach.store.codec import ENCRYPTED_MAGIC, PlainCodec

PASS = "correct horse battery staple"


def _params(log2_n: int = 14) -> crypto.KdfParams:
    return crypto.KdfParams(b"s" * crypto.SALT_BYTES, log2_n, 8, 1)


def test_header_layout_is_the_documented_one() -> None:
    params = _params()
    blob = crypto.seal(b'{"a":1}', crypto.derive_key(PASS, params), params)
    assert blob[:8] == ENCRYPTED_MAGIC == b"COACHENC"
    assert blob[8] == crypto.FORMAT_VERSION == 1
    assert (blob[9], blob[10], blob[11]) == (14, 8, 1)
    assert blob[12:28] == params.salt
    assert len(blob) == crypto.HEADER_BYTES + len(b'{"a":1}') + crypto.TAG_BYTES
    assert crypto.decrypt_with(blob, PASS) == b'{"a":1}'


def test_every_write_uses_a_fresh_nonce() -> None:
    codec = crypto.EncryptedCodec(PASS, _params())
    first, second = codec.encode(b"same"), codec.encode(b"same")
    assert first != second and first[28:40] != second[28:40]
    assert codec.decode(first) == codec.decode(second) == b"same"


@pytest.mark.parametrize("where", [9, 12, 30, 45])
def test_any_changed_byte_fails_authentication(where: int, tmp_path: Path) -> None:
    codec = crypto.EncryptedCodec(PASS, _params(), backups=tmp_path)
    blob = bytearray(codec.encode(b'{"note":"hello"}'))
    blob[where] ^= 0x01
    with pytest.raises(StoreError):
        codec.decode(bytes(blob), tmp_path / "x.json")


def test_unknown_format_version_asks_for_a_newer_coach(tmp_path: Path) -> None:
    codec = crypto.EncryptedCodec(PASS, _params())
    blob = bytearray(codec.encode(b"{}"))
    blob[8] = 2
    with pytest.raises(StoreError, match="newer version of coach"):
        codec.decode(bytes(blob), tmp_path / "x.json")


def test_plain_codec_refuses_encrypted_bytes() -> None:
    blob = crypto.EncryptedCodec(PASS, _params()).encode(b"{}")
    with pytest.raises(StoreError, match="is encrypted"):
        PlainCodec().decode(blob, "x.json")


def test_key_is_derived_once_per_process_not_per_write(monkeypatch, coach_home) -> None:
    from cryptography.hazmat.primitives.kdf import scrypt

    calls = []
    real = scrypt.Scrypt

    def counting(*args, **kwargs):  # the real scrypt, counted
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(scrypt, "Scrypt", counting)
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)
    from coach.privacy import encryption

    paths = Context.load().paths
    Store(paths).collection("checkins").insert({"mood": 1})
    encryption.encrypt(paths, PASS)
    assert len(calls) == 1
    context = Context.load(lang="en")
    context.unlock(PASS)
    for mood in range(30):
        context.store.collection("checkins").insert({"mood": mood})
    assert len(context.store.collection("checkins").all()) == 31
    assert len(calls) == 1


def test_default_cost_is_scrypt_2_17_and_recorded_in_the_key_check(coach_home) -> None:
    """The real cost, derived for real once: OWASP's minimum for scrypt."""
    assert (crypto.SCRYPT_LOG2_N, crypto.SCRYPT_R, crypto.SCRYPT_P) == (17, 8, 1)
    from coach.privacy import encryption

    paths = Context.load().paths
    Store(paths).collection("checkins").insert({"mood": 3, "note": "n"})
    encryption.encrypt(paths, PASS)
    params = crypto.read_key_check(crypto.key_check_path(paths.data))
    assert (params.log2_n, params.r, params.p) == (17, 8, 1)
    assert len(params.salt) == 16
    blob = (paths.store / "checkins.json").read_bytes()
    assert crypto.parse_header(blob).params == params
    assert json.loads(crypto.decrypt_with(blob, PASS))["records"]["1"]["mood"] == 3


def test_verify_tells_a_wrong_passphrase(coach_home, monkeypatch) -> None:
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)
    check = coach_home / "keycheck"
    crypto.write_key_check(check, PASS, crypto.KdfParams.fresh())
    assert crypto.verify(check, PASS).log2_n == 14
    with pytest.raises(CoachError, match="Wrong passphrase"):
        crypto.verify(check, PASS + "!")


def test_passphrase_is_unicode_normalised(coach_home, monkeypatch) -> None:
    """'é' typed as one code point or as e + combining accent is the same passphrase."""
    monkeypatch.setattr(crypto, "SCRYPT_LOG2_N", 14)
    check = coach_home / "keycheck"
    crypto.write_key_check(check, "caf\u00e9 au lait du matin", crypto.KdfParams.fresh())
    crypto.verify(check, "cafe\u0301 au lait du matin")
