"""What the stored data says over time: mood windows, streaks, what helps, early signals.

All of it is computed from the store with the context's clock, so a fixed
clock gives fixed insights. The early signal is deliberately simple and
gentle: a mood sliding down over two weeks (a least-squares slope on the
daily averages) or a questionnaire score that rose clearly. It leads to a
suggestion to talk to someone, never to an alarm.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from coach.i18n import t
from coach.services import checkins as _checkins
from coach.services import screenings as _screenings
from coach.services.charts import sparkline
from coach.services.history import exercise_sessions

if TYPE_CHECKING:
    from coach.context import Context

WINDOWS = (7, 30, 90)
CALENDAR_DAYS = 91
TREND_DAYS = 14
TREND_MIN_DAYS = 5  # fewer days with a check-in is too little to speak of a trend
TREND_SLOPE = -0.1  # mood points a day: about 1.4 points lost over two weeks
RISE_POINTS = 5  # a change of 5 points is the usual "clinically meaningful" change
RISE_RECENT_DAYS = 30


@dataclass
class MoodWindow:
    days: int
    average: float | None
    count: int
    days_with_checkins: int
    low: int | None
    high: int | None
    series: list[float | None]  # one value a day, oldest first; None = no check-in
    sparkline: str


@dataclass
class ExerciseEffect:
    exercise_id: str
    sessions: int  # every session of this exercise
    rated: int  # sessions with both ratings: what the average rests on
    average_change: float | None  # mean of (after - before)
    completed: int
    # Urge exercises rate how strong the urge is: there a fall is the help.
    lower_is_better: bool = False

    @property
    def improvement(self) -> float | None:
        if self.average_change is None:
            return None
        return -self.average_change if self.lower_is_better else self.average_change


@dataclass
class Rise:
    questionnaire: str
    previous: int
    latest: int
    previous_at: str
    latest_at: str


@dataclass
class Signal:
    mood_slope: float | None  # mood points a day over the last two weeks
    mood_days: int
    mood_falling: bool
    rising: list[Rise] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return self.mood_falling or bool(self.rising)


@dataclass
class Insights:
    as_of: str
    checkins: int
    windows: list[MoodWindow]
    calendar: dict[str, float]  # day -> average mood, last CALENDAR_DAYS days
    streak_current: int
    streak_longest: int
    exercises: list[ExerciseEffect]
    screenings: list[dict[str, Any]]  # the latest result of each questionnaire
    signal: Signal

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["streak"] = {
            "current": data.pop("streak_current"),
            "longest": data.pop("streak_longest"),
        }
        data["signal"]["active"] = self.signal.active
        return data


def moods_by_day(records: list[dict[str, Any]], now: datetime) -> dict[date, list[int]]:
    """Each local day's moods: the one pass over the records that everything else reuses."""
    by_day: dict[date, list[int]] = defaultdict(list)
    for record in records:
        by_day[_checkins.local_date(record["at"], now)].append(record["mood"])
    return dict(by_day)


def daily_moods(records: list[dict[str, Any]], now: datetime) -> dict[date, float]:
    """The average mood of each local day that has a check-in."""
    return {day: sum(v) / len(v) for day, v in moods_by_day(records, now).items()}


def mood_window(by_day: dict[date, list[int]], days: int, today: date) -> MoodWindow:
    first = today - timedelta(days=days - 1)
    inside = {d: v for d, v in by_day.items() if first <= d <= today}
    series = [
        sum(inside[d]) / len(inside[d]) if d in inside else None
        for d in (first + timedelta(days=i) for i in range(days))
    ]
    moods = [m for v in inside.values() for m in v]
    return MoodWindow(
        days=days,
        average=round(sum(moods) / len(moods), 2) if moods else None,
        count=len(moods),
        days_with_checkins=len(inside),
        low=min(moods) if moods else None,
        high=max(moods) if moods else None,
        series=[round(v, 2) if v is not None else None for v in series],
        sparkline=sparkline(series),
    )


def streaks(days: set[date], today: date) -> tuple[int, int]:
    """(current, longest) runs of consecutive days with a check-in.

    The current streak still counts when today has no check-in yet: the day is not over.
    """
    current = 0
    cursor = today if today in days else today - timedelta(days=1)
    while cursor in days:
        current += 1
        cursor -= timedelta(days=1)
    longest = run = 0
    previous: date | None = None
    for day in sorted(days):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        longest = max(longest, run)
        previous = day
    return current, longest


def slope(points: list[tuple[float, float]]) -> float | None:
    """The least-squares slope of y over x; None when x does not vary."""
    n = len(points)
    if n < 2:
        return None
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    var = sum((x - mean_x) ** 2 for x, _ in points)
    if var == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / var


def mood_trend(records: list[dict[str, Any]], now: datetime) -> tuple[float | None, int]:
    return trend_of(daily_moods(records, now), now.date())


def trend_of(daily_all: dict[date, float], today: date) -> tuple[float | None, int]:
    """The mood slope over the last two weeks of daily averages, and the days it rests on."""
    first = today - timedelta(days=TREND_DAYS - 1)
    daily = {d: v for d, v in daily_all.items() if first <= d <= today}
    points = [((d - first).days, v) for d, v in sorted(daily.items())]
    if len(points) < TREND_MIN_DAYS:
        return None, len(points)
    value = slope(points)
    return (round(value, 3) if value is not None else None), len(points)


def exercise_effects(sessions: list[dict[str, Any]]) -> list[ExerciseEffect]:
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for session in sessions:
        if session.get("exercise_id"):
            groups[session["exercise_id"]].append(session)
    effects = []
    for exercise_id, items in groups.items():
        changes = [
            s["rating_after"] - s["rating_before"]
            for s in items
            if _number(s.get("rating_before")) and _number(s.get("rating_after"))
        ]
        effects.append(
            ExerciseEffect(
                exercise_id=exercise_id,
                sessions=len(items),
                rated=len(changes),
                average_change=round(sum(changes) / len(changes), 2) if changes else None,
                completed=sum(1 for s in items if s.get("completed")),
                lower_is_better=any(s.get("kind") == "urge" for s in items),
            )
        )
    # What helps most first; exercises without ratings last, by use.
    return sorted(
        effects,
        key=lambda e: (e.improvement is None, -(e.improvement or 0), -e.sessions, e.exercise_id),
    )


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def rises(results: list[dict[str, Any]], now: datetime) -> list[Rise]:
    """Questionnaires whose latest recent score rose clearly over the one before."""
    found = []
    by_q: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for result in results:
        by_q[result["questionnaire"]].append(result)
    for qid, items in by_q.items():
        items.sort(key=lambda r: datetime.fromisoformat(r["at"]))
        if len(items) < 2:
            continue
        previous, latest = items[-2], items[-1]
        if datetime.fromisoformat(latest["at"]) < now - timedelta(days=RISE_RECENT_DAYS):
            continue
        q = _screenings.questionnaires().get(qid)
        bands = [b.id for b in q.bands] if q else []
        band_up = (
            latest.get("band") in bands
            and previous.get("band") in bands
            and bands.index(latest["band"]) > bands.index(previous["band"])
            and q is not None
            and latest["total"] >= q.professional_from
        )
        if latest["total"] - previous["total"] >= RISE_POINTS or band_up:
            found.append(
                Rise(qid, previous["total"], latest["total"], previous["at"], latest["at"])
            )
    return found


def compute(context: Context) -> Insights:
    now = context.now()
    records = _checkins.all_checkins(context)
    results = _screenings.all_results(context)
    sessions = exercise_sessions(context.store)
    today = now.date()
    by_day = moods_by_day(records, now)
    daily = {d: sum(v) / len(v) for d, v in by_day.items()}
    current, longest = streaks(set(daily), today)
    first_calendar = today - timedelta(days=CALENDAR_DAYS - 1)
    calendar = {
        d.isoformat(): round(v, 2) for d, v in sorted(daily.items()) if first_calendar <= d <= today
    }
    slope_value, trend_days = trend_of(daily, today)
    latest: dict[str, dict[str, Any]] = {}
    for result in results:
        latest[result["questionnaire"]] = result
    return Insights(
        as_of=now.isoformat(timespec="seconds"),
        checkins=len(records),
        windows=[mood_window(by_day, days, today) for days in WINDOWS],
        calendar=calendar,
        streak_current=current,
        streak_longest=longest,
        exercises=exercise_effects(sessions),
        screenings=[latest[q] for q in sorted(latest)],
        signal=Signal(
            mood_slope=slope_value,
            mood_days=trend_days,
            mood_falling=slope_value is not None and slope_value <= TREND_SLOPE,
            rising=rises(results, now),
        ),
    )


def exercise_titles(context: Context, ids: list[str]) -> dict[str, str]:
    """Each exercise's title in the person's language, or its id if it is not installed."""
    try:
        from coach.exercises.loader import load_for

        library = load_for(context, report=None)
    except Exception:  # a broken exercise library must not hide the insights
        return {i: i for i in ids}
    out = {}
    for exercise_id in ids:
        exercise = library.get(exercise_id)
        out[exercise_id] = exercise.title_in(context.lang) if exercise is not None else exercise_id
    return out


def signal_lines(signal: Signal, lang: str | None = None) -> list[str]:
    lines = []
    if signal.mood_falling:
        lines.append(t("insights.signal_mood", lang, days=signal.mood_days))
    for rise in signal.rising:
        q = _screenings.questionnaires().get(rise.questionnaire)
        name = q.short if q else rise.questionnaire
        lines.append(
            t("insights.signal_rise", lang, name=name, previous=rise.previous, latest=rise.latest)
        )
    lines.append(t("insights.signal_suggest", lang))
    return lines
