"""The safety gate for the TUI: call `check(screen, text)` before using any free text.

On crisis the SOS screen opens at once (the caller must then send nothing to a
model); on concern a kind notice points at F1. The caller still saves the text.
"""

from __future__ import annotations

from textual.screen import Screen

from coach.i18n import t
from coach.safety import Detection, detect


def check(screen: Screen, text: str) -> Detection:
    context = getattr(screen, "context", None) or screen.app.context
    detection = detect(text, context.lang)
    if detection.is_crisis:
        from coach.tui.screens.sos import SosScreen

        if not isinstance(screen.app.screen, SosScreen):
            screen.app.push_screen(SosScreen(context, detected=True))
    elif detection.is_concern:
        screen.notify(t("safety.concern_tui", context.lang), timeout=12)
    return detection
