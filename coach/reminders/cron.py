"""A crontab line per reminder, tagged `# coach-reminder:<id>` at its end.

The user's crontab is read whole, coach's own line for that id replaced or
removed, and every other line written back exactly as it was. The `crontab`
command can be swapped with `COACH_CRONTAB` (e.g. `crontab -u someone`): tests
use a temporary user so the real user's crontab is never touched.
"""

from __future__ import annotations

import os
import re
import shlex

from coach.reminders.command import carried_env, fire_argv
from coach.reminders.model import Reminder
from coach.reminders.runner import Runner, checked, run
from coach.reminders.schedule import cron_schedule

_MARKER = re.compile(r"\s#\s*coach-reminder:(\d+)\s*$")


def marker(reminder_id: int) -> str:
    return f"# coach-reminder:{reminder_id}"


def owner_of(line: str) -> int | None:
    """The reminder id a crontab line belongs to, or None for the user's own lines."""
    if line.lstrip().startswith("#"):
        return None
    found = _MARKER.search(line)
    return int(found.group(1)) if found else None


def _cron_word(word: str) -> str:
    # cron turns an unescaped `%` into a newline; the rest is for /bin/sh.
    return shlex.quote(word).replace("%", "\\%")


class CronBackend:
    name = "cron"

    def __init__(self, environ: dict[str, str] | None = None, runner: Runner = run) -> None:
        self.environ = dict(os.environ if environ is None else environ)
        self.runner = runner
        self.crontab = shlex.split(self.environ.get("COACH_CRONTAB") or "crontab")

    def line(self, reminder: Reminder) -> str:
        env = [f"{k}={_cron_word(v)}" for k, v in carried_env(self.environ).items()]
        argv = [_cron_word(w) for w in fire_argv(reminder)]
        # The marker is a shell comment: /bin/sh ignores it, coach finds its own lines by it.
        return " ".join([cron_schedule(reminder), *env, *argv, marker(reminder.id)])

    def describe(self, reminder: Reminder) -> dict:
        return {"crontab_line": self.line(reminder), "crontab": shlex.join(self.crontab)}

    def read(self) -> list[str]:
        result = self.runner([*self.crontab, "-l"], env=self.environ)
        if result.returncode != 0:
            said = (result.stderr or "").lower()
            if "no crontab" in said:
                return []
            checked(result)
        return result.stdout.splitlines()

    def write(self, lines: list[str]) -> None:
        text = "\n".join(lines) + "\n" if lines else ""
        checked(self.runner([*self.crontab, "-"], input=text, env=self.environ))

    def install(self, reminder: Reminder) -> None:
        lines = self.read()
        kept = [line for line in lines if owner_of(line) != reminder.id]
        wanted = [*kept, self.line(reminder)]
        if wanted != lines:
            self.write(wanted)

    def remove(self, reminder_id: int) -> bool:
        lines = self.read()
        kept = [line for line in lines if owner_of(line) != reminder_id]
        if kept == lines:
            return False
        self.write(kept)
        return True

    def installed(self) -> set[int]:
        return {i for i in (owner_of(line) for line in self.read()) if i is not None}

    def is_installed(self, reminder_id: int) -> bool:
        return reminder_id in self.installed()
