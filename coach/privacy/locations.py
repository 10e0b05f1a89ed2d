"""Every place coach reads or writes, for `coach data path` and the privacy page."""

from __future__ import annotations

from pathlib import Path

from coach import paths as _paths
from coach.privacy.editor import scratch_roots
from coach.store.crypto import key_check_path


def locations(p: _paths.Paths) -> dict[str, Path]:
    """Name -> path, folders first as `Paths.all()` lists them, then the notable files."""
    places = dict(p.all())
    places["config_file"] = p.config_file
    places["logs"] = p.logs
    places["keycheck"] = key_check_path(p.data)
    places["editor"] = scratch_roots(p)[0]
    return places
