"""The days with a check-in over the last weeks: a row a weekday, a column a week."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from coach.services.charts import GAP, calendar_weeks, sparkline
from coach.tui.widgets.mood_sparkline import mood_colour


class CheckinCalendar(Static):
    DEFAULT_CSS = """
    CheckinCalendar { height: 7; width: auto; }
    """

    def __init__(
        self, calendar: dict[str, float], today: date, weekdays: list[str], weeks: int = 13, **kw
    ) -> None:
        super().__init__(**kw)
        self.calendar, self.today, self.weekdays, self.weeks = calendar, today, weekdays, weeks

    def render(self) -> Text:
        columns = calendar_weeks(self.calendar, self.today, self.weeks)
        text = Text()
        for row in range(7):
            text.append(f"{self.weekdays[row]:<3}", style="dim")
            for week in columns:
                day = week[row]
                key = day.isoformat()
                if day > self.today:
                    text.append("  ")
                elif key in self.calendar:
                    # The bar's height says the mood too: colour is never the only cue.
                    mood = self.calendar[key]
                    text.append(f"{sparkline([mood])} ", style=mood_colour(mood))
                else:
                    text.append(f"{GAP} ", style="dim")
            if row < 6:
                text.append("\n")
        return text
