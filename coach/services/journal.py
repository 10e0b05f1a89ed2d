"""The journal: free entries and seven-column CBT thought records.

Stored in concern `journal`. A free entry is `{at, kind: "entry", text}`. A
thought record follows the seven columns of the classic CBT form:

1. situation; 2. moods rated 0-100; 3. automatic thoughts, one marked "hot";
4. evidence for the hot thought; 5. evidence against it; 6. a balanced
thought with how much it is believed (0-100); 7. the moods rated again.

It also carries the thinking traps the person recognised.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import pick, t

if TYPE_CHECKING:
    from coach.context import Context

CONCERN = "journal"
ENTRY = "entry"
THOUGHT_RECORD = "thought_record"
MAX_TEXT = 20000
RATING = (0, 100)
_TRAPS = Path(__file__).resolve().parent / "thinking_traps.toml"


@dataclass(frozen=True)
class Trap:
    id: str
    name: dict[str, str]
    hint: dict[str, str]

    def label(self, lang: str | None = None) -> str:
        return pick(self.name, lang)


@cache
def traps() -> tuple[Trap, ...]:
    with _TRAPS.open("rb") as fh:
        raw = tomllib.load(fh)
    return tuple(Trap(r["id"], r["name"], r["hint"]) for r in raw["traps"])


def trap(trap_id: str) -> Trap | None:
    return next((tr for tr in traps() if tr.id == trap_id), None)


def find_trap(word: str) -> Trap | None:
    """A trap by id, or by its name in any language (case and accents as typed)."""
    key = word.strip().casefold()
    for tr in traps():
        if key == tr.id or key in {n.casefold() for n in tr.name.values()}:
            return tr
    return None


def _text(value: Any, field: str) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise CoachError(t("journal.bad_field", field=field))
    if len(text) > MAX_TEXT:
        raise CoachError(t("journal.too_long", max=MAX_TEXT))
    return text


def rating(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    if isinstance(value, str) and value.strip().rstrip("%").strip().isdigit():
        value = int(value.strip().rstrip("%"))
    if (
        isinstance(value, bool)
        or not isinstance(value, int)
        or not (RATING[0] <= value <= RATING[1])
    ):
        raise CoachError(t("journal.bad_rating", field=field, value=value))
    return value


def build_entry(now: datetime, text: str) -> dict[str, Any]:
    body = _text(text, "text")
    if not body:
        raise CoachError(t("journal.empty"))
    return {"at": now.isoformat(timespec="seconds"), "kind": ENTRY, "text": body}


def build_thought_record(
    now: datetime,
    situation: str,
    moods: list[dict[str, Any]],
    thoughts: list[dict[str, Any]],
    traps_: list[str] | None = None,
    evidence_for: str = "",
    evidence_against: str = "",
    balanced: str = "",
    belief: Any = None,
) -> dict[str, Any]:
    """Validate the seven columns. One thought is "hot": the first one if none is marked."""
    situation = _text(situation, "situation")
    clean_thoughts = [
        {"text": _text(th.get("text"), "thoughts"), "hot": bool(th.get("hot"))}
        for th in thoughts
        if (th.get("text") or "").strip()
    ]
    if not situation and not clean_thoughts:
        raise CoachError(t("journal.record_empty"))
    hot = [th for th in clean_thoughts if th["hot"]]
    if len(hot) > 1:
        raise CoachError(t("journal.many_hot"))
    if clean_thoughts and not hot:
        clean_thoughts[0]["hot"] = True
    clean_moods = []
    for mood in moods:
        name = _text(mood.get("name"), "moods")
        if not name:
            continue
        clean_moods.append(
            {
                "name": name,
                "before": rating(mood.get("before"), name),
                "after": rating(mood.get("after"), name),
            }
        )
    trap_ids = []
    for raw in traps_ or ():
        found = find_trap(raw)
        if found is None:
            known = ", ".join(tr.id for tr in traps())
            raise CoachError(t("journal.unknown_trap", trap=raw, known=known))
        if found.id not in trap_ids:
            trap_ids.append(found.id)
    return {
        "at": now.isoformat(timespec="seconds"),
        "kind": THOUGHT_RECORD,
        "situation": situation,
        "moods": clean_moods,
        "thoughts": clean_thoughts,
        "traps": trap_ids,
        "evidence_for": _text(evidence_for, "evidence_for"),
        "evidence_against": _text(evidence_against, "evidence_against"),
        "balanced": _text(balanced, "balanced"),
        "belief": rating(belief, t("journal.section.belief")),
    }


def free_text(record: dict[str, Any]) -> str:
    """Everything the person typed in a record: what the safety gate reads."""
    if record.get("kind") == THOUGHT_RECORD:
        parts = [record.get("situation", "")]
        parts += [th["text"] for th in record.get("thoughts", [])]
        parts += [m["name"] for m in record.get("moods", [])]
        parts += [record.get(k, "") for k in ("evidence_for", "evidence_against", "balanced")]
        return "\n".join(p for p in parts if p)
    return record.get("text", "")


def describe(record: dict[str, Any], lang: str | None = None) -> list[tuple[str, str]]:
    """A record as (heading, text) pairs for reading it back; an entry is one untitled pair."""
    if record.get("kind") != THOUGHT_RECORD:
        return [("", record.get("text", ""))]

    def rated(value: int | None) -> str:
        return "?" if value is None else str(value)

    moods = [
        f"{m['name']} {rated(m.get('before'))}"
        + (f" → {m['after']}" if m.get("after") is not None else "")
        for m in record.get("moods", [])
    ]
    thoughts = [("* " if th.get("hot") else "  ") + th["text"] for th in record.get("thoughts", [])]
    names = [trap(i).label(lang) if trap(i) else i for i in record.get("traps", [])]
    balanced = record.get("balanced", "")
    if balanced and record.get("belief") is not None:
        balanced = f"{balanced} ({record['belief']}/100)"
    rows = [
        ("situation", record.get("situation", "")),
        ("moods", ", ".join(moods)),
        ("thoughts", "\n".join(thoughts)),
        ("traps", ", ".join(names)),
        ("evidence_for", record.get("evidence_for", "")),
        ("evidence_against", record.get("evidence_against", "")),
        ("balanced", balanced),
    ]
    return [(t(f"journal.section.{key}", lang), text) for key, text in rows if text]


def hot_thought(record: dict[str, Any]) -> str:
    return next((th["text"] for th in record.get("thoughts", []) if th.get("hot")), "")


def summary(record: dict[str, Any], width: int = 70) -> str:
    """One line for lists and history."""
    if record.get("kind") == THOUGHT_RECORD:
        text = record.get("situation") or hot_thought(record)
    else:
        text = record.get("text", "")
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def save(context: Context, record: dict[str, Any]) -> dict[str, Any]:
    return context.store.collection(CONCERN).insert(record)


def remove(context: Context, entry_id: int) -> bool:
    """Delete one entry for good (the person asked, and confirmed)."""
    return context.store.collection(CONCERN).remove(entry_id)


def all_entries(context: Context, kind: str | None = None) -> list[dict[str, Any]]:
    """Stored entries, oldest first."""
    records = context.store.collection(CONCERN).all()
    if kind:
        records = [r for r in records if r.get("kind") == kind]
    return sorted(records, key=lambda r: datetime.fromisoformat(r["at"]))
