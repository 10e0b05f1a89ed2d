"""Every contract test runs with schedulers kept inside its own temporary folder."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest

FAKE_CRONTAB = """\
import os, sys
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "crontab.txt")
if sys.argv[1:] == ["-l"]:
    if not os.path.exists(path):
        sys.stderr.write("no crontab for tester\\n"); sys.exit(1)
    sys.stdout.write(open(path).read()); sys.exit(0)
if sys.argv[1:] == ["-"]:
    open(path, "w").write(sys.stdin.read()); sys.exit(0)
sys.exit(1)
"""


@pytest.fixture(autouse=True)
def safe_schedulers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Examples add reminders: keep them in the test's home and a stand-in crontab."""
    home = tmp_path / "home"
    home.mkdir()
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    fake = tmp_path / "fake-crontab.py"
    fake.write_text(FAKE_CRONTAB)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    monkeypatch.setenv("COACH_CRONTAB", shlex.join([sys.executable, str(fake)]))
    monkeypatch.chdir(tmp_path)
