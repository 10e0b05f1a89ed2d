"""A Markdown summary a person can bring to a doctor or therapist.

Moods, questionnaire scores and bands, exercises and their effect over a
period; the person's own notes only when they ask for them. Written in the
person's language, from the store, with the context's clock.
"""

from __future__ import annotations

import os
import tempfile
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import t
from coach.services import charts
from coach.services import checkins as _checkins
from coach.services import insights as _insights
from coach.services import screenings as _screenings
from coach.services.history import exercise_sessions

if TYPE_CHECKING:
    from coach.context import Context

MAX_DAYS = 3660


def _cell(value: Any, lang: str | None = None) -> str:
    if isinstance(value, float):
        value = charts.number(value, 1, lang)
    text = "–" if value is None or value == "" else str(value)
    return " ".join(text.replace("|", "\\|").split())


def _avg(values: list[float]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def _table(header: list[str], rows: list[list[Any]], lang: str | None = None) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(_cell(c, lang) for c in row) + " |" for row in rows]
    return lines


def _in_period(value: str, start: date, end: date, now: datetime) -> bool:
    return start <= _checkins.local_date(value, now) <= end


def build(context: Context, days: int = 30, with_notes: bool = False) -> str:
    if not 1 <= days <= MAX_DAYS:
        raise CoachError(t("insights.report_bad_days", days=days, max=MAX_DAYS))
    lang = context.lang
    now = context.now()
    end = now.date()
    start = end - timedelta(days=days - 1)
    records = [r for r in _checkins.all_checkins(context) if _in_period(r["at"], start, end, now)]
    results = [r for r in _screenings.all_results(context) if _in_period(r["at"], start, end, now)]
    sessions = [
        s for s in exercise_sessions(context.store) if _in_period(s["started_at"], start, end, now)
    ]
    out = [
        f"# {t('insights.report_title', lang)}",
        "",
        t("insights.report_period", lang, start=start.isoformat(), end=end.isoformat(), days=days),
        "",
        f"_{t('insights.report_disclaimer', lang)}_",
        "",
    ]
    out += _moods(records, now, lang)
    out += _questionnaires(results, lang)
    out += _exercises(context, sessions, lang)
    if with_notes:
        out += _notes(records, now, lang)
    out += ["---", t("insights.report_footer", lang, date=now.strftime("%Y-%m-%d %H:%M"))]
    return "\n".join(out) + "\n"


def _moods(records: list[dict[str, Any]], now: datetime, lang: str) -> list[str]:
    out = [f"## {t('insights.report_moods', lang)}", ""]
    if not records:
        return [*out, t("insights.report_no_checkins", lang), ""]
    days = {_checkins.local_date(r["at"], now) for r in records}
    count = t("insights.report_checkin_count", lang, n=len(records), days=len(days))
    out += [count, ""]
    rows = []
    for key, name in (
        ("mood", "insights.report_mood"),
        ("energy", "insights.report_energy"),
        ("anxiety", "insights.report_anxiety"),
        ("sleep_hours", "insights.report_sleep"),
    ):
        values = [r[key] for r in records if r.get(key) is not None]
        if values:
            rows.append([t(name, lang), _avg(values), min(values), max(values), len(values)])
    header = ["", *(t(f"insights.report_col_{c}", lang) for c in ("avg", "low", "high", "n"))]
    out += [*_table(header, rows, lang), ""]
    slope, trend_days = _insights.mood_trend(records, now)
    if slope is not None:
        key = (
            "down"
            if slope <= _insights.TREND_SLOPE
            else "up"
            if slope >= -_insights.TREND_SLOPE
            else "flat"
        )
        out += [
            t(
                f"insights.report_trend_{key}",
                lang,
                slope=charts.number(slope, 2, lang, sign=True),
                days=trend_days,
            ),
            "",
        ]
    out += _weeks(records, now, lang)
    tags = Counter(tag for r in records for tag in r.get("tags") or ())
    if tags:
        listed = ", ".join(f"{tag} ({n})" for tag, n in tags.most_common(10))
        out += [t("insights.report_tags", lang, tags=listed), ""]
    return out


def _weeks(records: list[dict[str, Any]], now: datetime, lang: str) -> list[str]:
    weeks: dict[date, list[dict[str, Any]]] = {}
    for record in records:
        day = _checkins.local_date(record["at"], now)
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(record)
    if len(weeks) < 2:
        return []
    rows = []
    for monday in sorted(weeks):
        items = weeks[monday]
        rows.append(
            [
                monday.isoformat(),
                len(items),
                *(
                    _avg([r[k] for r in items if r.get(k) is not None])
                    for k in ("mood", "energy", "anxiety", "sleep_hours")
                ),
            ]
        )
    header = [
        t("insights.report_col_week", lang),
        t("insights.report_col_n", lang),
        t("insights.report_mood", lang),
        t("insights.report_energy", lang),
        t("insights.report_anxiety", lang),
        t("insights.report_sleep", lang),
    ]
    return [f"### {t('insights.report_by_week', lang)}", "", *_table(header, rows, lang), ""]


def _questionnaires(results: list[dict[str, Any]], lang: str) -> list[str]:
    out = [f"## {t('insights.report_questionnaires', lang)}", ""]
    if not results:
        return [*out, t("insights.report_no_screenings", lang), ""]
    rows = []
    for r in results:
        q = _screenings.questionnaires().get(r["questionnaire"])
        name = q.short if q else r["questionnaire"]
        maximum = q.max_total if q else "?"
        band = _screenings.band_label(r["questionnaire"], r["band"], lang)
        rows.append([r["at"][:10], name, f"{r['total']}/{maximum}", band])
    header = [
        t(f"insights.report_col_{c}", lang) for c in ("date", "questionnaire", "score", "band")
    ]
    out += [*_table(header, rows, lang), ""]
    for r in results:
        if r.get("safety_followup"):
            out += [f"**{t('insights.report_item9', lang, date=r['at'][:10])}**", ""]
    out += [t("insights.report_screening_note", lang), ""]
    return out


def _exercises(context: Context, sessions: list[dict[str, Any]], lang: str) -> list[str]:
    out = [f"## {t('insights.report_exercises', lang)}", ""]
    if not sessions:
        return [*out, t("insights.report_no_exercises", lang), ""]
    effects = _insights.exercise_effects(sessions)
    titles = _insights.exercise_titles(context, [e.exercise_id for e in effects])
    rows = [
        [
            titles[e.exercise_id],
            e.sessions,
            e.completed,
            e.rated,
            _change(e, lang),
        ]
        for e in effects
    ]
    header = [
        t(f"insights.report_col_{c}", lang)
        for c in ("exercise", "sessions", "completed", "rated", "change")
    ]
    notes = [t("insights.report_change_note", lang)]
    if any(e.lower_is_better for e in effects):
        notes.append(t("insights.report_urge_note", lang))
    return [*out, *_table(header, rows, lang), "", " ".join(notes), ""]


def _change(effect: _insights.ExerciseEffect, lang: str) -> str | None:
    if effect.average_change is None:
        return None
    # An urge exercise rates the urge: there a fall is the help, marked with *.
    text = charts.number(effect.average_change, 1, lang, sign=True)
    return text + ("*" if effect.lower_is_better else "")


def _notes(records: list[dict[str, Any]], now: datetime, lang: str) -> list[str]:
    out = [f"## {t('insights.report_notes', lang)}", ""]
    noted = [r for r in records if r.get("note")]
    if not noted:
        return [*out, t("insights.report_no_notes", lang), ""]
    for r in noted:
        when = datetime.fromisoformat(r["at"]).astimezone(now.tzinfo).strftime("%Y-%m-%d %H:%M")
        text = " ".join(r["note"].split())
        out.append(t("insights.report_note_line", lang, when=when, mood=r["mood"], text=text))
    return [*out, ""]


def write_file(path: Path, text: str) -> Path:
    """Replace `path` atomically, 0600 (the report holds health data); returns the file.

    Not `store.atomic.atomic_write`: that one makes its folder 0700, and the
    person's own folder (their documents, the current directory) is not ours to change.
    """
    target = path.expanduser()
    if target.is_dir():
        raise CoachError(t("insights.report_out_dir", path=path))
    if not target.parent.is_dir():
        raise CoachError(t("insights.report_no_folder", path=target.parent))
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            os.fchmod(fd, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(text.encode("utf-8"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CoachError(t("insights.report_unwritable", path=path, error=exc.strerror)) from None
    return target


def default_path(context: Context) -> Path:
    """Where the TUI offers to save: the home folder, named by date, easy to find and attach."""
    return Path.home() / f"coach-report-{context.now():%Y-%m-%d}.md"
