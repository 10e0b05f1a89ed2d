"""What an exercise file holds, and the checks that turn a TOML table into an `Exercise`.

A file is read into plain dataclasses once; everything after that (the plan,
the engine, the screens) trusts them. Every check names the field at fault
(`phases[2].seconds`) so a person editing their own file can fix it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from coach.i18n import LANGUAGES, pick

KINDS = ("breathing", "steps", "timer", "urge", "card")
CARD_CATEGORIES = ("comfort", "distract", "express", "release")
# A breath's actions. `inhale_more` is the short top-up of the physiological sigh.
ACTIONS = ("inhale", "inhale_more", "hold", "exhale", "rest")
MAX_PHASE_SECONDS = 60.0
MAX_MINUTES = 120.0

_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

Texts = dict[str, str]


class FieldError(ValueError):
    """One field of one file is wrong. `problem` is a catalogue key, `values` fill it."""

    def __init__(self, field: str, problem: str, **values: Any) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem
        self.values = values


@dataclass(frozen=True)
class BreathPhase:
    action: str
    seconds: float
    text: Texts | None = None  # overrides the usual words for the action
    level: float | None = None  # how full the lungs are at the end (0 to 1)


@dataclass(frozen=True)
class Step:
    text: Texts
    seconds: float  # the pace in plain mode; the time of the step when it has no items
    items: int = 0  # things to name or tick; the TUI waits for them
    alternative: Texts | None = None  # when the sense or the body part is not available
    release_seconds: float = 0.0  # PMR: a release phase follows the tensing


@dataclass(frozen=True)
class Exercise:
    id: str
    kind: str
    category: str
    title: Texts
    summary: Texts
    cautions: Texts
    source: str
    tags: tuple[str, ...] = ()
    # breathing
    phases: tuple[BreathPhase, ...] = ()
    cycles: int | None = None
    minutes: float | None = None
    per_day: int | None = None
    # steps, timer, urge
    intro: Texts | None = None
    steps: tuple[Step, ...] = ()
    release: Texts | None = None
    seconds: float | None = None
    prompts: tuple[Texts, ...] = ()
    check_every: float = 60.0
    # card
    text: Texts | None = None
    path: str = ""  # where it was read from
    user: bool = False  # from the user's folder
    raw: dict[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def title_in(self, lang: str | None = None) -> str:
        return pick(self.title, lang)

    def summary_in(self, lang: str | None = None) -> str:
        return pick(self.summary, lang)

    def cautions_in(self, lang: str | None = None) -> str:
        return pick(self.cautions, lang)

    @property
    def cycle_seconds(self) -> float:
        return sum(p.seconds for p in self.phases)

    @property
    def interactive_steps(self) -> bool:
        """Steps where the person names or ticks things (grounding), not timed ones (PMR)."""
        return any(s.items for s in self.steps)

    def describe(self, lang: str | None = None) -> dict[str, Any]:
        """A plain summary for `--json` and lists."""
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "category": self.category,
            "title": self.title_in(lang),
            "summary": self.summary_in(lang),
            "cautions": self.cautions_in(lang),
            "source": self.source,
            "tags": list(self.tags),
            "user": self.user,
            "path": self.path,
        }
        if self.kind == "breathing":
            out["phases"] = [{"action": p.action, "seconds": p.seconds} for p in self.phases]
            out["cycles"] = self.cycles
            out["minutes"] = self.minutes
            if self.per_day:
                out["per_day"] = self.per_day
        elif self.kind == "steps":
            out["steps"] = [
                {"text": pick(s.text, lang), "seconds": s.seconds, "items": s.items}
                | ({"release_seconds": s.release_seconds} if s.release_seconds else {})
                for s in self.steps
            ]
        elif self.kind in ("timer", "urge"):
            out["seconds"] = self.seconds
            out["minutes"] = round((self.seconds or 0) / 60, 2)
            out["prompts"] = [pick(p, lang) for p in self.prompts]
        elif self.kind == "card":
            out["text"] = pick(self.text or {}, lang)
        return out


# --- field checks -----------------------------------------------------------------------


def _texts(value: Any, name: str, langs: tuple[str, ...]) -> Texts:
    if not isinstance(value, dict):
        raise FieldError(name, "exercises.problem.texts")
    out: Texts = {}
    for key, text in value.items():
        if key not in LANGUAGES:
            raise FieldError(f"{name}.{key}", "exercises.problem.language")
        if not isinstance(text, str) or not text.strip():
            raise FieldError(f"{name}.{key}", "exercises.problem.text")
        out[key] = text.strip()
    for lang in langs:
        if lang not in out:
            raise FieldError(f"{name}.{lang}", "exercises.problem.missing")
    if not out:
        raise FieldError(name, "exercises.problem.texts")
    return out


def _number(value: Any, name: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(name, "exercises.problem.number", low=low, high=high)
    if not (low < value <= high) or value != value:  # value != value: NaN
        raise FieldError(name, "exercises.problem.number", low=low, high=high)
    return float(value)


def _count(value: Any, name: str, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise FieldError(name, "exercises.problem.count", low=low, high=high)
    return value


def _string(value: Any, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise FieldError(name, "exercises.problem.string")
    return value.strip()


def _choice(value: Any, name: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise FieldError(name, "exercises.problem.choice", allowed=", ".join(allowed))
    return value


def _table_list(value: Any, name: str) -> list[dict[str, Any]]:
    if not isinstance(value, list) or not value:
        raise FieldError(name, "exercises.problem.list")
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise FieldError(f"{name}[{i}]", "exercises.problem.table")
    return value


def _only(table: dict[str, Any], allowed: set[str], prefix: str = "") -> None:
    for key in table:
        if key not in allowed:
            raise FieldError(f"{prefix}{key}", "exercises.problem.unknown")


def _require(table: dict[str, Any], *keys: str, prefix: str = "") -> None:
    for key in keys:
        if key not in table:
            raise FieldError(f"{prefix}{key}", "exercises.problem.missing")


COMMON = {"id", "kind", "category", "title", "summary", "cautions", "source", "tags"}
BY_KIND = {
    "breathing": {"phases", "cycles", "minutes", "per_day"},
    "steps": {"intro", "steps", "release"},
    "timer": {"intro", "seconds", "minutes", "prompts"},
    "urge": {"intro", "minutes", "check_every", "prompts"},
    "card": {"text", "minutes"},
}


def parse(data: dict[str, Any], langs: tuple[str, ...] = ()) -> Exercise:
    """Check `data` (one file's table) and build the exercise; raise FieldError at the first fault.

    `langs` are the languages every text must have (both, for shipped files).
    """
    _require(data, "id", "kind")
    kind = _choice(data["kind"], "kind", KINDS)
    _only(data, COMMON | BY_KIND[kind])
    ex_id = data["id"]
    if not isinstance(ex_id, str) or not _ID.match(ex_id):
        raise FieldError("id", "exercises.problem.id")
    _require(data, "category")
    category = _string(data["category"], "category")
    if kind == "card":
        _choice(category, "category", CARD_CATEGORIES)
    _require(data, "title", "summary", "cautions", "source")
    tags = data.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(x, str) and x for x in tags):
        raise FieldError("tags", "exercises.problem.tags")
    common: dict[str, Any] = {
        "id": ex_id,
        "kind": kind,
        "category": category,
        "title": _texts(data["title"], "title", langs),
        "summary": _texts(data["summary"], "summary", langs),
        "cautions": _texts(data["cautions"], "cautions", langs),
        "source": _string(data["source"], "source"),
        "tags": tuple(tags),
        "raw": data,
    }
    return Exercise(**common, **_KIND_PARSERS[kind](data, langs))


def _parse_breathing(data: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    _require(data, "phases")
    phases = []
    for i, table in enumerate(_table_list(data["phases"], "phases")):
        name = f"phases[{i}]."
        _only(table, {"action", "seconds", "text", "level"}, name)
        _require(table, "action", "seconds", prefix=name)
        level = table.get("level")
        phases.append(
            BreathPhase(
                action=_choice(table["action"], f"{name}action", ACTIONS),
                seconds=_number(table["seconds"], f"{name}seconds", 0, MAX_PHASE_SECONDS),
                text=_texts(table["text"], f"{name}text", langs) if "text" in table else None,
                level=None if level is None else _number(level, f"{name}level", 0, 1),
            )
        )
    if not any(p.action in ("inhale", "inhale_more") for p in phases):
        raise FieldError("phases", "exercises.problem.no_inhale")
    if not any(p.action == "exhale" for p in phases):
        raise FieldError("phases", "exercises.problem.no_exhale")
    if ("cycles" in data) == ("minutes" in data):
        raise FieldError("cycles", "exercises.problem.cycles_or_minutes")
    out: dict[str, Any] = {"phases": tuple(phases)}
    if "cycles" in data:
        out["cycles"] = _count(data["cycles"], "cycles", 1, 500)
    else:
        out["minutes"] = _number(data["minutes"], "minutes", 0, MAX_MINUTES)
    if "per_day" in data:
        out["per_day"] = _count(data["per_day"], "per_day", 1, 24)
    return out


def _parse_steps(data: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    _require(data, "steps")
    steps = []
    for i, table in enumerate(_table_list(data["steps"], "steps")):
        name = f"steps[{i}]."
        _only(table, {"text", "seconds", "items", "alternative", "release_seconds"}, name)
        _require(table, "text", "seconds", prefix=name)
        steps.append(
            Step(
                text=_texts(table["text"], f"{name}text", langs),
                seconds=_number(table["seconds"], f"{name}seconds", 0, 600),
                items=_count(table.get("items", 0), f"{name}items", 0, 20),
                alternative=(
                    _texts(table["alternative"], f"{name}alternative", langs)
                    if "alternative" in table
                    else None
                ),
                release_seconds=(
                    _number(table["release_seconds"], f"{name}release_seconds", 0, 600)
                    if "release_seconds" in table
                    else 0.0
                ),
            )
        )
    out: dict[str, Any] = {"steps": tuple(steps), "intro": _optional_texts(data, "intro", langs)}
    if any(s.release_seconds for s in steps):
        _require(data, "release")
    out["release"] = _optional_texts(data, "release", langs)
    return out


def _parse_timer(data: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    if ("seconds" in data) == ("minutes" in data):
        raise FieldError("seconds", "exercises.problem.seconds_or_minutes")
    if "seconds" in data:
        seconds = _number(data["seconds"], "seconds", 0, MAX_MINUTES * 60)
    else:
        seconds = 60 * _number(data["minutes"], "minutes", 0, MAX_MINUTES)
    _require(data, "intro")
    return {
        "seconds": seconds,
        "intro": _texts(data["intro"], "intro", langs),
        "prompts": _prompts(data, langs, required=False),
    }


def _parse_urge(data: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    _require(data, "minutes", "intro", "prompts")
    minutes = _count(data["minutes"], "minutes", 1, 120)
    check = _number(data.get("check_every", 60), "check_every", 5, 600)
    return {
        "seconds": float(minutes * 60),
        "minutes": float(minutes),
        "check_every": check,
        "intro": _texts(data["intro"], "intro", langs),
        "prompts": _prompts(data, langs, required=True),
    }


def _parse_card(data: dict[str, Any], langs: tuple[str, ...]) -> dict[str, Any]:
    _require(data, "text")
    out: dict[str, Any] = {"text": _texts(data["text"], "text", langs)}
    if "minutes" in data:
        out["minutes"] = _number(data["minutes"], "minutes", 0, MAX_MINUTES)
    return out


def _optional_texts(data: dict[str, Any], key: str, langs: tuple[str, ...]) -> Texts | None:
    return _texts(data[key], key, langs) if key in data else None


def _prompts(data: dict[str, Any], langs: tuple[str, ...], required: bool) -> tuple[Texts, ...]:
    if "prompts" not in data and not required:
        return ()
    value = data.get("prompts")
    if not isinstance(value, list) or not value:
        raise FieldError("prompts", "exercises.problem.list")
    return tuple(_texts(p, f"prompts[{i}]", langs) for i, p in enumerate(value))


_KIND_PARSERS = {
    "breathing": _parse_breathing,
    "steps": _parse_steps,
    "timer": _parse_timer,
    "urge": _parse_urge,
    "card": _parse_card,
}
