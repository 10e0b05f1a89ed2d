"""No command but `coach model pull` opens a network connection.

Every command registered on the typer app is found by walking it, so a
command added tomorrow is covered without touching this file. Each runs in a
child process (non-TTY stdin, its own COACH_HOME holding some data; all of them in
two processes, one after the other, for speed) under
`netguard_boot.py`, whose audit hook records and refuses any socket other
than a Unix one, any name lookup, any urllib request and any network program.
Settings are the defaults: with `companion.backend = "server"` the companion's
commands talk to the server the user chose, which docs/privacy.md says.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

BOOT = Path(__file__).with_name("netguard_boot.py")
ROOT = Path(__file__).resolve().parents[2]
EXEMPT = {("model", "pull")}  # Downloading a model is the one thing that needs the network.
TIMEOUT = 60


def _commands() -> list[tuple[tuple[str, ...], object]]:
    import typer.main

    from coach.cli.main import build_app

    found: list[tuple[tuple[str, ...], object]] = []

    def walk(command: object, path: tuple[str, ...]) -> None:
        subs = getattr(command, "commands", None)
        if subs:
            for name in sorted(subs):
                walk(subs[name], (*path, name))
        else:
            found.append((path, command))

    walk(typer.main.get_command(build_app()), ())
    return found


def _harmless(param: object) -> list[str]:
    """A value that parses for the parameter's type and points at nothing real."""
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", str)
    value = "1"
    if annotation is float:
        value = "1.0"
    opts = [o for o in getattr(param, "opts", []) if o.startswith("-")]
    return [opts[0], value] if opts else [value]


def _invocations() -> list[list[str]]:
    runs: list[list[str]] = [[]]  # `coach` alone: the TUI, refused without a terminal
    for path, command in _commands():
        if path in EXEMPT:
            continue
        args = list(path)
        for param in command.params:
            if getattr(param, "required", False):
                args += _harmless(param)
        runs.append(args)
        if any("--json" in getattr(p, "opts", []) for p in command.params):
            runs.append([*args, "--json"])
    return runs


@pytest.fixture
def seeded_home(tmp_path: Path) -> Path:
    """A home with a little of everything, so commands take their reading paths."""
    from coach.paths import resolve
    from coach.store import Store

    home = tmp_path / "template"
    paths = resolve({"COACH_HOME": str(home)})
    store = Store(paths)
    store.collection("checkins").insert(
        {"at": "2026-01-05T21:00:00+01:00", "mood": 6, "note": "ok"}
    )
    store.collection("chat", "messages", year=2026).insert({"role": "user", "text": "hello"})
    return home


def _run_batch(runs: list[dict], name: str, log: Path, scratch: Path) -> list[dict]:
    """Run `runs` one after the other in one child process under the guard."""
    scratch = scratch / name
    scratch.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COACH_", "DBUS_", "XDG_")) and key not in {"DISPLAY", "VISUAL"}
    }
    env.update(
        COACH_NET_LOG=str(log),
        COACH_NET_TIMEOUT=str(TIMEOUT),
        COACH_TIME_SCALE="0",  # paced exercises run through at once instead of for minutes
        HOME=str(scratch),
        EDITOR="true",
        NO_COLOR="1",
        LANG="en_US.UTF-8",
        PYTHONPATH=str(ROOT),
    )
    # Reminder commands talk to the scheduler: give them a crontab of this test (a file)
    # and no systemd session, so the real user's entries are never read or changed.
    crontab = scratch / "crontab"
    crontab.write_text(
        '#!/bin/sh\n[ "$1" = -l ] && { cat "$0.txt" 2>/dev/null; exit 0; }\ncat > "$0.txt"\n'
    )
    crontab.chmod(0o755)
    env.update(COACH_CRONTAB=str(crontab), COACH_SYSTEMCTL="true")
    runs_file = scratch / f"{name}.json"
    runs_file.write_text(json.dumps(runs))
    subprocess.run(
        [sys.executable, str(BOOT), "--batch", str(runs_file)],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        env=env,
        timeout=TIMEOUT * len(runs) + 60,
        cwd=scratch,
        check=True,
    )
    return json.loads(Path(f"{runs_file}.out").read_text())


def test_the_guard_sees_a_connection_attempt(tmp_path: Path) -> None:
    log = tmp_path / "net.log"
    code = "\n".join(
        [
            "import socket, urllib.request",
            "try:",
            "    urllib.request.urlopen('http://192.0.2.1/', timeout=1)",
            "except Exception:",
            "    pass",
            "try:",
            "    socket.create_connection(('192.0.2.1', 80), timeout=1)",
            "except Exception:",
            "    pass",
        ]
    )
    env = {**os.environ, "COACH_NET_LOG": str(log)}
    subprocess.run([sys.executable, str(BOOT), "--code", code], env=env, check=True, timeout=60)
    text = log.read_text()
    assert "urllib http://192.0.2.1/" in text
    assert "socket family" in text or "socket.getaddrinfo" in text


def test_no_command_opens_a_network_connection(tmp_path: Path, seeded_home: Path) -> None:
    invocations = _invocations()
    assert len(invocations) > 10 and ["data", "path"] in invocations  # the walk found them
    log = tmp_path / "net.log"
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    runs = []
    for i, args in enumerate(invocations):
        home = tmp_path / f"home-{i}"
        shutil.copytree(seeded_home, home)
        runs.append({"args": args, "home": str(home)})
    halves = [runs[0::2], runs[1::2]]  # two child processes: this machine has two cores
    with ThreadPoolExecutor(max_workers=2) as pool:
        done = pool.map(lambda h: _run_batch(h[1], f"batch{h[0]}", log, scratch), enumerate(halves))
        outcomes = [o for half in done for o in half]
    assert len(outcomes) == len(runs)  # every command ran to an end
    odd = [o for o in outcomes if not isinstance(o["outcome"], int)]
    if odd:
        warnings.warn(f"commands that crashed or ran too long: {odd}", stacklevel=1)
    attempts = log.read_text() if log.exists() else ""
    assert attempts == "", f"network attempted:\n{attempts}"
