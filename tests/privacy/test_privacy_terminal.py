"""The prompts, as a person meets them: `coach` in a real pseudo-terminal.

getpass reads the controlling terminal, not stdin, so these run coach under
`pty.fork()` (the child's controlling terminal is the pty) and type into it.
"""

from __future__ import annotations

import os
import select
import sys
import time
from pathlib import Path

import pytest

from coach.context import Context
from coach.store import Store

PASS = "correct horse battery staple"
NOTE = "a note only I should read"

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pty")


class Terminal:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        import pty

        pid, fd = pty.fork()
        if pid == 0:  # the child: become coach
            try:
                os.execve(sys.executable, [sys.executable, "-m", "coach", *args], env)
            finally:
                os._exit(127)
        self.pid, self.fd, self.seen, self.pos = pid, fd, "", 0

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if not ready:
            return True
        try:
            chunk = os.read(self.fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            return False
        if not chunk:
            return False
        self.seen += chunk.decode("utf-8", "replace")
        return True

    def expect(self, text: str, timeout: float = 60) -> None:
        """Wait for `text` after what earlier calls matched (a prompt shown twice counts twice)."""
        end = time.monotonic() + timeout
        while (found := self.seen.find(text, self.pos)) < 0:
            if time.monotonic() > end or not self._read(0.2):
                self.close()
                raise AssertionError(f"{text!r} never came; the terminal showed:\n{self.seen}")
        self.pos = found + len(text)

    def close(self) -> None:
        """Never leave a child behind, even when a test fails."""
        if os.waitpid(self.pid, os.WNOHANG) == (0, 0):
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)

    def type(self, line: str) -> None:
        os.write(self.fd, line.encode() + b"\r")

    def wait(self, timeout: float = 60) -> int:
        end = time.monotonic() + timeout
        while time.monotonic() < end and self._read(0.2):
            pass
        pid, status = os.waitpid(self.pid, os.WNOHANG)
        while pid == 0 and time.monotonic() < end:  # the terminal closes just before the exit
            time.sleep(0.05)
            pid, status = os.waitpid(self.pid, os.WNOHANG)
        if pid == 0:
            self.close()
            raise AssertionError(f"coach did not finish; the terminal showed:\n{self.seen}")
        os.close(self.fd)
        return os.waitstatus_to_exitcode(status)


@pytest.fixture
def env(coach_home: Path, tmp_path: Path) -> dict[str, str]:
    tool = tmp_path / "crontab"
    tool.write_text(
        '#!/bin/sh\n[ "$1" = -l ] && { cat "$0.txt" 2>/dev/null; exit 0; }\ncat > "$0.txt"\n'
    )
    tool.chmod(0o755)
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COACH_", "XDG_", "DBUS_"))}
    return {
        **clean,
        "COACH_HOME": str(coach_home),
        "COACH_CRONTAB": str(tool),
        "COACH_SYSTEMCTL": "true",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
        "LANG": "en_US.UTF-8",
        "NO_COLOR": "1",
        "TERM": "dumb",
    }


def _seed() -> None:
    Store(Context.load().paths).collection("checkins").insert({"mood": 5, "note": NOTE})


def _encrypt(env: dict[str, str]) -> None:
    term = Terminal(["data", "encrypt"], env)
    term.expect("New passphrase:")
    term.type(PASS)
    term.expect("Type it again:")
    term.type(PASS)
    assert term.wait() == 0, term.seen


def test_encrypt_asks_twice_and_never_echoes(env) -> None:
    _seed()
    term = Terminal(["data", "encrypt"], env)
    term.expect("there is no recovery")
    term.expect("New passphrase:")
    term.type(PASS)
    term.expect("Type it again:")
    term.type(PASS)
    assert term.wait() == 0, term.seen
    assert "Encrypted: 1 files" in term.seen
    assert PASS not in term.seen
    assert (Path(env["COACH_HOME"]) / "data" / "keycheck").exists()


def test_two_different_passphrases_change_nothing(env) -> None:
    _seed()
    term = Terminal(["data", "encrypt"], env)
    term.expect("New passphrase:")
    term.type(PASS)
    term.expect("Type it again:")
    term.type(PASS + " but different")
    assert term.wait() == 1
    assert "The two passphrases differ. Nothing was changed." in term.seen
    assert not (Path(env["COACH_HOME"]) / "data" / "keycheck").exists()


def test_a_typo_gets_another_try(env) -> None:
    _seed()
    _encrypt(env)
    term = Terminal(["data", "export", "--format", "md"], env)
    term.expect("Passphrase:")
    term.type("correct horse battery stapel")
    term.expect("That is not the passphrase. Try again.")
    term.expect("Passphrase:")
    term.type(PASS)
    assert term.wait() == 0, term.seen
    assert NOTE in term.seen


def test_three_wrong_passphrases_stop_with_one_line(env) -> None:
    _seed()
    _encrypt(env)
    term = Terminal(["data", "export"], env)
    for _ in range(3):
        term.expect("Passphrase:")
        term.type("not it at all, sorry")
    assert term.wait() == 1
    assert "coach: Wrong passphrase. Nothing was changed." in term.seen
    assert NOTE not in term.seen


def test_wipe_asks_for_the_word(env) -> None:
    _seed()
    term = Terminal(["data", "wipe"], env)
    term.expect("This erases, for good:")
    term.expect("Type erase to confirm:")
    term.type("erase")
    assert term.wait() == 0, term.seen
    assert not (Path(env["COACH_HOME"]) / "data" / "store").exists()


def test_sos_on_an_encrypted_store_shows_the_lines_without_asking(env) -> None:
    """Someone in crisis is never stopped by a passphrase prompt."""
    _seed()
    _encrypt(env)
    term = Terminal(["sos", "--country", "FR"], env)
    assert term.wait() == 0, term.seen
    assert "Passphrase" not in term.seen
    assert "112" in term.seen or "3114" in term.seen
