"""Schedulers for tests: a real crontab of a temporary user, units under a temporary home.

Nothing here may reach the real user's crontab or ~/.config/systemd: HOME,
XDG_CONFIG_HOME and XDG_RUNTIME_DIR point into the test's folder (no session
bus there, so systemctl works offline on those files), and COACH_CRONTAB names
`crontab -u <temporary user>` when cron is installed and we are root, else a
small file-backed stand-in with crontab's own command line.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

FAKE_CRONTAB = """\
import os, re, sys
path = {path!r}
args = sys.argv[1:]
if args == ["-l"]:
    if not os.path.exists(path):
        sys.stderr.write("no crontab for tester\\n"); sys.exit(1)
    sys.stdout.write(open(path).read()); sys.exit(0)
if args == ["-r"]:
    if os.path.exists(path): os.remove(path)
    sys.exit(0)
if args == ["-"]:
    text = sys.stdin.read()
    for n, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#") or re.match(r"^[A-Za-z_][A-Za-z0-9_]*\\s*=", s):
            continue
        if len(s.split(None, 5)) < 6:
            sys.stderr.write(f'"-":{{n}}: bad minute\\nerrors in crontab file, can\\'t install.\\n')
            sys.exit(1)
    if text and not text.endswith("\\n"):
        sys.stderr.write("premature EOF\\n"); sys.exit(1)
    open(path, "w").write(text); sys.exit(0)
sys.stderr.write("usage: crontab [-l | -r | -]\\n"); sys.exit(1)
"""


@pytest.fixture(scope="session")
def cron_user():
    """A throwaway system user whose crontab the tests may change (real cron only)."""
    if os.geteuid() != 0 or not shutil.which("crontab") or not shutil.which("useradd"):
        yield None
        return
    name = f"coach-t{os.getpid()}"
    made = subprocess.run(
        ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name],
        capture_output=True,
    )
    if made.returncode != 0:
        yield None
        return
    try:
        yield name
    finally:
        subprocess.run(["crontab", "-u", name, "-r"], capture_output=True)
        subprocess.run(["userdel", name], capture_output=True)


class Crontab:
    """The test's crontab, through the very command coach is given."""

    def __init__(self, argv: list[str], real: bool) -> None:
        self.argv, self.real = argv, real

    def lines(self) -> list[str]:
        out = subprocess.run([*self.argv, "-l"], capture_output=True, text=True)
        return out.stdout.splitlines() if out.returncode == 0 else []

    def set(self, lines: list[str]) -> None:
        text = "\n".join(lines) + "\n" if lines else ""
        subprocess.run([*self.argv, "-"], input=text, text=True, check=True)

    def clear(self) -> None:
        subprocess.run([*self.argv, "-r"], capture_output=True)


@pytest.fixture
def crontab(cron_user, tmp_path: Path) -> Crontab:
    if cron_user is not None:
        tab = Crontab(["crontab", "-u", cron_user], real=True)
    else:
        script = tmp_path / "fake-crontab.py"
        script.write_text(FAKE_CRONTAB.format(path=str(tmp_path / "crontab.txt")))
        tab = Crontab([sys.executable, str(script)], real=False)
    tab.clear()
    yield tab
    tab.clear()


@pytest.fixture(autouse=True)
def scheduler_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, crontab: Crontab) -> Path:
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.delenv("COACH_SYSTEMCTL", raising=False)
    monkeypatch.setenv("COACH_CRONTAB", shlex.join(crontab.argv))
    return home


@pytest.fixture
def unit_dir(scheduler_home: Path) -> Path:
    return scheduler_home / ".config" / "systemd" / "user"


@pytest.fixture
def real_crontab():
    """Reads the real user's crontab (read only), to prove the tests left it alone."""

    def read() -> str | None:
        if not shutil.which("crontab"):
            return None
        out = subprocess.run(["crontab", "-l"], capture_output=True, text=True)
        return out.stdout + out.stderr

    return read
