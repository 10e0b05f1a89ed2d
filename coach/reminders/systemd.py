"""A systemd user timer and its one-shot service: `coach-reminder-<id>.timer/.service`.

Units live in the user's own folder (`$XDG_CONFIG_HOME/systemd/user`). Only
files with coach's prefix are ever written or removed. `systemctl --user
enable` works without a running user manager (it only links the timer into
`timers.target.wants`), so a reminder added over SSH starts at the next login.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from coach.i18n import t
from coach.reminders.command import carried_env, fire_argv
from coach.reminders.model import Reminder
from coach.reminders.runner import Runner, checked, run
from coach.reminders.schedule import on_calendar

PREFIX = "coach-reminder-"


def user_unit_dir(environ: dict[str, str] | os._Environ) -> Path:
    config = environ.get("XDG_CONFIG_HOME") or os.path.join(
        environ.get("HOME") or os.path.expanduser("~"), ".config"
    )
    return Path(config) / "systemd" / "user"


def _exec_quote(word: str, expands_variables: bool = True) -> str:
    """Quote one word for ExecStart= (or Environment=): systemd's own rules, not the shell's."""
    # `%` starts a specifier everywhere; `$` a variable only in ExecStart=. Doubled, each
    # means itself.
    word = word.replace("%", "%%")
    if expands_variables:
        word = word.replace("$", "$$")
    if word and not any(c in word for c in " \t\"'\\;"):
        return word
    return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'


class SystemdBackend:
    name = "systemd"

    def __init__(
        self,
        environ: dict[str, str] | None = None,
        runner: Runner = run,
        session: bool = False,
    ) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self.runner = runner
        self.session = session  # a running user manager: start and stop timers now
        self.unit_dir = user_unit_dir(self.environ)
        self.systemctl = shlex.split(self.environ.get("COACH_SYSTEMCTL") or "systemctl")

    # What would be written -------------------------------------------------

    def timer_path(self, reminder_id: int) -> Path:
        return self.unit_dir / f"{PREFIX}{reminder_id}.timer"

    def service_path(self, reminder_id: int) -> Path:
        return self.unit_dir / f"{PREFIX}{reminder_id}.service"

    def timer_text(self, reminder: Reminder) -> str:
        return (
            f"# {t('remind.unit_marker', id=reminder.id)}\n"
            "[Unit]\n"
            f"Description={_description(reminder)}\n"
            "\n"
            "[Timer]\n"
            f"OnCalendar={on_calendar(reminder)}\n"
            # Fire at the next start when the machine was off at the time.
            "Persistent=true\n"
            f"Unit={reminder.name}.service\n"
            "\n"
            "[Install]\n"
            "WantedBy=timers.target\n"
        )

    def service_text(self, reminder: Reminder) -> str:
        env = "".join(
            f"Environment={_exec_quote(f'{k}={v}', expands_variables=False)}\n"
            for k, v in carried_env(self.environ).items()
        )
        argv = " ".join(_exec_quote(w) for w in fire_argv(reminder))
        return (
            f"# {t('remind.unit_marker', id=reminder.id)}\n"
            "[Unit]\n"
            f"Description={_description(reminder)}\n"
            "\n"
            "[Service]\n"
            "Type=oneshot\n"
            f"{env}"
            f"ExecStart={argv}\n"
        )

    def files(self, reminder: Reminder) -> list[tuple[Path, str]]:
        return [
            (self.timer_path(reminder.id), self.timer_text(reminder)),
            (self.service_path(reminder.id), self.service_text(reminder)),
        ]

    def install_commands(self, reminder: Reminder) -> list[list[str]]:
        timer = f"{reminder.name}.timer"
        if self.session:
            return [
                [*self.systemctl, "--user", "daemon-reload"],
                [*self.systemctl, "--user", "enable", "--now", timer],
            ]
        return [[*self.systemctl, "--user", "enable", timer]]

    def describe(self, reminder: Reminder) -> dict:
        return {
            "files": [{"path": str(p), "content": c} for p, c in self.files(reminder)],
            "commands": [shlex.join(c) for c in self.install_commands(reminder)],
        }

    # Doing it ---------------------------------------------------------------

    def install(self, reminder: Reminder) -> None:
        self.unit_dir.mkdir(parents=True, exist_ok=True)
        for path, text in self.files(reminder):
            _write(path, text)
        for argv in self.install_commands(reminder):
            checked(self.runner(argv, env=self.environ))

    def remove(self, reminder_id: int) -> bool:
        timer, service = self.timer_path(reminder_id), self.service_path(reminder_id)
        found = timer.exists() or service.exists()
        name = timer.name
        if timer.exists():
            stop = ["--now"] if self.session else []
            self.runner([*self.systemctl, "--user", "disable", *stop, name], env=self.environ)
        for path in (timer, service, self.unit_dir / "timers.target.wants" / name):
            if path.is_symlink() or path.exists():
                path.unlink()
        if found and self.session:
            self.runner([*self.systemctl, "--user", "daemon-reload"], env=self.environ)
        return found

    def installed(self) -> set[int]:
        if not self.unit_dir.is_dir():
            return set()
        ids = set()
        for path in self.unit_dir.glob(f"{PREFIX}*.timer"):
            number = path.stem[len(PREFIX) :]
            if number.isdigit():
                ids.add(int(number))
        return ids

    def is_installed(self, reminder_id: int) -> bool:
        return self.timer_path(reminder_id).exists() and self.service_path(reminder_id).exists()


def _description(reminder: Reminder) -> str:
    return t("remind.unit_description", label=reminder.label(), time=reminder.time)


def _write(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
