"""Where the passphrase comes from, and the codec it opens.

In order: `COACH_PASSPHRASE`; `COACH_PASSPHRASE_FILE` (a file only its owner
can read, for scheduled jobs: the passphrase then never sits in a crontab
line); a hidden prompt when a person is at the keyboard (three tries). With
none of them an encrypted store is a one-line error, exit 1: a scheduled job
that must write to an encrypted store is given the passphrase by one of the
two variables (docs/privacy.md weighs the choice).
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Mapping
from pathlib import Path

from coach import paths as _paths
from coach.errors import CoachError
from coach.i18n import t
from coach.store import crypto

ENV = "COACH_PASSPHRASE"
ENV_FILE = "COACH_PASSPHRASE_FILE"
ENV_NEW = "COACH_NEW_PASSPHRASE"
TRIES = 3


def can_prompt() -> bool:
    """getpass reads the terminal itself, so stdout may be a pipe (`coach data export > x`)."""
    return sys.stdin is not None and sys.stdin.isatty()


def from_environment(
    var: str = ENV, file_var: str | None = ENV_FILE, environ: Mapping[str, str] | None = None
) -> str | None:
    env = os.environ if environ is None else environ
    if env.get(var):
        return env[var]
    if file_var and env.get(file_var):
        return read_passphrase_file(Path(env[file_var]).expanduser())
    return None


def read_passphrase_file(path: Path) -> str:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise CoachError(t("data.passphrase_file_bad", path=path))
        # POSIX only: Windows has no such mode bits (its ACLs are the user's to set).
        if hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077):
            raise CoachError(t("data.passphrase_file_open", path=path))
        text = path.read_text(encoding="utf-8").rstrip("\r\n")
    except OSError as exc:
        raise CoachError(
            t("data.passphrase_file_unreadable", path=path, reason=exc.strerror)
        ) from None
    if not text:
        raise CoachError(t("data.passphrase_file_bad", path=path))
    return text


def prompt(key: str) -> str:
    import getpass

    try:
        return getpass.getpass(t(key))
    except EOFError:
        raise CoachError(t("data.no_passphrase")) from None


def ask_new(env_var: str = ENV) -> str:
    """A new passphrase: from `env_var`, or typed twice at a hidden prompt."""
    given = from_environment(env_var, None)
    if given is not None:
        return crypto.check_new_passphrase(given)
    if not can_prompt():
        raise CoachError(t("data.no_new_passphrase", var=env_var))
    first = crypto.check_new_passphrase(prompt("data.prompt_new"))
    if prompt("data.prompt_repeat") != first:
        raise CoachError(t("data.mismatch"))
    return first


def ask_current(check: Path, prompt_allowed: bool = True) -> str:
    """The store's passphrase, verified against the key-check file before it is returned."""
    given = from_environment()
    if given is not None:
        crypto.verify(check, given)
        return given
    if not (prompt_allowed and can_prompt()):
        raise CoachError(t("data.locked", var=ENV, file_var=ENV_FILE))
    for attempt in range(TRIES):
        typed = prompt("data.prompt_current")
        try:
            crypto.verify(check, typed)
            return typed
        except CoachError:
            if attempt == TRIES - 1:
                raise
            print(t("data.try_again"), file=sys.stderr)
    raise CoachError(t("data.wrong_passphrase"))  # pragma: no cover - the loop returns or raises


def codec_for(
    p: _paths.Paths, passphrase: str | None = None, prompt: bool = True
) -> crypto.EncryptedCodec | None:
    """The codec the store needs: None when it is plain, else the encrypting one (unlocked)."""
    from coach.privacy.encryption import interrupted_error, pending, settle

    settle(p)
    interrupted = pending(p)
    if interrupted:
        raise interrupted_error(interrupted)
    check = crypto.key_check_path(p.data)
    if crypto.read_key_check(check) is None:
        return None
    if passphrase is None:
        passphrase = ask_current(check, prompt)
    params = crypto.verify(check, passphrase)
    return crypto.EncryptedCodec(passphrase, params, p.backups)


def is_encrypted(p: _paths.Paths) -> bool:
    return crypto.key_check_path(p.data).exists()
