"""The two readings the detector tests ask for: the whole detector's, and the rules' alone."""

from __future__ import annotations

from coach.safety import Level, detect
from coach.safety.detector import analyse


def level(text: str, lang: str = "en") -> str:
    return detect(text, lang).level


def rules_level(text: str) -> str:
    """The level the rules alone give, before the learned reader is asked."""
    levels = {found[0] for found in analyse(text)}
    return next((lv for lv in (Level.CRISIS, Level.CONCERN) if lv in levels), Level.NONE)


def rules_crisis(text: str) -> None:
    assert rules_level(text) == Level.CRISIS, text


def rules_not_crisis(text: str) -> None:
    assert rules_level(text) != Level.CRISIS, text


def rules_concern(text: str) -> None:
    assert rules_level(text) == Level.CONCERN, text
