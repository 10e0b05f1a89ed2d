"""Check-ins: a mood in under a minute, with optional energy, anxiety, sleep, tags, a note.

A check-in is stored in concern `checkins` as
`{at, mood, energy, anxiety, sleep_hours, tags, note}`; `at` is an ISO-8601
datetime with its offset so a record keeps its meaning across time zones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import t

if TYPE_CHECKING:
    from coach.context import Context

CONCERN = "checkins"
MOOD = (1, 10)
ENERGY = (1, 10)
ANXIETY = (0, 10)
SLEEP = (0.0, 24.0)
MAX_TAG = 40
MAX_TAGS = 20
MAX_NOTE = 4000
# A clock a little ahead of another is not a check-in "in the future".
FUTURE_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class Scale:
    field: str
    low: float
    high: float


SCALES = {
    "mood": Scale("mood", *MOOD),
    "energy": Scale("energy", *ENERGY),
    "anxiety": Scale("anxiety", *ANXIETY),
}


def parse_at(raw: str, now: datetime) -> datetime:
    """An ISO date or datetime; without an offset it is local time. A date alone means noon."""
    text = raw.strip()
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise CoachError(t("checkin.bad_at", value=raw)) from None
    if len(text) <= 10:
        value = value.replace(hour=12)
    if value.tzinfo is None:
        value = _local(value, now)
    if value > now + FUTURE_SLACK:
        raise CoachError(t("checkin.future_at", value=raw))
    return value


def _local(naive: datetime, now: datetime) -> datetime:
    """Interpret `naive` in the person's zone.

    When the clock is the system's, the system zone gives each date its own
    daylight-saving offset; an injected clock in another zone (tests, travel)
    keeps its own offset.
    """
    if now.tzinfo is None:
        return naive.astimezone()
    if _follows_system(now):
        try:
            return naive.astimezone()
        except (OverflowError, OSError, ValueError):
            pass
    return naive.replace(tzinfo=now.tzinfo)


def parse_time(value: str) -> datetime:
    """A stored ISO string back to an aware datetime."""
    return datetime.fromisoformat(value)


def check_scale(name: str, value: Any) -> int | None:
    if value is None:
        return None
    scale = SCALES[name]
    number = _integer(value)
    if number is None or not scale.low <= number <= scale.high:
        raise CoachError(
            t(f"checkin.bad_{name}", value=value, low=int(scale.low), high=int(scale.high))
        )
    return number


def _integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("+-").isdigit():
        return int(value.strip())
    return None


def check_sleep(value: Any) -> float | None:
    if value is None or value == "":
        return None
    try:
        hours = float(str(value).replace(",", ".")) if not isinstance(value, bool) else None
    except ValueError:
        hours = None
    if hours is None or hours != hours or not SLEEP[0] <= hours <= SLEEP[1]:
        raise CoachError(t("checkin.bad_sleep", value=value))
    return round(hours, 2)


def clean_tags(tags: list[str] | tuple[str, ...] | None) -> list[str]:
    """Lower-case, trimmed, unique tags, in the order given. `a,b` counts as two tags."""
    out: list[str] = []
    for raw in tags or ():
        for part in str(raw).split(","):
            tag = part.strip().lstrip("#").strip().lower()
            if not tag:
                continue
            if len(tag) > MAX_TAG:
                raise CoachError(t("checkin.bad_tag", value=part.strip(), max=MAX_TAG))
            if tag not in out:
                out.append(tag)
    if len(out) > MAX_TAGS:
        raise CoachError(t("checkin.too_many_tags", max=MAX_TAGS))
    return out


def clean_note(note: str | None) -> str:
    text = (note or "").strip()
    if len(text) > MAX_NOTE:
        raise CoachError(t("checkin.note_too_long", max=MAX_NOTE))
    return text


def build(
    now: datetime,
    mood: Any,
    energy: Any = None,
    anxiety: Any = None,
    sleep: Any = None,
    tags: list[str] | None = None,
    note: str | None = None,
    at: datetime | str | None = None,
) -> dict[str, Any]:
    """Validate every value first: a bad one raises and nothing is stored."""
    if mood is None:
        raise CoachError(t("checkin.mood_required"))
    when = parse_at(at, now) if isinstance(at, str) else (at or now)
    return {
        "at": when.isoformat(timespec="seconds"),
        "mood": check_scale("mood", mood),
        "energy": check_scale("energy", energy),
        "anxiety": check_scale("anxiety", anxiety),
        "sleep_hours": check_sleep(sleep),
        "tags": clean_tags(tags),
        "note": clean_note(note),
    }


def save(context: Context, record: dict[str, Any]) -> dict[str, Any]:
    return context.store.collection(CONCERN).insert(record)


def add(context: Context, **values: Any) -> dict[str, Any]:
    return save(context, build(context.now(), **values))


def all_checkins(context: Context) -> list[dict[str, Any]]:
    """Every check-in, oldest first."""
    records = context.store.collection(CONCERN).all()
    return sorted(records, key=lambda r: parse_time(r["at"]))


def since(records: list[dict[str, Any]], start: datetime) -> list[dict[str, Any]]:
    return [r for r in records if parse_time(r["at"]) >= start]


def today(context: Context) -> list[dict[str, Any]]:
    now = context.now()
    day = now.date()
    return [r for r in all_checkins(context) if _local_date(r["at"], now) == day]


def _local_date(value: str, now: datetime):
    moment = parse_time(value)
    if now.tzinfo is None:
        return moment.date()
    if _follows_system(now):
        # The system zone knows each date's own daylight-saving offset.
        return moment.astimezone().date()
    return moment.astimezone(now.tzinfo).date()


@lru_cache(maxsize=16)
def _follows_system(now: datetime) -> bool:
    """Whether `now` is the system clock's local time (not an injected clock elsewhere)."""
    return now.replace(tzinfo=None).astimezone().utcoffset() == now.utcoffset()


def local_date(value: str, now: datetime):
    """The calendar day of a stored moment, in the zone of `now` (the person's day)."""
    return _local_date(value, now)
