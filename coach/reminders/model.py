"""What a reminder is: a time of day, the days it repeats, and what it invites to do."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coach.errors import CoachError
from coach.i18n import t

# What each action opens: a TUI area, the shell command a person may prefer,
# and whether the action takes an argument (the breathing exercise's id).
ACTIONS: dict[str, dict[str, Any]] = {
    "checkin": {"area": "checkin", "command": ["checkin"], "takes_arg": False},
    "breathe": {"area": "breathing", "command": ["breathe"], "takes_arg": True},
    "pledge": {"area": "trackers", "command": ["track", "list"], "takes_arg": False},
    "review": {"area": "trackers", "command": ["track", "list"], "takes_arg": False},
    "nudge": {"area": None, "command": ["nudge"], "takes_arg": False},
}

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_EN_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FR_FULL = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
# Every spelling accepted for a day: English and French, short and full.
_DAY_NAMES: dict[str, str] = {}
for _i, _day in enumerate(DAYS):
    for _name in (_day, _EN_FULL[_i], _FR_FULL[_i], _FR_FULL[_i][:3]):
        _DAY_NAMES[_name] = _day
_DAY_GROUPS = {
    "daily": DAYS,
    "weekdays": DAYS[:5],
    "weekends": DAYS[5:],
    "semaine": DAYS[:5],
    "weekend": DAYS[5:],
}


def parse_time(value: str) -> str:
    """`9:05`, `09:05` -> `09:05`; anything else is a user error."""
    hours, sep, minutes = value.strip().partition(":")
    if sep and hours.isdigit() and minutes.isdigit() and len(minutes) == 2:
        h, m = int(hours), int(minutes)
        if 0 <= h < 24 and 0 <= m < 60:
            return f"{h:02d}:{m:02d}"
    raise CoachError(t("remind.bad_time", value=value))


def parse_days(value: str | None) -> tuple[str, ...]:
    """`mon,wed`, `weekdays`, `mon-fri`, `lun,mer` -> days in week order; () is every day."""
    if value is None or not value.strip():
        return ()
    chosen: set[str] = set()
    for raw in value.lower().replace(" ", "").split(","):
        if not raw:
            continue
        if raw in _DAY_GROUPS:
            chosen.update(_DAY_GROUPS[raw])
        elif "-" in raw:
            first, _, last = raw.partition("-")
            i, j = DAYS.index(_day_of(first, value)), DAYS.index(_day_of(last, value))
            chosen.update(DAYS[i : j + 1] if i <= j else DAYS[i:] + DAYS[: j + 1])
        else:
            chosen.add(_day_of(raw, value))
    if not chosen:
        raise CoachError(t("remind.bad_days", value=value))
    days = tuple(d for d in DAYS if d in chosen)
    return () if len(days) == len(DAYS) else days


def _day_of(raw: str, whole: str) -> str:
    try:
        return _DAY_NAMES[raw]
    except KeyError:
        raise CoachError(t("remind.bad_days", value=whole)) from None


def parse_action(action: str, arg: str | None) -> tuple[str, str | None]:
    action = action.strip().lower()
    spec = ACTIONS.get(action)
    if spec is None:
        raise CoachError(t("remind.bad_action", value=action, actions=", ".join(ACTIONS)))
    if arg and not spec["takes_arg"]:
        raise CoachError(t("remind.no_arg", action=action))
    if arg is not None and (not arg.strip() or not _safe_id(arg)):
        raise CoachError(t("remind.bad_arg", value=arg))
    return action, (arg.strip() if arg else None)


def _safe_id(value: str) -> bool:
    # The id ends up in a unit file and a crontab line: keep it to plain id characters.
    return all(c.isalnum() or c in "-_." for c in value.strip())


@dataclass(frozen=True)
class Reminder:
    time: str  # "HH:MM", local time of the user's scheduler
    action: str
    arg: str | None = None
    days: tuple[str, ...] = ()  # empty: every day
    via: str = ""  # "systemd" or "cron"
    id: int | None = None
    created_at: str = ""
    extra: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def key(self) -> tuple[str, str, str | None, tuple[str, ...]]:
        """Two reminders with the same key are the same reminder: adding twice adds once."""
        return (self.time, self.action, self.arg, self.days)

    @property
    def hour(self) -> int:
        return int(self.time[:2])

    @property
    def minute(self) -> int:
        return int(self.time[3:])

    @property
    def name(self) -> str:
        """The name of its systemd units and the marker of its crontab line."""
        return f"coach-reminder-{self.id}"

    def screen(self) -> tuple[str | None, dict[str, Any]]:
        """The TUI area the reminder opens, with its options (None: the home screen)."""
        if self.action == "breathe" and self.arg:
            return "exercise", {"exercise_id": self.arg}
        return ACTIONS[self.action]["area"], {}

    def command(self) -> list[str]:
        """The coach command a person can type to do what the reminder invites to."""
        words = ["coach", *ACTIONS[self.action]["command"]]
        if self.arg:
            words.append(self.arg)
        return words

    def label(self) -> str:
        return f"{self.action} {self.arg}" if self.arg else self.action

    def to_doc(self) -> dict[str, Any]:
        return {
            "time": self.time,
            "action": self.action,
            "arg": self.arg,
            "days": list(self.days),
            "via": self.via,
            "created_at": self.created_at,
        }

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **self.to_doc(), "command": " ".join(self.command())}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Reminder:
        return cls(
            time=doc["time"],
            action=doc["action"],
            arg=doc.get("arg"),
            days=tuple(doc.get("days") or ()),
            via=doc.get("via", ""),
            id=doc.get("id"),
            created_at=doc.get("created_at", ""),
        )
