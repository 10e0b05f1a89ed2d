"""Text charts: sparklines, squeezed series, the check-in calendar, numbers in the language.

Plain strings, so the shell and the TUI draw the same thing (the TUI adds colour).
"""

from __future__ import annotations

from datetime import date, timedelta

from coach.i18n import number as number  # the charts speak numbers too

BARS = "▁▂▃▄▅▆▇█"
GAP = "·"  # a day without a check-in


def sparkline(values: list[float | None], low: float = 1, high: float = 10) -> str:
    span = max(high - low, 1e-9)
    out = []
    for value in values:
        if value is None:
            out.append(GAP)
            continue
        ratio = min(max((value - low) / span, 0.0), 1.0)
        out.append(BARS[round(ratio * (len(BARS) - 1))])
    return "".join(out)


def squeeze(series: list[float | None], size: int = 3) -> list[float | None]:
    """Average `size` days into one bar, so 90 days fit a terminal line."""
    out: list[float | None] = []
    for i in range(0, len(series), size):
        present = [v for v in series[i : i + size] if v is not None]
        out.append(sum(present) / len(present) if present else None)
    return out


def calendar_weeks(calendar: dict[str, float], today: date, weeks: int = 13) -> list[list[date]]:
    """Columns of weeks (Monday first) ending with the current week, for a calendar grid."""
    monday = today - timedelta(days=today.weekday())
    first = monday - timedelta(weeks=weeks - 1)
    return [[first + timedelta(weeks=w, days=d) for d in range(7)] for w in range(weeks)]


def calendar_rows(
    calendar: dict[str, float], today: date, weeks: int = 13, weekday_names: list[str] | None = None
) -> list[str]:
    """A text calendar: one row a weekday, one column a week; a bar for the day's mood.

    `·` marks a day without a check-in and a blank a day still to come.
    """
    columns = calendar_weeks(calendar, today, weeks)
    names = weekday_names or ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]
    rows = []
    for d in range(7):
        cells = []
        for week in columns:
            day = week[d]
            if day > today:
                cells.append(" ")
            elif day.isoformat() in calendar:
                cells.append(sparkline([calendar[day.isoformat()]]))
            else:
                cells.append(GAP)
        rows.append(f"{names[d]:<3}" + " ".join(cells))
    return rows
