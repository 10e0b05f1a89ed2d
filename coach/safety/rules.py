"""The detector's rules, read from `data/rules.toml`.

A rule is a pattern over the normalised text (see `normalize.py`) built from
shared pieces (`%INTENT_EN%`, `%SUI_FR%`...), so one rule covers every way of
saying a thing: "i really want to end my life", "wanna unalive myself", "je
veux vraiment en finir". Each rule says how its context changes it:

- `neg`: a negation just before the match cancels it ("I would never...").
- `past`: a distant past turns crisis into concern ("2 years clean").
- `person`: the subject decides who is at risk; someone else at risk is a
  concern, or a crisis when it is happening now.
- `joke`: a laugh marker next to it turns crisis into concern.

The rules live in a data file so they can be read, reviewed and extended
without touching code; this module only compiles them.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parent / "data" / "rules.toml"
CRISIS, CONCERN = "crisis", "concern"


def _alternatives(value: str | list[str]) -> str:
    return value if isinstance(value, str) else "|".join(value)


def _source(entry: dict[str, Any]) -> str:
    if "words" in entry:
        return r"\b(?:" + _alternatives(entry["words"]) + r")\b"
    return _alternatives(entry["any"])


with DATA.open("rb") as _fh:
    _DATA = tomllib.load(_fh)

PIECES: dict[str, str] = {k: _alternatives(v) for k, v in _DATA["pieces"].items()}
# Every medicine the guard knows (data/medications.toml), for "stockpiling my sertraline".
with (DATA.parent / "medications.toml").open("rb") as _fh:
    _MEDS = tomllib.load(_fh)
PIECES["MEDNAME"] = "|".join(
    re.escape(n) for n in sorted(_MEDS["names"] + _MEDS["generic"], key=len, reverse=True)
)


def expand(pattern: str) -> str:
    """A pattern with every `%PIECE%` replaced by its alternatives."""
    for _ in range(4):  # pieces may name other pieces
        pattern = re.sub(r"%([A-Z_0-9]+)%", lambda m: "(?:" + PIECES[m.group(1)] + ")", pattern)
    return pattern


def compile_entry(entry: dict[str, Any]) -> re.Pattern[str]:
    return re.compile(expand(_source(entry)))


@dataclass(frozen=True)
class Rule:
    id: str
    level: str
    pattern: re.Pattern[str]
    neg: bool = True  # a negation just before cancels it
    past: bool = True  # a distant past turns crisis into concern
    person: bool = False  # the subject decides who is at risk
    joke: bool = True  # a laugh marker turns crisis into concern


RULES: list[Rule] = [
    Rule(
        raw["id"],
        raw["level"],
        compile_entry(raw),
        neg=raw.get("neg", True),
        past=raw.get("past", True),
        person=raw.get("person", False),
        joke=raw.get("joke", True),
    )
    for raw in _DATA["rule"]
]

MARKERS = {name: compile_entry(entry) for name, entry in _DATA["markers"].items()}
# Signs of a body in danger, one pattern per kind ("breath", "chest", "water"...).
ACUTE = {kind: compile_entry({"words": words}) for kind, words in _DATA["acute"].items()}
_MARKERS = MARKERS
# Someone else's acts ("she wants to kill herself", "il veut se suicider").
THIRD_ACTS = _MARKERS["third_acts"]
# ...happening now ("tonight", "on the bridge", "has a knife").
THIRD_NOW = _MARKERS["third_now"]
THIRD_SUBJECT = _MARKERS["third_subject"]
FIRST_SUBJECT = _MARKERS["first_subject"]
# A negation cue just before a match: "I would never", "je ne vais pas", "no intention of".
NEGATION = _MARKERS["negation"]
# Words that cut the negation's reach: "I don't know WHY I want to die".
NEG_BARRIER = _MARKERS["neg_barrier"]
# A distant past, or recovery.
PAST = _MARKERS["past"]
# An accident, not self-harm: "burned myself on the oven door, nothing serious".
ACCIDENT = _MARKERS["accident"]
RECENT = _MARKERS["recent"]
LAUGH = _MARKERS["laugh"]
# A story, an essay, a character: not the user's own intent.
HYPOTHETICAL = _MARKERS["hypothetical"]
FICTION = _MARKERS["fiction"]
# A trip, a wedding, a leaving card: what explains a rope or "everything is arranged".
ACTIVITY = _MARKERS["activity"]
# "...but I'm using my coping skills": an urge being handled.
COPING = _MARKERS["coping"]
