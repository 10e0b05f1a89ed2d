"""A 0 to 10 rating for before and after an exercise: ←/→, a digit, or a click.

Typing 1 then 0 gives 10. Backspace clears it: a rating is always optional.
Enter is left to the screen, which starts or saves the exercise with it.
"""

from __future__ import annotations

import time

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.reactive import reactive
from textual.widget import Widget

LOW, HIGH = 0, 10
TEN_WINDOW = 1.5  # seconds in which "1" then "0" means 10


class RatingRow(Widget, can_focus=True):
    DEFAULT_CSS = """
    RatingRow { height: 1; width: auto; padding: 0 1; }
    RatingRow:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("left", "step(-1)", show=False),
        Binding("right", "step(1)", show=False),
        Binding("backspace,delete", "clear", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    def __init__(self, value: int | None = None, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.set_reactive(RatingRow.value, value)
        self._last_one = 0.0

    def render(self) -> Text:
        text = Text()
        for number in range(LOW, HIGH + 1):
            cell = f" {number} "
            if number == self.value:
                text.append(cell, style="bold reverse")
            else:
                text.append(cell, style="dim" if self.value is not None else "")
        text.append("   ")
        text.append(str(self.value) if self.value is not None else "–", style="bold")
        return text

    def action_step(self, delta: int) -> None:
        if self.value is None:
            self.value = 5
            return
        self.value = min(HIGH, max(LOW, self.value + delta))

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: events.Key) -> None:
        if not (event.character and event.character.isdigit()):
            return
        event.stop()
        number = int(event.character)
        now = time.monotonic()
        if number == 0 and self.value == 1 and now - self._last_one < TEN_WINDOW:
            number = 10
        self._last_one = now if number == 1 else 0.0
        self.value = number

    def on_click(self, event: events.Click) -> None:
        number = LOW + (event.x - 1) // 3
        if LOW <= number <= HIGH:
            self.value = number
