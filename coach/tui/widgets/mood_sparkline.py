"""One line of mood: a label, a bar a day (· for a day without a check-in), the average."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from coach.services.charts import BARS, GAP

# Low moods in warm colours, good ones in cool: readable without being alarming.
_COLOURS = ("#d97757", "#d9a557", "#c9c25a", "#8cbf6a", "#5fb3a1")


def mood_colour(value: float) -> str:
    ratio = min(max((value - 1) / 9, 0.0), 1.0)
    return _COLOURS[min(int(ratio * len(_COLOURS)), len(_COLOURS) - 1)]


class MoodSparkline(Static):
    DEFAULT_CSS = """
    MoodSparkline { height: 1; }
    """

    def __init__(self, label: str, series: list[float | None], detail: str, **kwargs) -> None:
        super().__init__(**kwargs)
        self.label, self.series, self.detail = label, series, detail

    def render(self) -> Text:
        text = Text()
        text.append(f"{self.label:<10}", style="bold")
        for value in self.series:
            if value is None:
                text.append(GAP, style="dim")
            else:
                ratio = min(max((value - 1) / 9, 0.0), 1.0)
                text.append(BARS[round(ratio * (len(BARS) - 1))], style=mood_colour(value))
        text.append(f"  {self.detail}", style="dim")
        return text
