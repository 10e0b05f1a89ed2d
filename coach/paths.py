"""Where coach keeps things.

`COACH_HOME` moves everything under one folder (tests, portable installs);
otherwise platformdirs gives the usual per-user locations. Folders are 0700,
files 0600: this is health data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP = "coach"
DIR_MODE = 0o700
FILE_MODE = 0o600


@dataclass(frozen=True)
class Paths:
    config: Path
    data: Path
    state: Path
    cache: Path

    @property
    def config_file(self) -> Path:
        return self.config / "config.toml"

    @property
    def store(self) -> Path:
        return self.data / "store"

    @property
    def backups(self) -> Path:
        return self.data / "backups"

    @property
    def exercises(self) -> Path:
        """The user's own exercise files, which add to or override the shipped ones."""
        return self.config / "exercises"

    @property
    def models(self) -> Path:
        override = os.environ.get("COACH_MODELS")
        return Path(override).expanduser() if override else self.data / "models"

    @property
    def logs(self) -> Path:
        return self.state / "logs"

    def all(self) -> dict[str, Path]:
        return {
            "config": self.config,
            "data": self.data,
            "store": self.store,
            "backups": self.backups,
            "exercises": self.exercises,
            "models": self.models,
            "state": self.state,
            "cache": self.cache,
        }


def resolve(environ: dict[str, str] | None = None) -> Paths:
    env = os.environ if environ is None else environ
    home = env.get("COACH_HOME")
    if home:
        root = Path(home).expanduser()
        return Paths(root / "config", root / "data", root / "state", root / "cache")
    import platformdirs

    return Paths(
        Path(platformdirs.user_config_dir(APP)),
        Path(platformdirs.user_data_dir(APP)),
        Path(platformdirs.user_state_dir(APP)),
        Path(platformdirs.user_cache_dir(APP)),
    )


def ensure_dir(path: Path) -> Path:
    """Create `path` (and parents we own) with mode 0700."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    try:
        if path.stat().st_mode & 0o777 != DIR_MODE:
            path.chmod(DIR_MODE)
    except OSError:
        pass
    return path


def private_open(path: Path, flags: int = os.O_WRONLY | os.O_CREAT | os.O_TRUNC) -> int:
    """Open a file descriptor that is created 0600 from the first byte."""
    return os.open(path, flags, FILE_MODE)
