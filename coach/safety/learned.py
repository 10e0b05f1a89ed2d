"""A second reader for `detect`: a linear model learned from the labelled corpus.

The rules (rules.toml) are precise and explain themselves, but they only know
the wording someone thought of. This model weighs every word, word pair and
concept of the message (the rules' own lexicons: an intent, a means, a time,
a farewell...) with weights learned from every labelled message in
`tests/safety/corpus`, so wording never seen as a whole still scores by its
parts. It is plain arithmetic over a data file: deterministic, offline, and
its reasons are the features that weighed most.

`coach/safety/training.py` writes `data/learned.json`; nothing here learns.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from coach.safety import rules as R

DATA = Path(__file__).resolve().parent / "data" / "learned.json"
FORMAT = 1
_TOKEN = re.compile(r"[a-z0-9]+|[.!?;,:]")
_WORDS = re.compile(r"[a-z0-9]+")
# Cues after which the next few words are read as negated ("I would never do it").
_NEGATORS = frozenset(
    {"not", "never", "no", "nothing", "nobody", "cannot", "ne", "pas", "jamais", "rien"}
    | {"aucun", "aucune", "personne"}
)
_NEG_SPAN = 4
_FEATURE_VALUE = 0.25
# The rules' lexicons, each a concept: seen anywhere, they give one feature each.
_PIECES = (
    "INTENT_EN",
    "INTENT_FR",
    "SUI_EN",
    "SUI_FR",
    "SH_EN",
    "SH_FR",
    "LIVE_EN",
    "LIVE_FR",
    "NOW_STRICT",
    "PILLS",
    "MANY",
    "OTHER",
    "VIOLENT_EN",
    "VIOLENT_FR",
)
_CONCEPT_MARKERS = (
    "negation",
    "past",
    "recent",
    "laugh",
    "hypothetical",
    "fiction",
    "activity",
    "coping",
    "recovering",
    "away",
    "see_you",
    "bereavement",
    "safe_with",
    "third_now",
    "third_subject",
    "first_subject",
    "death_topic",
    "pill_topic",
    "backstop_core",
    "backstop_now",
    "wished",
    "passive",
    "completed",
    "accident",
)


@cache
def _concepts() -> tuple[tuple[str, re.Pattern[str]], ...]:
    found = [(name, re.compile(R.expand("(?:" + R.PIECES[name] + ")"))) for name in _PIECES]
    found += [(name, R.MARKERS[name]) for name in _CONCEPT_MARKERS]
    return tuple(found)


def _words(plain: str) -> list[str]:
    """The words, a "|" between clauses, and "~" before a word a negation reaches."""
    out: list[str] = []
    reach = 0
    for token in _TOKEN.findall(plain):
        if not token[0].isalnum():
            out.append("|")
            reach = 0
        elif token in _NEGATORS:
            out.append(token)
            reach = _NEG_SPAN
        else:
            out.append("~" + token if reach else token)
            reach = max(0, reach - 1)
    return out


def _negated_at(plain: str, start: int) -> bool:
    """A negation among the few words before `start`, in the same clause."""
    before = _words(plain[:start])[-_NEG_SPAN:]
    if "|" in before:
        before = before[len(before) - before[::-1].index("|") :]
    return any(w in _NEGATORS for w in before)


def features(plain: str) -> dict[str, float]:
    """The features of a normalised message (names in a fixed order, each worth the same)."""
    words = _words(plain)
    names: set[str] = {"w:" + w for w in words if w != "|"}
    names.update(f"b:{a}_{b}" for a, b in itertools.pairwise(words) if "|" not in (a, b))
    if "~" in plain:  # a figure of speech was blanked: "this exam is killing me"
        names.add("k:idiom")
    for name, pattern in _concepts():
        for m in pattern.finditer(plain):
            names.add(("k:~" if _negated_at(plain, m.start()) else "k:") + name)
    # Every feature weighs the same whatever the length: a long message brings more
    # evidence and may score further from the middle; three words cannot be sure.
    # Sorted, so the sums are made in the same order on every run.
    return dict.fromkeys(sorted(names), _FEATURE_VALUE)


@dataclass(frozen=True)
class Head:
    """One yes-or-no question (is it a crisis? is it at least a concern?).

    Two readers of the same features vote, their log-odds averaged: a logistic
    regression (`weights`, fitted jointly, good at what outweighs what) and
    naive Bayes (`ratios`, each feature's own odds, good with rare words).
    Each errs where the other does not; together they miss less at the same
    rate of false alarms (tests/safety/corpus/README.md has the numbers).
    """

    bias: float
    weights: dict[str, float]
    threshold: float
    prior: float = 0.0
    ratios: dict[str, float] = field(default_factory=dict)

    def _pushes(self, feats: dict[str, float]) -> list[tuple[float, str]]:
        return [
            ((self.weights.get(k, 0.0) * v + self.ratios.get(k, 0.0)) / 2, k)
            for k, v in feats.items()
        ]

    def score(self, feats: dict[str, float]) -> float:
        """The log-odds of yes: 0 is a coin toss; `threshold` is in the same units."""
        return (self.bias + self.prior) / 2 + sum(push for push, _k in self._pushes(feats))

    def top(self, feats: dict[str, float], n: int = 3) -> list[str]:
        """The features that pushed hardest towards yes, readable."""
        pushes = sorted(self._pushes(feats), reverse=True)
        return [_readable(k) for push, k in pushes[:n] if push > 0]


def _readable(feature: str) -> str:
    kind, _, value = feature.partition(":")
    if kind == "b":
        return value.replace("_", " ")
    if kind == "k":
        return value.lower()
    return value


@dataclass(frozen=True)
class Lean:
    """A second way to a crisis: the crisis head leaning towards it (at least `crisis`)
    while the concern head is sure the message is serious (at least `concern`).

    Each head alone must stay cautious; where both point the same way, a lower
    crisis score is enough. The training chooses both bars on held-out folds.
    """

    crisis: float = math.inf
    concern: float = math.inf


@dataclass(frozen=True)
class Veto:
    """Where both heads read a message as plainly harmless (crisis score at most
    `crisis`, concern score at most `concern`), a crisis from the rules alone is
    lowered to a concern: "this night shift is killing me... ready to die on the hill
    of their broadband bill". The training ships the bars that spare the most held-out
    harmless messages while lowering at most `training.VETO_COST` of held-out crises, and
    never one under twelve words.
    """

    crisis: float = -math.inf
    concern: float = -math.inf


@dataclass(frozen=True)
class Model:
    crisis: Head
    concern: Head  # at least a concern: crisis or concern
    trained_on: int
    lean: Lean = Lean()
    veto: Veto = Veto()

    def is_crisis(self, crisis: float, concern: float) -> bool:
        """Whether the two scores of a message make a crisis."""
        if crisis >= self.crisis.threshold:
            return True
        return crisis >= self.lean.crisis and concern >= self.lean.concern

    def doubts(self, crisis: float, concern: float) -> bool:
        """Whether both scores say a rules' crisis is plainly harmless."""
        return crisis <= self.veto.crisis and concern <= self.veto.concern


@cache
def model() -> Model | None:
    """The shipped model, or None when its file is missing (the rules still run)."""
    try:
        raw = json.loads(DATA.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if raw.get("format") != FORMAT:
        return None
    heads = {
        name: Head(
            raw[name]["bias"],
            raw[name]["weights"],
            raw[name]["threshold"],
            raw[name].get("prior", 0.0),
            raw[name].get("ratios", {}),
        )
        for name in ("crisis", "concern")
    }
    lean = raw.get("lean") or {}
    veto = raw.get("veto") or {}
    return Model(
        heads["crisis"],
        heads["concern"],
        raw.get("trained_on", 0),
        Lean(lean.get("crisis", math.inf), lean.get("concern", math.inf)),
        Veto(veto.get("crisis", -math.inf), veto.get("concern", -math.inf)),
    )


# Words a message needs before the veto may doubt the rules: a message that is nothing but
# its risk words ("j'ai fait une tentative de suicide hier soir") gives the model no harmless
# context to read, and there it is least reliable.
VETO_MIN_WORDS = 12


def has_context(plain: str) -> bool:
    """Whether a message is long enough for the veto to weigh it (VETO_MIN_WORDS)."""
    return len(_WORDS.findall(plain)) >= VETO_MIN_WORDS


@dataclass(frozen=True)
class Reading:
    crisis: float  # log-odds, compared with the head's threshold
    concern: float
    crisis_words: list[str]
    concern_words: list[str]


def read(plain: str) -> Reading | None:
    """The model's two scores for a normalised message, with what drove them."""
    m = model()
    if m is None:
        return None
    feats = features(plain)
    if not feats:
        return Reading(-math.inf, -math.inf, [], [])  # no words, nothing to read
    return Reading(
        m.crisis.score(feats), m.concern.score(feats), m.crisis.top(feats), m.concern.top(feats)
    )
