"""The private editor helper: a real editor process (a small script) edits a real file."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from coach.context import Context
from coach.errors import CoachError
from coach.privacy import editor

# An "editor" that records how it was called and what it saw, then appends a line.
SCRIPT = """#!/bin/sh
file="$(eval echo \\${$#})"
dir="$(dirname "$file")"
printf '{"args": "%s", "file": "%s", "dir_mode": "%s", "file_mode": "%s"}' \
  "$*" "$file" "$(stat -c %a "$dir")" "$(stat -c %a "$file")" > "$REPORT"
echo "written in the editor" >> "$file"
echo "swap" > "$dir/.coach.md.swp"
exit ${EXIT_CODE:-0}
"""


def _editor(tmp_path: Path, name: str) -> Path:
    folder = tmp_path / "bin"
    folder.mkdir(exist_ok=True)
    script = folder / name
    script.write_text(SCRIPT)
    script.chmod(0o755)
    return script


def _run(tmp_path: Path, name: str, **extra: str) -> tuple[str | None, dict]:
    report = tmp_path / "report.json"
    env = {**os.environ, "EDITOR": str(_editor(tmp_path, name)), "REPORT": str(report), **extra}
    env.pop("VISUAL", None)
    text = editor.edit_text(Context.load().paths, "first line\n", environ=env)
    return text, json.loads(report.read_text())


def test_edit_returns_the_saved_text_and_leaves_nothing(tmp_path) -> None:
    text, seen = _run(tmp_path, "myeditor")
    assert text == "first line\nwritten in the editor\n"
    assert seen["dir_mode"] == "700" and seen["file_mode"] == "600"
    assert not Path(seen["file"]).exists()
    assert not Path(seen["file"]).parent.exists()  # the side files went with the folder


def test_scratch_folder_is_on_tmpfs_when_there_is_one(tmp_path) -> None:
    _, seen = _run(tmp_path, "myeditor")
    roots = editor.scratch_roots(Context.load().paths)
    assert Path(seen["file"]).parent.parent == roots[0]
    if Path("/dev/shm").is_dir():
        assert seen["file"].startswith("/dev/shm/")
        assert stat.S_IMODE(roots[0].stat().st_mode) == 0o700


@pytest.mark.parametrize("name", ["vim", "nvim", "vi"])
def test_vim_gets_no_swap_viminfo_backup_or_undo(tmp_path, name) -> None:
    _, seen = _run(tmp_path, name)
    assert seen["args"].startswith(
        "-n -i NONE --cmd set nobackup nowritebackup noundofile noswapfile"
    )


def test_a_failed_editor_returns_none_and_still_cleans_up(tmp_path) -> None:
    text, seen = _run(tmp_path, "myeditor", EXIT_CODE="3")
    assert text is None
    assert not Path(seen["file"]).parent.exists()


def test_an_editor_that_cannot_start_is_a_clear_error(tmp_path) -> None:
    env = {**os.environ, "EDITOR": str(tmp_path / "no-such-editor")}
    env.pop("VISUAL", None)
    with pytest.raises(CoachError, match="cannot be started"):
        editor.edit_text(Context.load().paths, "x", environ=env)
    roots = editor.scratch_roots(Context.load().paths)
    assert not any(root.is_dir() and any(root.iterdir()) for root in roots)


def test_a_foreign_shared_folder_is_not_used(tmp_path, monkeypatch) -> None:
    """A folder with the expected name but open to others (planted) is skipped."""
    fake_shm = tmp_path / "shm"
    fake_shm.mkdir()
    planted = fake_shm / f"coach-{os.getuid()}"
    planted.mkdir()
    monkeypatch.setattr(editor, "TMPFS", fake_shm)
    monkeypatch.setattr(editor._paths, "ensure_dir", lambda p: p)  # keep the planted mode
    planted.chmod(0o777)
    state_root = Context.load().paths.state / "editor"
    state_root.mkdir(parents=True, mode=0o700)
    assert editor._private_root(Context.load().paths) == state_root
