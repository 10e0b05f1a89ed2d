"""Showing a due reminder: a desktop notification where one can be shown, else the terminal.

Linux uses `notify-send` (libnotify), macOS `osascript`. A scheduler runs
coach with a bare environment, so on Linux the session bus is found from
XDG_RUNTIME_DIR or `/run/user/<uid>/bus` when the variables are missing.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from coach.i18n import t

# How long a clickable notification may wait for a click before coach lets go.
CLICK_WAIT_SECONDS = 15 * 60


@dataclass(frozen=True)
class Notification:
    title: str
    text: str  # the invitation itself
    command: list[str]  # what opens the right screen

    @property
    def body(self) -> str:
        return f"{self.text}\n{t('remind.open_hint', command=shlex.join(self.command))}"


def _bus_env(environ: dict[str, str]) -> dict[str, str]:
    env = dict(environ)
    if not env.get("DBUS_SESSION_BUS_ADDRESS"):
        runtime = env.get("XDG_RUNTIME_DIR") or f"/run/user/{os.getuid()}"
        if Path(runtime, "bus").exists():
            env["DBUS_SESSION_BUS_ADDRESS"] = f"unix:path={runtime}/bus"
    return env


def channel(environ: dict[str, str], platform: str = sys.platform) -> str:
    """`notify-send`, `osascript` or `terminal`: where this notification can be shown."""
    path = environ.get("PATH")
    if platform == "darwin":
        return "osascript" if shutil.which("osascript", path=path) else "terminal"
    if not shutil.which("notify-send", path=path):
        return "terminal"
    env = _bus_env(environ)
    shown = env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("DBUS_SESSION_BUS_ADDRESS")
    return "notify-send" if shown else "terminal"


def notify_send_argv(note: Notification, clickable: bool) -> list[str]:
    argv = ["notify-send", "--app-name=coach", note.title, note.body]
    if clickable:
        # `--wait` keeps notify-send until the click or the close; it prints the action's name.
        argv[1:1] = [f"--action=default={t('remind.open_label')}", "--wait"]
    return argv


def _applescript(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def osascript_argv(note: Notification) -> list[str]:
    script = f"display notification {_applescript(note.body)} with title {_applescript(note.title)}"
    return ["osascript", "-e", script]


def terminal_text(note: Notification) -> str:
    return f"{note.title}: {note.body}"


def _clickable(environ: dict[str, str]) -> bool:
    """Older libnotify has no actions; ask the tool itself."""
    try:
        result = subprocess.run(
            ["notify-send", "--help"], capture_output=True, text=True, env=environ, timeout=10
        )
    except (OSError, subprocess.TimeoutExpired):
        return False
    return "--action" in result.stdout and _terminal_emulator(environ) is not None


def _terminal_emulator(environ: dict[str, str]) -> list[str] | None:
    for argv in (["x-terminal-emulator", "-e"], ["gnome-terminal", "--"], ["xterm", "-e"]):
        if shutil.which(argv[0], path=environ.get("PATH")):
            return argv
    return None


def deliver(
    note: Notification,
    environ: dict[str, str] | None = None,
    platform: str = sys.platform,
    stream: TextIO | None = None,
) -> str:
    """Show `note`; returns the channel used. A failing desktop falls back to the terminal."""
    env = dict(os.environ if environ is None else environ)
    how = channel(env, platform)
    try:
        if how == "osascript":
            subprocess.run(
                osascript_argv(note), env=env, check=True, capture_output=True, timeout=30
            )
            return how
        if how == "notify-send":
            env = _bus_env(env)
            clickable = _clickable(env)
            try:
                result = subprocess.run(
                    notify_send_argv(note, clickable),
                    env=env,
                    check=True,
                    capture_output=True,
                    text=True,
                    timeout=CLICK_WAIT_SECONDS if clickable else 30,
                )
            except subprocess.TimeoutExpired:
                if clickable:
                    return how  # shown, just never clicked
                raise
            emulator = _terminal_emulator(env)
            if clickable and result.stdout.strip() == "default" and emulator:
                subprocess.Popen([*emulator, *note.command], env=env, start_new_session=True)
            return how
    except (OSError, subprocess.SubprocessError):
        pass  # No desktop after all: the terminal still gets the reminder.
    out = stream or sys.stdout
    out.write(terminal_text(note) + "\n")
    out.flush()
    return "terminal"
