"""Checks on what the user types: each bad value becomes one translated line."""

from __future__ import annotations

import math
import unicodedata
from datetime import datetime, timedelta, tzinfo

from coach.errors import CoachError
from coach.i18n import t
from coach.trackers.model import KINDS
from coach.trackers.timeutil import parse_user_datetime, utc

MAX_NAME = 40
MAX_NOTE = 4000
MAX_TRIGGER = 60
MAX_AMOUNT = 100_000.0
# French words for the kinds, so `--kind alcool` works for a French speaker.
_KIND_ALIASES = {
    "alcool": "alcohol",
    "drug": "substance",
    "drugs": "substance",
    "drogue": "substance",
    "selfharm": "self-harm",
    "self_harm": "self-harm",
    "automutilation": "self-harm",
    "jeu": "gambling",
    "jeux": "gambling",
    "autre": "other",
}


def name(text: str) -> str:
    clean = " ".join(text.split())
    if not clean or len(clean) > MAX_NAME or any(_control(c) for c in clean):
        raise CoachError(t("trackers.bad_name", max=MAX_NAME))
    return clean


def kind(text: str) -> str:
    value = text.strip().lower()
    value = _KIND_ALIASES.get(value, value)
    if value not in KINDS:
        raise CoachError(t("trackers.bad_kind", value=text, kinds=", ".join(KINDS)))
    return value


def amount(text: str) -> float:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or not 0 <= value <= MAX_AMOUNT:
        raise CoachError(t("trackers.bad_cost", value=text))
    return round(value, 2)


def minutes(text: str) -> int:
    value = _integer(text)
    if value is None or not 0 <= value <= 1440:
        raise CoachError(t("trackers.bad_minutes", value=text))
    return value


def rating(text: str) -> int:
    value = _integer(text)
    if value is None or not 1 <= value <= 5:
        raise CoachError(t("trackers.bad_rating", value=text))
    return value


def urge(text: str) -> int:
    value = _integer(text)
    if value is None or not 0 <= value <= 10:
        raise CoachError(t("trackers.bad_urge", value=text))
    return value


def note(text: str | None) -> str:
    clean = (text or "").strip()
    if len(clean) > MAX_NOTE:
        raise CoachError(t("trackers.bad_note", max=MAX_NOTE))
    return clean


def trigger(text: str | None) -> str:
    clean = " ".join((text or "").split())
    if len(clean) > MAX_TRIGGER or any(_control(c) for c in clean):
        raise CoachError(t("trackers.bad_trigger", max=MAX_TRIGGER))
    return clean


def when(text: str, now: datetime, zone: tzinfo, option: str) -> datetime:
    """A past (or present) moment; a future one is refused: progress is not counted ahead."""
    try:
        value = parse_user_datetime(text, now, zone)
    except ValueError:
        raise CoachError(t("trackers.bad_datetime", option=option, value=text)) from None
    if utc(value) > utc(now) + timedelta(minutes=1):
        raise CoachError(t("trackers.future", option=option, value=text))
    if value.year < 1900:
        raise CoachError(t("trackers.bad_datetime", option=option, value=text))
    return value


def _integer(text: str) -> int | None:
    raw = str(text).strip()
    digits = raw[1:] if raw.startswith(("+", "-")) else raw
    if not (digits.isascii() and digits.isdigit()):
        return None
    return int(raw)


def _control(char: str) -> bool:
    return unicodedata.category(char).startswith("C")
