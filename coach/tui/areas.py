"""The areas the home screen leads to.

A screen module in `coach/tui/screens/` that defines `AREA = Area(...)` appears
on the home screen and in the command palette; nothing else needs editing.
Only areas that are built exist, so there are no placeholder screens.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.screen import Screen

    from coach.context import Context


@dataclass(frozen=True)
class Area:
    id: str
    order: int
    key: str  # the key on the home screen
    title: str  # i18n key
    description: str  # i18n key
    screen: Callable[..., Screen]  # called with the Context and any options
    glance: Callable[[Context], str | None] | None = None  # one line for "today"
    hidden: bool = False  # reachable (palette, other screens) but not listed on home

    def open(self, context: Context, **options: Any) -> Screen:
        return self.screen(context, **options)


def discover() -> list[Area]:
    import coach.tui.screens as screens

    found: list[Area] = []
    for info in pkgutil.iter_modules(screens.__path__):
        module = importlib.import_module(f"coach.tui.screens.{info.name}")
        area = getattr(module, "AREA", None)
        if isinstance(area, Area):
            found.append(area)
        found.extend(a for a in getattr(module, "AREAS", ()) if isinstance(a, Area))
    return sorted(found, key=lambda a: (a.order, a.id))
