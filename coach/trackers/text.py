"""How tracker numbers read in English and French: shared by the CLI and the TUI."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Any

from coach.i18n import language, t
from coach.trackers.milestones import Milestone
from coach.trackers.stats import Status


def count(unit: str, n: int, lang: str | None = None) -> str:
    """`1 day`, `3 days`; in French 0 and 1 take the singular (`0 jour`)."""
    lang = lang or language()
    one = n == 1 or (lang == "fr" and n == 0)
    return t(f"trackers.unit.{unit}_{'one' if one else 'many'}", lang, n=n)


def milestone(m: Milestone, lang: str | None = None) -> str:
    return count(m.unit, m.count, lang)


def counter(status: Status, lang: str | None = None) -> str:
    """The big number: days, with hours beside them in the first days."""
    days = count("day", status.days, lang)
    if status.first_days:
        hours = count("hour", status.hours_into_day, lang)
        return t("trackers.counter_first", lang, days=days, hours=hours)
    return days


def money(amount: float, lang: str | None = None) -> str:
    text = f"{amount:,.2f}"
    if (lang or language()) == "fr":
        # 1 234,50 : a narrow no-break space groups thousands in French.
        text = text.replace(",", "\u202f").replace(".", ",")
    return text


def duration(minutes: int, lang: str | None = None) -> str:
    return t("trackers.unit.minutes", lang, h=minutes // 60, m=minutes % 60)


def when(value: datetime, zone: tzinfo) -> str:
    return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


def left(delta: timedelta, lang: str | None = None) -> str:
    """Time until a milestone: days once there is at least one, else hours."""
    delta = max(delta, timedelta(0))
    if delta >= timedelta(days=1):
        return count("day", delta.days, lang)
    return count("hour", max(1, int(delta.total_seconds() // 3600)), lang)


def status_lines(status: Status, lang: str | None = None) -> list[str]:
    """Every line of a tracker's status, without the header and the counter."""
    tr = status.tracker
    zone = status.zone
    lines = [t("trackers.since", lang, date=when(tr.since, zone))]
    key = "trackers.longest_now" if status.longest_is_current else "trackers.longest"
    lines.append(t(key, lang, days=count("day", status.longest_days, lang)))
    lines.append(t("trackers.total", lang, n=status.total_clean_days))
    if status.money_saved is not None:
        if len(tr.streaks) > 1:
            lines.append(
                t(
                    "trackers.money_streak",
                    lang,
                    amount=money(status.money_saved, lang),
                    streak=money(status.money_saved_streak or 0.0, lang),
                )
            )
        else:
            lines.append(t("trackers.money", lang, amount=money(status.money_saved, lang)))
    if status.time_saved_minutes is not None:
        lines.append(t("trackers.time_saved", lang, time=duration(status.time_saved_minutes, lang)))
    lines.append(next_line(status, lang))
    if status.pledged_today:
        streak = count("day", status.pledge_streak, lang)
        lines.append(t("trackers.pledge_done", lang, streak=streak))
    else:
        lines.append(t("trackers.pledge_not_yet", lang))
    key = "trackers.review_done" if status.reviewed_today else "trackers.review_not_yet"
    lines.append(t(key, lang))
    return lines


def next_line(status: Status, lang: str | None = None) -> str:
    return t(
        "trackers.next",
        lang,
        milestone=milestone(status.next, lang),
        date=when(status.next_due, status.zone),
        left=left(status.next_due - status.now, lang),
    )


def celebration(status: Status, lang: str | None = None) -> list[str]:
    """Lines for milestones newly reached: the highest celebrated, the others named."""
    if not status.new:
        return []
    top, *others = reversed(status.new)
    lines = [t("trackers.celebrate", lang, milestone=milestone(top, lang))]
    if others:
        names = ", ".join(milestone(m, lang) for m in reversed(others))
        lines.append(t("trackers.celebrate_also", lang, milestones=names))
    return lines


def kind(value: str, lang: str | None = None) -> str:
    return t(f"trackers.kind.{value}", lang)


def rating(value: int, lang: str | None = None) -> str:
    return f"{value} · {t(f'trackers.rating.{value}', lang)}"


def weekday(index: int, lang: str | None = None) -> str:
    return t(f"trackers.weekday.{index}", lang)


def hours_span(hours: list[int]) -> str:
    return ", ".join(f"{h:02d}:00–{(h + 1) % 24:02d}:00" for h in hours)


def bars(counts: list[int]) -> str:
    """A one-line histogram: ▁▂▃▄▅▆▇█ scaled to the largest count; a dot for none."""
    top = max(counts, default=0)
    if not top:
        return "·" * len(counts)
    blocks = "▁▂▃▄▅▆▇█"
    return "".join("·" if c == 0 else blocks[min(7, round((c / top) * 7))] for c in counts)


def trigger_lines(data: dict[str, Any], lang: str | None = None) -> list[str]:
    """The triggers report as text lines (the TUI shows the same lines)."""
    if not data["events"]:
        return [t("trackers.triggers_none", lang, name=data["tracker"])]
    lines = [
        t(
            "trackers.triggers_title",
            lang,
            name=data["tracker"],
            events=data["events"],
            slips=data["slips"],
            urges=data["urges"],
        )
    ]
    if data["triggers"]:
        lines.append(t("trackers.triggers_common", lang))
        for row in data["triggers"][:8]:
            line = t(
                "trackers.triggers_row",
                lang,
                trigger=row["trigger"],
                count=row["count"],
                share=round(row["share"] * 100),
            )
            if row["average_urge"] is not None:
                line += t("trackers.triggers_avg", lang, urge=row["average_urge"])
            lines.append(f"  • {line}")
    else:
        lines.append(t("trackers.triggers_unnamed", lang))
    lines.append(t("trackers.triggers_hours", lang, hours=hours_span(data["peak_hours"])))
    days = ", ".join(weekday(d, lang) for d in data["peak_weekdays"])
    lines.append(t("trackers.triggers_weekdays", lang, days=days))
    months = ", ".join(f"{month}: {n}" for month, n in list(data["by_month"].items())[-6:])
    lines.append(t("trackers.triggers_by_month", lang, months=months))
    lines.append(t("trackers.triggers_by_hour", lang))
    lines.append(f"  {bars(data['hours'])}")
    lines.append("  0     6     12    18   23")
    return lines
