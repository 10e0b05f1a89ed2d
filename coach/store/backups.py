"""Daily rotating backups: the first write of a day copies the file as it was."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from coach.store.atomic import atomic_write

KEEP = 7


def backup_name(source: Path, day: date) -> str:
    return f"{source.stem}.{day.isoformat()}{source.suffix}"


def backups_of(source: Path, folder: Path) -> list[Path]:
    """Backups of `source`, newest first."""
    if not folder.is_dir():
        return []
    found = [
        p
        for p in folder.glob(f"{source.stem}.*{source.suffix}")
        if p.name[len(source.stem) + 1 : -len(source.suffix)].count("-") == 2
    ]
    return sorted(found, key=lambda p: p.name, reverse=True)


def newest_backup(source: Path, folder: Path) -> Path | None:
    found = backups_of(source, folder)
    return found[0] if found else None


def daily_backup(source: Path, folder: Path, today: date | None = None, keep: int = KEEP) -> None:
    """Copy `source` once a day before it is first changed; keep the `keep` newest."""
    if not source.exists():
        return
    day = today or date.today()
    target = folder / backup_name(source, day)
    if target.exists():
        return
    atomic_write(target, source.read_bytes())
    for old in backups_of(source, folder)[keep:]:
        old.unlink(missing_ok=True)
