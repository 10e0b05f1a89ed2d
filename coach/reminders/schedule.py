"""A reminder's time and days, written the way each scheduler reads them."""

from __future__ import annotations

from coach.reminders.model import DAYS, Reminder

_SYSTEMD_DAY = {d: d.capitalize() for d in DAYS}  # mon -> Mon
_CRON_DAY = {d: str((i + 1) % 7) for i, d in enumerate(DAYS)}  # mon -> 1 ... sun -> 0


def on_calendar(reminder: Reminder) -> str:
    """`OnCalendar=` value: `Mon,Wed *-*-* 09:05:00`, or `*-*-* 09:05:00` for every day."""
    clock = f"*-*-* {reminder.hour:02d}:{reminder.minute:02d}:00"
    if not reminder.days:
        return clock
    return ",".join(_SYSTEMD_DAY[d] for d in reminder.days) + " " + clock


def cron_schedule(reminder: Reminder) -> str:
    """The five time fields of a crontab line: `5 9 * * 1,3`."""
    days = ",".join(_CRON_DAY[d] for d in reminder.days) if reminder.days else "*"
    return f"{reminder.minute} {reminder.hour} * * {days}"
