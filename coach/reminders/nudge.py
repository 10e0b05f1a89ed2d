"""`coach nudge`: one short, kind line drawn from what the person has stored.

It notices, it never scolds: no "missed", no "broken streak", no "should".
Candidates in order: a tracker milestone today or tomorrow, a gentle word
after a few days without a check-in, the breathing exercise that helped most
this week, then a quiet default. Quiet hours (`quiet_hours.start`/`end`)
silence it entirely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from typing import Any

from coach.context import Context
from coach.i18n import t

# A gap shorter than this is just life; after it, a gentle word about checking in.
CHECKIN_GAP_DAYS = 2
WEEK = timedelta(days=7)
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


@dataclass(frozen=True)
class Nudge:
    # milestone_today, milestone_tomorrow, checkin_gap, best_exercise, checked_in, welcome, hello
    kind: str
    text: str
    data: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"quiet": False, "kind": self.kind, "text": self.text, "data": self.data}


QUIET_JSON = {"quiet": True, "kind": None, "text": None, "data": {}}


def _clock(value: str) -> time:
    hours, _, minutes = value.partition(":")
    return time(int(hours), int(minutes))


def in_quiet_hours(context: Context, now: datetime | None = None) -> bool:
    """True between `quiet_hours.start` and `quiet_hours.end` (across midnight too)."""
    now = now or context.now()
    start = _clock(context.config.get("quiet_hours.start"))
    end = _clock(context.config.get("quiet_hours.end"))
    moment = now.time().replace(second=0, microsecond=0, tzinfo=None)
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def _moment(value: Any, now: datetime) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None
    if moment.tzinfo is None and now.tzinfo is not None:
        moment = moment.replace(tzinfo=now.tzinfo)
    return moment.astimezone(now.tzinfo) if now.tzinfo else moment


# --- what the store says ---------------------------------------------------------


def last_checkin(context: Context, now: datetime) -> datetime | None:
    found = [_moment(doc.get("at"), now) for doc in context.store.collection("checkins").all()]
    past = [m for m in found if m is not None and m <= now + timedelta(minutes=5)]
    return max(past, default=None)


def _sessions(context: Context) -> list[dict[str, Any]]:
    store = context.store
    out: list[dict[str, Any]] = []
    for year in [None, *store.years("sessions")]:
        out.extend(store.collection("sessions", year=year).all())
    return out


def best_exercise(context: Context, now: datetime) -> dict[str, Any] | None:
    """The breathing exercise whose ratings rose most on average this week.

    Sessions rate how the person feels, 0 to 10, before and after (higher is
    better; only urge surfing rates the urge, and it is not breathing).
    """
    gains: dict[str, list[float]] = {}
    for doc in _sessions(context):
        started = _moment(doc.get("started_at"), now)
        before, after = doc.get("rating_before"), doc.get("rating_after")
        if started is None or not (now - WEEK <= started <= now):
            continue
        if doc.get("kind", "breathing") != "breathing" or not doc.get("exercise_id"):
            continue
        if not isinstance(before, int | float) or not isinstance(after, int | float):
            continue
        gains.setdefault(str(doc["exercise_id"]), []).append(float(after) - float(before))
    scored = [(sum(v) / len(v), len(v), k) for k, v in gains.items()]
    helped = [s for s in scored if s[0] > 0]
    if not helped:
        return None
    gain, count, exercise_id = max(helped)
    return {"exercise_id": exercise_id, "gain": round(gain, 1), "sessions": count}


def exercise_title(context: Context, exercise_id: str) -> str:
    try:
        from coach.exercises.loader import load_for

        exercise = load_for(context, report=None).get(exercise_id)
    except Exception:  # the library is optional here; the id still reads fine
        return exercise_id
    return exercise.title_in(context.lang) if exercise is not None else exercise_id


def milestones_soon(context: Context, now: datetime) -> list[dict[str, Any]]:
    """Tracker milestones due today or tomorrow (the trackers area may not be installed)."""
    try:
        from coach.trackers.service import TrackerService
    except ImportError:
        return []
    try:
        statuses = TrackerService(context).summaries()
    except Exception:  # a damaged tracker file must not stop a kind word
        return []
    today = now.date()
    out = []
    for status in statuses:
        due = status.next_due.astimezone(now.tzinfo) if now.tzinfo else status.next_due
        days = (due.date() - today).days
        if days in (0, 1):
            out.append(
                {
                    "tracker": status.tracker.name,
                    "milestone": status.next.id,
                    "label": _milestone_label(status.next, context.lang),
                    "due": due.isoformat(timespec="minutes"),
                    "when": "today" if days == 0 else "tomorrow",
                }
            )
    return sorted(out, key=lambda m: m["due"])


def _milestone_label(milestone: Any, lang: str) -> str:
    unit = getattr(milestone, "unit", "day")
    count = getattr(milestone, "count", 1)
    return t(f"nudge.unit.{unit}.{'one' if count == 1 else 'many'}", lang, n=count)


def _gap_text(last: datetime, now: datetime, lang: str) -> str:
    """A weekday within the week, a date beyond (a weekday alone would be ambiguous)."""
    if (now.date() - last.date()).days < 7:
        day = t(f"nudge.day.{_WEEKDAYS[last.weekday()]}", lang)
        return t("nudge.checkin_gap_day", lang, since=day)
    since = t("nudge.date", lang, day=last.day, month=t(f"nudge.month.{last.month}", lang))
    return t("nudge.checkin_gap_date", lang, since=since)


# --- the line ------------------------------------------------------------------------


def compute(context: Context, now: datetime | None = None) -> Nudge | None:
    """The nudge for now, or None in quiet hours."""
    now = now or context.now()
    if in_quiet_hours(context, now):
        return None
    lang = context.lang
    soon = milestones_soon(context, now)
    if soon:
        first = soon[0]
        key = f"nudge.milestone_{first['when']}"
        return Nudge(
            f"milestone_{first['when']}",
            t(key, lang, tracker=first["tracker"], milestone=first["label"]),
            first,
        )
    last = last_checkin(context, now)
    if last is not None and (now.date() - last.date()).days >= CHECKIN_GAP_DAYS:
        return Nudge(
            "checkin_gap",
            _gap_text(last, now, lang),
            {"last_checkin": last.isoformat(timespec="minutes")},
        )
    best = best_exercise(context, now)
    if best is not None:
        title = exercise_title(context, best["exercise_id"])
        return Nudge(
            "best_exercise",
            t("nudge.best_exercise", lang, title=title, id=best["exercise_id"]),
            {**best, "title": title},
        )
    if last is None:
        return Nudge("welcome", t("nudge.welcome", lang))
    if last.date() == now.date():
        data = {"last_checkin": last.isoformat(timespec="minutes")}
        return Nudge("checked_in", t("nudge.checked_in", lang), data)
    return Nudge(
        "hello", t(greeting(now), lang), {"last_checkin": last.isoformat(timespec="minutes")}
    )


def greeting(now: datetime) -> str:
    if now.hour < 12:
        return "nudge.hello_morning"
    if now.hour < 18:
        return "nudge.hello_afternoon"
    return "nudge.hello_evening"
