"""The guard on the model's replies: nothing unsafe reaches the user, even mid-stream.

It blocks and replaces: medicine names with doses or schedules (or given as
advice), any method or means of self-harm or suicide, lethal quantities,
diagnoses, claims to be a human, a doctor or a therapist, and anything that
encourages harm. The replacement is short and kind and points to a person who
can help, or to the SOS screen. `ReplyGuard` does the same on a stream: it
holds back the unfinished sentence, and once it blocks, the rest is dropped.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from coach.i18n import t
from coach.safety.normalize import normalize

_MEDICATIONS = Path(__file__).resolve().parent / "data" / "medications.toml"

_PATTERNS = Path(__file__).resolve().parent / "data" / "guard.toml"

# Which kind replacement each rule family gets (keys of `safety.guard.*`).
REPLACEMENT = {
    "medication": "medication",
    "method": "harm",
    "lethal": "harm",
    "encouragement": "harm",
    "diagnosis": "diagnosis",
    "identity": "identity",
}


def _compile(entry: dict) -> re.Pattern[str]:
    if "words" in entry:
        return re.compile(r"\b(?:" + "|".join(entry["words"]) + r")\b")
    return re.compile("|".join(entry["any"]) if isinstance(entry["any"], list) else entry["any"])


with _PATTERNS.open("rb") as _fh:
    _DATA = tomllib.load(_fh)
_P = {name: _compile(entry) for name, entry in _DATA["patterns"].items()}
_DOSE, _STRONG_DOSE, _COUNT = _P["dose"], _P["strong_dose"], _P["count"]
_SCHEDULE, _ADVICE, _PROFESSIONAL = _P["schedule"], _P["advice"], _P["professional"]
_EFFICACY, _CHANGE = _P["efficacy"], _P["change"]
_RULES: list[tuple[str, re.Pattern[str]]] = [(r["family"], _compile(r)) for r in _DATA["rule"]]


@cache
def _medications() -> tuple[re.Pattern[str], re.Pattern[str]]:
    with _MEDICATIONS.open("rb") as fh:
        data = tomllib.load(fh)
    names = sorted(data["names"], key=len, reverse=True)
    generic = sorted(data["generic"], key=len, reverse=True)
    by_name = re.compile(r"\b(?:" + "|".join(map(re.escape, names)) + r")\b")
    by_kind = re.compile(r"\b(?:" + "|".join(map(re.escape, generic)) + r")\b")
    return by_name, by_kind


_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|\n|$)")


def _medication(plain: str) -> list[str]:
    """Medicine names with a dose, a schedule, or advice; or a dose in mg on its own."""
    by_name, by_kind = _medications()
    reasons = []
    sentences = [s.group(0) for s in _SENTENCE.finditer(plain) if s.group(0).strip()]
    for i, sentence in enumerate(sentences):
        # A name in one sentence and its dose in the next still belong together.
        window = sentence if i == 0 else sentences[i - 1] + " " + sentence
        name = by_name.search(window)
        kind = by_kind.search(window) or _COUNT.search(window)
        dose = _DOSE.search(sentence) or _COUNT.search(sentence)
        schedule = _SCHEDULE.search(sentence)
        if (name or kind) and (dose or (schedule and (name or _COUNT.search(window)))):
            found = name or kind
            extra = dose or schedule
            reasons.append(f"guard.medication: '{found.group(0)}' + '{extra.group(0)}'")
        elif _STRONG_DOSE.search(sentence):
            reasons.append(f"guard.medication: '{_STRONG_DOSE.search(sentence).group(0)}'")
        elif (m := by_name.search(sentence)) and (
            (_ADVICE.search(sentence) and not _PROFESSIONAL.search(sentence))
            or _EFFICACY.search(sentence)
        ):
            # Advice or praise for a named medicine; naming a doctor makes it a referral,
            # unless the reply also vouches for the medicine ("ask for Xanax, it works").
            advice = _ADVICE.search(sentence) or _EFFICACY.search(sentence)
            reasons.append(f"guard.medication: '{m.group(0)}' + '{advice.group(0)}'")
        elif (
            (m := by_name.search(sentence) or by_kind.search(sentence))
            and (change := _CHANGE.search(sentence))
            and not _PROFESSIONAL.search(sentence)
        ):
            # "Stop taking your antidepressants": a change of treatment, any medicine word.
            reasons.append(f"guard.medication: '{change.group(0)}' + '{m.group(0)}'")
    return reasons


@dataclass
class Verdict:
    allowed: bool
    reasons: list[str] = field(default_factory=list)
    text: str = ""


def _family(reason: str) -> str:
    return reason.split(":", 1)[0].removeprefix("guard.")


def replacement(reasons: list[str], lang: str | None = None) -> str:
    """The kind text shown instead: the most serious family decides its wording."""
    families = [_family(r) for r in reasons]
    for family in ("encouragement", "method", "lethal", "medication", "diagnosis", "identity"):
        if family in families:
            return t(f"safety.guard.{REPLACEMENT[family]}", lang)
    return t("safety.guard.harm", lang)


def judge(text: str) -> list[str]:
    """The reasons a reply must not be shown (empty when it may)."""
    plain = normalize((text or "").replace("\n", " .\n"))
    reasons = [
        f"guard.{family}: '{m.group(0)}'" for family, rx in _RULES if (m := rx.search(plain))
    ]
    return reasons + _medication(plain)


def check_reply(text: str, lang: str | None = None) -> Verdict:
    reasons = judge(text)
    if reasons:
        return Verdict(False, reasons, replacement(reasons, lang))
    return Verdict(True, [], text)


# Where a sentence ends: the text up to here can be judged and shown.
_BOUNDARY = re.compile(r"[.!?…]+[\"'»)\]]*\s+|\n")
_MAX_HELD = 400  # a reply with no punctuation is still released, in pieces


class ReplyGuard:
    """Judges a streamed reply sentence by sentence.

    `feed(chunk)` returns the text that is safe to show now; the unfinished
    sentence is held back until it ends (a dose split as "20" + "0 mg" is judged
    whole). `finish()` judges and returns the rest. Once blocked, the kind
    replacement is returned once and every later chunk is dropped.
    """

    def __init__(self, lang: str | None = None) -> None:
        self.lang = lang
        self.blocked = False
        self.reasons: list[str] = []
        self._shown = ""  # judged and released: later sentences are judged with it
        self._pending = ""

    def feed(self, chunk: str) -> str:
        if self.blocked or not chunk:
            return ""
        self._pending += chunk
        ends = list(_BOUNDARY.finditer(self._pending))
        cut = ends[-1] if ends else None
        if cut is not None:
            end = cut.end()
        elif len(self._pending) > _MAX_HELD:
            # No sentence end in sight: release up to a space well before the tail.
            end = self._pending.rfind(" ", 0, len(self._pending) - 60) + 1
            if end <= 0:
                return ""
        else:
            return ""
        ready, self._pending = self._pending[:end], self._pending[end:]
        return self._release(ready)

    def finish(self) -> str:
        if self.blocked:
            return ""
        ready, self._pending = self._pending, ""
        return self._release(ready) if ready else ""

    @property
    def text(self) -> str:
        """Everything shown so far (the replacement included, once blocked)."""
        return self._shown

    def _release(self, ready: str) -> str:
        reasons = judge(self._shown + ready)
        if not reasons:
            self._shown += ready
            return ready
        self.blocked = True
        self.reasons = reasons
        out = replacement(reasons, self.lang)
        if self._shown and not self._shown.endswith(("\n", " ")):
            out = " " + out
        self._shown += out
        return out
