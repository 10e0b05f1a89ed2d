"""`coach data wipe`: erase every file coach wrote.

What goes: the store and its backups (conversations included: they are store
files), the key-check and encryption marker, the state folder (logs, editor
scratch files), the cache, the settings file, and coach's own reminder
entries in the user's scheduler (`coach-reminder-*` systemd units, crontab
lines tagged `# coach-reminder:`; the user's other entries are untouched).
What stays unless asked:
the language models (`--models`: they are large, hold nothing personal, and
take long to download again). What always stays: the user's own exercise
files in the config folder, which coach never writes.

Each file is overwritten with zeros and synced before it is unlinked. That is
a best effort: on SSDs and copy-on-write file systems the old blocks may
survive, which is why encryption at rest is the real protection
(docs/privacy.md says so).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from dataclasses import dataclass, field
from pathlib import Path

from coach import paths as _paths

_CHUNK = 1 << 20


@dataclass
class WipePlan:
    """What a wipe removes: folders whole, and single files."""

    folders: list[Path] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)

    def targets(self) -> list[Path]:
        return [*self.folders, *self.files]

    def existing(self) -> list[Path]:
        return [p for p in self.targets() if p.exists() or p.is_symlink()]


def plan(p: _paths.Paths, models: bool = False) -> WipePlan:
    result = WipePlan()
    result.kept.append(p.exercises)
    data_children = []
    if p.data.is_dir():
        data_children = sorted(p.data.iterdir())
    for child in data_children:
        if child == p.models and not models:
            result.kept.append(child)
            continue
        (result.folders if child.is_dir() and not child.is_symlink() else result.files).append(
            child
        )
    if models and p.models not in data_children:
        result.folders.append(p.models)  # COACH_MODELS moved them out of the data folder.
    elif not models and p.models not in data_children:
        result.kept.append(p.models)
    result.folders += [p.state, p.cache]
    result.files.append(p.config_file)
    from coach.privacy.editor import scratch_roots

    result.folders += scratch_roots(p)
    return result


@dataclass
class Wiped:
    paths: list[Path]
    reminders: list[str]


def remove_reminders(environ: dict[str, str] | None = None) -> list[str]:
    """Take coach's own entries out of systemd and cron (`systemd:3`, `cron:1`), nothing else.

    Done first: a reminder left behind would fire `coach` against an erased home."""
    from coach.errors import CoachError
    from coach.reminders import detect

    removed: list[str] = []
    for backend in detect.backends_present(environ):
        try:
            for reminder_id in sorted(backend.installed()):
                if backend.remove(reminder_id):
                    removed.append(f"{backend.name}:{reminder_id}")
        except CoachError:
            continue  # A scheduler that does not answer holds nothing we can remove.
    return removed


def wipe(p: _paths.Paths, models: bool = False, environ: dict[str, str] | None = None) -> Wiped:
    """Erase what `plan` lists, and coach's reminder entries; report what is gone."""
    target = plan(p, models)
    reminders = remove_reminders(environ)
    gone = target.existing()
    for folder in target.folders:
        remove_tree(folder)
    for file in target.files:
        if file.is_dir() and not file.is_symlink():
            remove_tree(file)
        else:
            shred(file)
    for folder in (p.data, p.config, p.state, p.cache):
        _remove_if_empty(folder)
    if os.environ.get("COACH_HOME"):
        _remove_if_empty(Path(os.environ["COACH_HOME"]).expanduser())
    return Wiped(gone, reminders)


def shred(path: Path) -> None:
    """Overwrite a regular file with zeros, sync, unlink. Links are unlinked, never followed."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return
    if stat.S_ISREG(info.st_mode) and info.st_size:
        with contextlib.suppress(OSError):
            fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
            try:
                left = info.st_size
                zeros = bytes(min(left, _CHUNK))
                while left > 0:
                    left -= os.write(fd, zeros[: min(left, _CHUNK)])
                os.fsync(fd)
            finally:
                os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


def remove_tree(folder: Path) -> None:
    if folder.is_symlink():
        folder.unlink()
        return
    if not folder.is_dir():
        return
    for root, dirs, files in os.walk(folder, topdown=False):
        for name in files:
            shred(Path(root) / name)
        for name in dirs:
            sub = Path(root) / name
            if sub.is_symlink():
                sub.unlink()
    shutil.rmtree(folder, ignore_errors=True)


def _remove_if_empty(folder: Path) -> None:
    with contextlib.suppress(OSError):
        folder.rmdir()
