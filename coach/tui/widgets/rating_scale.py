"""A row of numbers to pick a rating from: ←/→, a digit, or a click. Backspace clears."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget


class RatingScale(Widget, can_focus=True):
    DEFAULT_CSS = """
    RatingScale { height: 1; width: auto; padding: 0 1; }
    RatingScale:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("left,h", "step(-1)", show=False),
        Binding("right,l", "step(1)", show=False),
        Binding("backspace,delete", "clear", show=False),
        Binding("enter", "app.focus_next", show=False),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, scale: RatingScale, value: int | None) -> None:
            super().__init__()
            self.scale = scale
            self.value = value

        @property
        def control(self) -> RatingScale:
            return self.scale

    def __init__(
        self,
        low: int,
        high: int,
        value: int | None = None,
        empty_label: str = "–",
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self.low, self.high = low, high
        self.empty_label = empty_label
        self.set_reactive(RatingScale.value, value)

    def render(self) -> Text:
        text = Text()
        for number in range(self.low, self.high + 1):
            cell = f" {number} "
            if number == self.value:
                text.append(cell, style="bold reverse")
            else:
                text.append(cell, style="dim" if self.value is not None else "")
        text.append("   ")
        text.append(str(self.value) if self.value is not None else self.empty_label, style="bold")
        return text

    def watch_value(self, value: int | None) -> None:
        self.post_message(self.Changed(self, value))

    def action_step(self, delta: int) -> None:
        if self.value is None:
            self.value = (self.low + self.high + 1) // 2  # start from the middle
            return
        self.value = min(self.high, max(self.low, self.value + delta))

    def action_clear(self) -> None:
        self.value = None

    def on_key(self, event: events.Key) -> None:
        if event.character and event.character.isdigit():
            number = int(event.character)
            # "0" means 10 on a 1-10 scale: one key for every value.
            if number == 0 and self.low >= 1 and self.high == 10:
                number = 10
            if self.low <= number <= self.high:
                event.stop()
                self.value = number

    def on_click(self, event: events.Click) -> None:
        index = (event.x - 1) // 3
        number = self.low + index
        if self.low <= number <= self.high:
            self.value = number
