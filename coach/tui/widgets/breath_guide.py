"""The breathing shape: a soft disc that grows on the inhale, holds, and shrinks on the exhale.

It only draws `level` (0 empty, 1 full): the engine decides the level, so the
shape never drifts from the words and the timer beside it. Edges are shaded
with ░▒▓ so the growth looks smooth even at terminal resolution.
"""

from __future__ import annotations

import math

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

SHADES = " ░▒▓█"
MIN_RADIUS = 0.18  # of the largest radius: the disc never vanishes, so the eye can rest on it


class BreathGuide(Widget):
    DEFAULT_CSS = """
    BreathGuide { width: 100%; height: 13; color: $primary; }
    BreathGuide.-in { color: $accent; }
    BreathGuide.-out { color: $secondary; }
    """

    level: reactive[float] = reactive(0.0)

    def set_action(self, action: str) -> None:
        """Colour by what the breath does: in, out, or held."""
        self.set_class(action in ("inhale", "inhale_more"), "-in")
        self.set_class(action == "exhale", "-out")

    def render(self) -> Text:
        width, height = self.size.width, self.size.height
        if width <= 0 or height <= 0:
            return Text()
        # Cells are about twice as tall as wide: measure x in half-cells so the disc is round.
        max_radius = max(1.0, min(height / 2 - 0.5, width / 4 - 0.5))
        radius = max_radius * (MIN_RADIUS + (1 - MIN_RADIUS) * max(0.0, min(1.0, self.level)))
        cy, cx = (height - 1) / 2, (width - 1) / 2
        text = Text(no_wrap=True, overflow="crop")
        for y in range(height):
            row = []
            for x in range(width):
                distance = math.hypot((x - cx) / 2, y - cy)
                fill = max(0.0, min(1.0, radius - distance + 0.5))
                row.append(SHADES[round(fill * (len(SHADES) - 1))])
            text.append("".join(row))
            if y < height - 1:
                text.append("\n")
        return text
