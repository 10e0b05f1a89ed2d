"""Time arithmetic for streaks: instants in UTC, calendar days in the user's zone.

Elapsed time (hours, money saved) is a difference of UTC instants, so a
daylight-saving change never adds or loses an hour of progress. Days and
milestones are calendar steps in the user's local zone: a streak that began at
22:00 gains a day at 22:00 every evening, even on the 23- or 25-hour days when
the clocks change. That needs a real IANA zone (a fixed offset cannot know about
DST), so `local_zone` works hard to find one.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def _system_zone() -> ZoneInfo | None:
    name = os.environ.get("TZ", "").lstrip(":")
    candidates = [name] if name else []
    try:
        target = str(Path("/etc/localtime").resolve())
        if "zoneinfo/" in target:
            candidates.append(target.split("zoneinfo/", 1)[1])
    except OSError:
        pass
    for candidate in candidates:
        try:
            return ZoneInfo(candidate)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return None


def local_zone(now: datetime) -> tzinfo:
    """The user's zone at `now`: its own ZoneInfo, else the system's, else its fixed offset."""
    if isinstance(now.tzinfo, ZoneInfo):
        return now.tzinfo
    zone = _system_zone()
    # The system zone is only trusted when it agrees with the clock we were given.
    if (
        zone is not None
        and now.tzinfo is not None
        and now.astimezone(zone).utcoffset() == (now.utcoffset())
    ):
        return zone
    return now.tzinfo or UTC


def aware(value: datetime, zone: tzinfo) -> datetime:
    """Attach `zone` to a naive wall-clock time, resolving DST gaps and overlaps."""
    if value.tzinfo is not None:
        return value
    # Through UTC and back: a time inside a spring-forward gap comes out as a real time.
    return value.replace(tzinfo=zone).astimezone(UTC).astimezone(zone)


def parse_iso(text: str) -> datetime:
    """A stored ISO-8601 string back into an aware datetime."""
    value = datetime.fromisoformat(text)
    if value.tzinfo is None:  # never written by us; read old data as UTC rather than fail
        value = value.replace(tzinfo=UTC)
    return value


def iso(value: datetime) -> str:
    return value.isoformat(timespec="seconds")


def parse_user_datetime(text: str, now: datetime, zone: tzinfo) -> datetime:
    """`2026-03-01`, `2026-03-01 22:00`, `2026-03-01T22:00+01:00`, `now`, `today`, `yesterday`.

    A value without an offset is the user's local wall-clock time. Raises ValueError.
    """
    raw = text.strip()
    lowered = raw.lower()
    local_now = now.astimezone(zone)
    if lowered in {"now", "maintenant"}:
        return local_now
    if lowered in {"today", "aujourd'hui", "aujourd’hui"}:
        return aware(datetime.combine(local_now.date(), datetime.min.time()), zone)
    if lowered in {"yesterday", "hier"}:
        day = local_now.date() - timedelta(days=1)
        return aware(datetime.combine(day, datetime.min.time()), zone)
    if not raw or len(raw) < 10:
        raise ValueError(raw)
    value = datetime.fromisoformat(raw.replace(" ", "T", 1) if len(raw) > 10 else raw)
    return aware(value, zone).astimezone(zone) if value.tzinfo is None else value


def utc(value: datetime) -> datetime:
    """The UTC instant. Python compares and subtracts two datetimes that share a
    tzinfo by their wall clocks, which is wrong across a DST change: every
    difference and comparison here goes through UTC."""
    return value.astimezone(UTC)


def add_local_days(start: datetime, days: int, zone: tzinfo) -> datetime:
    """The same wall-clock time `days` calendar days after `start`, in `zone` (as UTC)."""
    wall = start.astimezone(zone).replace(tzinfo=None)
    return utc(aware(wall + timedelta(days=days), zone))


def add_local_months(start: datetime, months: int, zone: tzinfo) -> datetime:
    """The same wall-clock time `months` later (as UTC); the 31st becomes the month's last day."""
    wall = start.astimezone(zone).replace(tzinfo=None)
    index = wall.month - 1 + months
    year, month = wall.year + index // 12, index % 12 + 1
    day = min(wall.day, _month_length(year, month))
    return utc(aware(wall.replace(year=year, month=month, day=day), zone))


def _month_length(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def full_days(start: datetime, end: datetime, zone: tzinfo) -> int:
    """Whole calendar days from `start` to `end` in `zone` (0 if `end` is not after `start`)."""
    end = utc(end)
    if end <= utc(start):
        return 0
    days = (end.astimezone(zone).date() - start.astimezone(zone).date()).days
    while days > 0 and add_local_days(start, days, zone) > end:
        days -= 1
    while add_local_days(start, days + 1, zone) <= end:
        days += 1
    return days
