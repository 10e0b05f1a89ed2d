"""Editing private text in the user's $EDITOR without leaving it on disk.

An editor needs a real file. This one lives in a private folder (0700, the
file 0600): on tmpfs (`/dev/shm`, memory, not disk) when the system has it,
else under coach's state folder. Vim and Neovim are started with no swap
file, no viminfo/shada, no backup and no undo file (those land outside the
folder and would outlive it); other editors' side files (emacs `#x#` and
`x~`, nano's `x.save`) land inside the folder, which is overwritten and
removed with everything in it when editing ends, even on error or Ctrl-C.

    from coach.privacy.editor import edit_text
    text = edit_text(context.paths, initial="", suffix=".md")  # None if the editor failed
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from coach import paths as _paths
from coach.errors import CoachError
from coach.i18n import t

TMPFS = Path("/dev/shm")
_VIM_LIKE = {"vi", "vim", "nvim", "gvim", "mvim", "vimx", "view", "rvim", "evim"}
# Options that keep vim from writing the text anywhere but the file we gave it.
_VIM_ARGS = ["-n", "-i", "NONE", "--cmd", "set nobackup nowritebackup noundofile noswapfile"]
_GUI_FOREGROUND = {"gvim": "-f", "mvim": "-f"}


def scratch_roots(p: _paths.Paths) -> list[Path]:
    """Where scratch folders may be: one on tmpfs for this user, one under the state folder."""
    roots = [p.state / "editor"]
    if TMPFS.is_dir():
        roots.insert(0, TMPFS / f"coach-{os.getuid()}")
    return roots


def _private_root(p: _paths.Paths) -> Path:
    for root in scratch_roots(p):
        try:
            _paths.ensure_dir(root)
        except OSError:
            continue
        info = root.lstat()
        # Someone else's folder, or a link planted in a shared /dev/shm: do not use it.
        foreign = hasattr(os, "getuid") and (info.st_uid != os.getuid() or info.st_mode & 0o077)
        if root.is_symlink() or foreign:
            continue
        return root
    raise CoachError(t("data.editor_no_folder"))


def editor_command(environ: dict[str, str] | None = None) -> list[str]:
    env = os.environ if environ is None else environ
    raw = env.get("VISUAL") or env.get("EDITOR")
    if raw:
        return shlex.split(raw)
    for candidate in ("nano", "vim", "vi"):
        if shutil.which(candidate):
            return [candidate]
    raise CoachError(t("data.editor_missing"))


def hardened(command: list[str]) -> list[str]:
    """`command` plus the options that keep its editor from copying the text elsewhere."""
    name = Path(command[0]).name
    extra: list[str] = []
    if name in _VIM_LIKE:
        extra = list(_VIM_ARGS)
        if name in _GUI_FOREGROUND:
            extra.insert(0, _GUI_FOREGROUND[name])
    elif name == "emacs":
        extra = ["--eval", "(setq make-backup-files nil auto-save-default nil)"]
    return [command[0], *extra, *command[1:]]


@contextlib.contextmanager
def scratch_file(p: _paths.Paths, initial: str = "", suffix: str = ".md") -> Iterator[Path]:
    """A 0600 file holding `initial` in a fresh 0700 folder, erased with the folder on exit."""
    from coach.privacy.erase import remove_tree

    folder = Path(tempfile.mkdtemp(prefix="edit-", dir=_private_root(p)))
    try:
        os.chmod(folder, _paths.DIR_MODE)
        file = folder / f"coach{suffix}"
        fd = _paths.private_open(file)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(initial)
        yield file
    finally:
        remove_tree(folder)


def edit_text(
    p: _paths.Paths, initial: str = "", suffix: str = ".md", environ: dict[str, str] | None = None
) -> str | None:
    """Open the user's editor on `initial`; the text saved, or None if the editor failed."""
    command = hardened(editor_command(environ))
    env = dict(os.environ if environ is None else environ)
    with scratch_file(p, initial, suffix) as file:
        try:
            result = subprocess.run([*command, str(file)], env=env, check=False)
        except FileNotFoundError:
            raise CoachError(t("data.editor_not_found", editor=command[0])) from None
        if result.returncode != 0:
            return None
        return file.read_text(encoding="utf-8")
