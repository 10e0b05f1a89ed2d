"""The command a scheduler runs when a reminder is due: `coach remind fire ID ACTION [ARG]`.

It names this very interpreter (`python -m coach`), so a reminder keeps working
from a virtual environment that is not on the scheduler's PATH, and carries the
variables that say where coach's data is (COACH_HOME for portable installs).
The action rides along so the reminder still shows when the store cannot be
opened (encrypted, and no passphrase given to scheduled jobs).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coach.reminders.model import Reminder

# Variables worth carrying into the scheduler's bare environment. Never
# COACH_PASSPHRASE itself: a secret must not sit in a crontab or a unit file;
# COACH_PASSPHRASE_FILE only names a file its owner alone can read.
CARRIED = ("COACH_HOME", "COACH_LANG", "COACH_PASSPHRASE_FILE")


def fire_argv(reminder: Reminder, python: str | None = None) -> list[str]:
    argv = [python or sys.executable, "-m", "coach", "remind", "fire", str(reminder.id)]
    argv.append(reminder.action)
    if reminder.arg:
        argv.append(reminder.arg)
    return argv


def carried_env(environ: dict[str, str] | None = None) -> dict[str, str]:
    env = os.environ if environ is None else environ
    return {name: env[name] for name in CARRIED if env.get(name)}
