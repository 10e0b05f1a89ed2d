"""Terminals and scripts: NO_COLOR, no prompts without a terminal, exit codes, completion."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import contract_shapes as cs
import pytest

COMMANDS = cs.app_commands()


def run_in_pty(args: list[str], env: dict[str, str], timeout: float = 60) -> str:
    """Run `coach ARGS` with a real terminal on stdin, stdout and stderr; return what it drew."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: exec at once, nothing else
        os.execve(sys.executable, [sys.executable, "-m", "coach", *args], env)
    chunks = []
    while True:
        try:
            data = os.read(fd, 4096)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    os.waitpid(pid, 0)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["remind", "--help"],
        ["remind", "list"],
        ["nudge"],
        ["config", "get"],
        ["exercises", "list"],
        ["track", "list"],
        ["history"],
        ["remind", "rm", "99"],  # an error message too
    ],
    ids=lambda a: " ".join(a),
)
def test_no_color_is_honoured_in_a_terminal(args: list[str], tmp_path: Path) -> None:
    if args[0] != "--help" and not any(p.split()[0] == args[0] for p in COMMANDS):
        pytest.skip(f"no `coach {args[0]}` yet")
    env = {
        **os.environ,
        "COACH_HOME": str(tmp_path / "home"),
        "NO_COLOR": "1",
        "TERM": "xterm-256color",
        "COLORTERM": "truecolor",
        "FORCE_COLOR": "",
        "COLUMNS": "100",
    }
    env.pop("FORCE_COLOR")
    if args == ["nudge"]:  # a nudge keeps quiet at night: make the hour not matter
        quiet_off = ["config", "set", "quiet_hours.end", "22:00"]
        subprocess.run([sys.executable, "-m", "coach", *quiet_off], env=env, check=True)
    drawn = run_in_pty(args, env)
    assert drawn.strip(), "the command drew nothing"
    assert "\x1b[" not in drawn, drawn[:400]


def test_colour_in_a_terminal_goes_with_no_color(tmp_path: Path) -> None:
    """`coach remind list` colours a terminal; NO_COLOR (any value) takes every code away."""
    env = {
        **os.environ,
        "COACH_HOME": str(tmp_path / "home"),
        "TERM": "xterm-256color",
        "COLUMNS": "100",
    }
    env.pop("NO_COLOR", None)
    added = subprocess.run(
        [sys.executable, "-m", "coach", "remind", "add", "21:00", "checkin", "--via", "systemd"],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert added.returncode == 0, added.stderr
    coloured = run_in_pty(["remind", "list"], env)
    assert "\x1b[" in coloured and "21:00" in coloured
    plain = run_in_pty(["remind", "list"], {**env, "NO_COLOR": "1"})
    assert "21:00" in plain and "\x1b[" not in plain
    piped = subprocess.run(
        [sys.executable, "-m", "coach", "remind", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert "21:00" in piped.stdout and "\x1b[" not in piped.stdout


INTERACTIVE_BY_DEFAULT = [
    [],  # `coach` alone opens the app
    ["checkin"],
    ["journal"],
    ["screen", "phq9"],
    ["data", "wipe"],
    ["remind", "open", "1"],
    ["plan", "edit"],
    ["data", "encrypt"],  # asks for a passphrase at the keyboard only
]


@pytest.mark.parametrize("args", INTERACTIVE_BY_DEFAULT, ids=lambda a: " ".join(a) or "coach")
def test_without_a_terminal_nothing_prompts(args: list[str], tmp_path: Path, cli) -> None:
    """A missing value is an error (exit 1, one line), never a question nobody can answer."""
    if args and not any(p == " ".join(args[:2]) or p == args[0] for p in COMMANDS):
        pytest.skip(f"no `coach {args[0]}` yet")
    if args[:2] == ["remind", "open"]:
        assert cli("remind", "add", "21:00", "checkin", "--via", "systemd").code == 0
    done = subprocess.run(
        [sys.executable, "-m", "coach", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env={**os.environ},
        timeout=60,
    )
    assert done.returncode == 1, (done.returncode, done.stdout[-300:], done.stderr[-300:])
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert lines and lines[-1].startswith("coach: "), done.stderr
    assert "Traceback" not in done.stderr and "Aborted" not in done.stderr


@pytest.mark.parametrize("path", sorted(COMMANDS), ids=str)
def test_an_unknown_option_is_a_usage_error(path: str, cli) -> None:
    r = cli(*path.split(), "--no-such-option-anywhere")
    assert r.code == 2, r
    assert "--no-such-option-anywhere" in r.err and "Traceback" not in r.err


def test_usage_errors_exit_2(cli) -> None:
    assert cli("no-such-command").code == 2
    assert cli("remind", "add").code == 2  # missing arguments
    assert cli("remind", "add", "21:00", "checkin", "--days").code == 2  # option without value
    assert cli("remind", "rm", "one").code == 2  # not an integer
    if "urge" in COMMANDS:
        assert cli("urge", "--minutes", "7").code == 2


def test_user_errors_exit_1_with_one_line(cli) -> None:
    for args in (
        ["remind", "rm", "99"],
        ["remind", "add", "25:00", "checkin"],
        ["remind", "add", "21:00", "dance"],
        ["config", "set", "theme", "purple"],
    ):
        r = cli(*args)
        assert r.code == 1, (args, r)
        assert r.out == ""
        assert r.err.startswith("coach: ") and r.err.count("\n") == 1, r.err
    if "checkin" in COMMANDS:
        r = cli("checkin", "--mood", "12")
        assert r.code == 1 and r.err.startswith("coach: ")


def test_completion_is_offered(cli) -> None:
    r = cli("--help")
    assert "--install-completion" in r.out and "--show-completion" in r.out


def test_completion_script_and_real_completions(tmp_path: Path) -> None:
    # Typer otherwise guesses the shell from the parent processes, and a test run
    # started outside any shell (a detached job) has none: name it instead.
    env = {
        **os.environ,
        "SHELL": "/bin/bash",
        "COACH_HOME": str(tmp_path),
        "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1",
    }
    script = subprocess.run(
        [sys.executable, "-m", "coach", "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert script.returncode == 0
    assert "_COACH_COMPLETE=complete_bash" in script.stdout
    assert "complete " in script.stdout

    def complete(words: str, cword: int) -> list[str]:
        done = subprocess.run(
            [sys.executable, "-m", "coach"],
            capture_output=True,
            text=True,
            env={
                **env,
                "_COACH_COMPLETE": "complete_bash",
                "COMP_WORDS": words,
                "COMP_CWORD": str(cword),
            },
            timeout=60,
        )
        return done.stdout.split()

    assert complete("coach rem", 1) == ["remind"]
    assert set(complete("coach remind ", 2)) >= {"add", "list", "rm"}
    assert complete("coach remind add 21:00 ", 4) == [
        "checkin",
        "breathe",
        "pledge",
        "review",
        "nudge",
    ]
    assert complete("coach remind add 21:00 checkin --via ", 6) == ["systemd", "cron"]
