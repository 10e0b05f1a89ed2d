"""Every test runs against its own temporary COACH_HOME: no test touches real data."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from coach.i18n import set_language


@pytest.fixture(autouse=True)
def coach_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "coach-home"
    monkeypatch.setenv("COACH_HOME", str(home))
    for var in ("COACH_LANG", "COACH_COUNTRY", "COACH_MODEL", "COACH_PASSPHRASE", "NO_COLOR"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    # Reminders live in the user's own scheduler: no test may reach the real crontab or
    # ~/.config/systemd/user (tests that need a scheduler set up a temporary one).
    monkeypatch.setenv("COACH_CRONTAB", str(tmp_path / "no-crontab-in-tests"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "xdg-runtime"))
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    set_language("en")
    return home


@pytest.fixture
def context(coach_home: Path):
    from coach.context import Context

    return Context.load(lang="en")


@pytest.fixture
def context_fr(coach_home: Path):
    from coach.context import Context

    return Context.load(lang="fr")


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self):
        import json

        return json.loads(self.out)

    def __repr__(self) -> str:
        return f"Result(code={self.code}, out={self.out!r}, err={self.err!r})"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run `coach ARGS` in this process, with optional stdin; returns code, stdout, stderr."""
    import io

    from coach.cli.main import main

    def run(*args: str, input: str | None = None) -> Result:
        capsys.readouterr()
        if input is not None:
            monkeypatch.setattr(sys, "stdin", io.StringIO(input))
        code = main(list(args))
        captured = capsys.readouterr()
        set_language("en")
        return Result(code, captured.out, captured.err)

    return run


@pytest.fixture
def coach_process(coach_home: Path):
    """Run `python -m coach ARGS` in a real child process."""

    def run(*args: str, input: str | None = None, env: dict | None = None, timeout: float = 60):
        full_env = {**os.environ, **(env or {})}
        proc = subprocess.run(
            [sys.executable, "-m", "coach", *args],
            input=input,
            capture_output=True,
            text=True,
            env=full_env,
            timeout=timeout,
        )
        return Result(proc.returncode, proc.stdout, proc.stderr)

    return run


@pytest.fixture(scope="session")
def default_model() -> Path:
    """The default companion model, pulled once with the real pull code into a shared cache.

    The cache lives outside COACH_HOME (`~/.cache/coach-tests/models`, or
    `COACH_TEST_MODELS`) so a fresh machine downloads it once, not per test.
    """
    from coach.companion import catalog, fetch

    folder = Path(
        os.environ.get("COACH_TEST_MODELS") or Path.home() / ".cache" / "coach-tests" / "models"
    )
    entry = catalog.load_catalog().require(catalog.load_catalog().default)
    path = catalog.model_file(folder, entry.id)
    if not path.is_file():
        fetch.pull(entry, folder)
    return path
