"""When a reminder is due: `coach remind fire ID ACTION [ARG]`, run by the scheduler."""

from __future__ import annotations

import shutil
import sys
from datetime import timedelta

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.reminders.model import Reminder
from coach.reminders.notify import Notification
from coach.reminders.nudge import compute, exercise_title, greeting, in_quiet_hours

# Later than this after its time, a reminder is a catch-up, not on time.
CATCH_UP = timedelta(hours=2)


def open_command(reminder_id: int) -> list[str]:
    """The command that opens the reminder's screen; `coach` itself when it is on PATH."""
    head = ["coach"] if shutil.which("coach") else [sys.executable, "-m", "coach"]
    return [*head, "remind", "open", str(reminder_id)]


def due_reminder(
    context: Context, reminder_id: int, action: str | None = None, arg: str | None = None
) -> Reminder:
    """The reminder from the store; from the scheduler's own words when the store stays shut."""
    from coach.reminders.model import parse_action
    from coach.reminders.service import Reminders

    try:
        reminder = Reminders(context).get(reminder_id)
    except CoachError:
        if action is None:
            raise
        # Encrypted with no passphrase for scheduled jobs: the reminder still shows.
        action, arg = parse_action(action, arg)
        now = context.now()
        return Reminder(f"{now.hour:02d}:{now.minute:02d}", action, arg, id=reminder_id)
    if reminder is None:
        raise CoachError(t("remind.not_found", id=reminder_id))
    return reminder


def late_in_quiet_hours(context: Context, reminder: Reminder) -> bool:
    """A catch-up (`Persistent=true` after the computer was off) that would land in quiet hours.

    A reminder set for 21:00 that fires at 03:00 because the laptop just woke up
    would only disturb: it waits for the next day instead.
    """
    now = context.now()
    due = now.replace(hour=reminder.hour, minute=reminder.minute, second=0, microsecond=0)
    if due > now:
        due -= timedelta(days=1)
    return now - due > CATCH_UP and in_quiet_hours(context, now)


def notification(context: Context, reminder: Reminder) -> Notification | None:
    """The notification for a due reminder; None when it should stay quiet."""
    if late_in_quiet_hours(context, reminder):
        return None
    if reminder.action == "nudge":
        try:
            nudge = compute(context)
        except CoachError:
            # The store cannot be read now: a kind word that needs no data instead.
            if in_quiet_hours(context):
                return None
            text = t(greeting(context.now()), context.lang)
        else:
            if nudge is None:
                return None
            text = nudge.text
    elif reminder.action == "breathe" and reminder.arg:
        title = exercise_title(context, reminder.arg)
        text = t("remind.fire.breathe_id", context.lang, id=title)
    else:
        text = t(f"remind.fire.{reminder.action}", context.lang)
    return Notification(t("remind.fire.title", context.lang), text, open_command(reminder.id or 0))
