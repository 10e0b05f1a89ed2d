"""The API key for a llama.cpp server, when it asks for one.

Read from the environment (`COACH_API_KEY`) or from a file named by
`companion.api_key_file`, which must be the person's own and readable by
nobody else (mode 0600 or stricter): a key that others can read is refused,
not used. The key is never read from the config file: that file is easy to
share by mistake, so a key found there is an error that says where it goes.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path
from typing import Any

from coach.errors import CoachError
from coach.i18n import t

ENV = "COACH_API_KEY"
_MAX_BYTES = 4096  # a key is short; anything bigger is the wrong file


def api_key(config: Any, environ: dict[str, str] | None = None) -> str | None:
    """The key to send, or None when the server needs none."""
    env = os.environ if environ is None else environ
    _refuse_key_in_config(getattr(config, "path", None))
    value = env.get(ENV, "").strip()
    if value:
        return _checked(value, ENV)
    name = str(config.get("companion.api_key_file") or "").strip()
    if not name:
        return None
    return read_key_file(Path(name).expanduser())


def read_key_file(path: Path) -> str:
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        raise CoachError(t("server.key_file_missing", path=path)) from None
    except OSError as exc:
        raise CoachError(t("server.key_file_unreadable", path=path, error=exc.strerror)) from None
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fh.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise CoachError(t("server.key_file_not_file", path=path))
        # Checked on the open file, not the name: no swap between the check and the read.
        if info.st_mode & 0o077:
            mode = oct(stat.S_IMODE(info.st_mode))[2:]
            raise CoachError(t("server.key_file_mode", path=path, mode=mode))
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            raise CoachError(t("server.key_file_owner", path=path))
        data = fh.read(_MAX_BYTES + 1)
    if len(data) > _MAX_BYTES:
        raise CoachError(t("server.key_file_bad", path=path))
    try:
        text = data.decode("utf-8").strip()
    except UnicodeDecodeError:
        raise CoachError(t("server.key_file_bad", path=path)) from None
    if not text:
        raise CoachError(t("server.key_file_empty", path=path))
    return _checked(text, str(path))


def _checked(key: str, where: str) -> str:
    # One line of printable ASCII: anything else would break (or forge) the HTTP header.
    if "\n" in key or any(not (32 < ord(c) < 127) for c in key):
        raise CoachError(t("server.key_bad", where=where))
    return key


def _refuse_key_in_config(path: Path | None) -> None:
    if path is None or not Path(path).is_file():
        return
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        return  # coach.config reports a damaged file itself
    names = {"api_key", "apikey", "key", "token"}
    companion = data.get("companion")
    suspects = [k for k in data if k.lower() in names]
    if isinstance(companion, dict):
        suspects += [k for k in companion if k.lower() in names]
    if suspects:
        raise CoachError(t("server.key_in_config", path=path, env=ENV))
