"""Safety: crisis detection on what the user writes, a guard on what the model says.

`detect(text, lang)` is deterministic and offline. Every free text the user
enters passes through it before anything else sees it (see
`coach.cli.safety_gate` and `coach.tui.safety_gate`). The rules are compiled
on first use, so `coach sos` (which needs none of them) starts at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from coach.safety.detection import Detection, Level

if TYPE_CHECKING:
    from coach.safety.detector import detect

__all__ = ["Detection", "Level", "detect"]


def __getattr__(name: str):
    if name == "detect":
        from coach.safety.detector import detect

        return detect
    raise AttributeError(name)
