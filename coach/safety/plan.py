"""The personal safety plan: six steps and the reasons for living, in the user's words.

Stored in the `plan` concern as one record. Each step is a list of short items
("a walk to the river", "Sam: 06 12 34 56 78"). The step names are our own
wording of the well-known six-step structure.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from coach.errors import CoachError
from coach.i18n import t

if TYPE_CHECKING:
    from coach.context import Context

CONCERN = "plan"
STEPS = (
    "warning_signs",  # thoughts, moods, situations that tell me a crisis may be coming
    "on_my_own",  # things I can do on my own to take my mind off things
    "distractions",  # people and places that take my mind off things
    "ask_for_help",  # people I can ask for help
    "professionals",  # professionals and lines I can call
    "safer_surroundings",  # making my surroundings safer
    "reasons",  # my reasons for living
)
MAX_ITEM = 500


@dataclass
class Plan:
    steps: dict[str, list[str]] = field(default_factory=lambda: {s: [] for s in STEPS})
    updated: str | None = None

    def is_empty(self) -> bool:
        return not any(self.steps.get(s) for s in STEPS)

    def items(self, step: str) -> list[str]:
        return list(self.steps.get(step, []))

    def to_dict(self) -> dict[str, Any]:
        return {"steps": {s: self.items(s) for s in STEPS}, "updated": self.updated}


def step_id(name: str) -> str:
    """Accept a step id, its number (1-7) or a dashed id (`ask-for-help`)."""
    value = name.strip().lower().replace("-", "_")
    if value.isdigit() and 1 <= int(value) <= len(STEPS):
        return STEPS[int(value) - 1]
    if value in STEPS:
        return value
    raise CoachError(t("plan.bad_step", step=name, steps=", ".join(STEPS)))


def _clean(text: str) -> str:
    item = " ".join(text.split())
    if not item:
        raise CoachError(t("plan.empty_item"))
    if len(item) > MAX_ITEM:
        raise CoachError(t("plan.item_too_long", n=MAX_ITEM))
    return item


def _from_doc(doc: dict[str, Any] | None) -> Plan:
    if not doc:
        return Plan()
    raw = doc.get("steps", {})
    steps = {s: [str(i) for i in raw.get(s, []) if str(i).strip()] for s in STEPS}
    return Plan(steps, doc.get("updated"))


def load(context: Context) -> Plan:
    docs = context.store.collection(CONCERN).all()
    return _from_doc(docs[0] if docs else None)


def _change(context: Context, change) -> Plan:
    """Read-modify-write the one plan record under the store's lock."""
    with context.store.transaction(CONCERN) as db:
        table = db.table("records", cache_size=0)
        docs = table.all()
        plan = _from_doc(dict(docs[0]) if docs else None)
        change(plan)
        plan.updated = context.now().isoformat()
        doc = plan.to_dict()
        if docs:
            table.update(doc, doc_ids=[docs[0].doc_id])
        else:
            table.insert(doc)
    return plan


def add(context: Context, step: str, text: str) -> Plan:
    sid, item = step_id(step), _clean(text)
    return _change(context, lambda plan: plan.steps[sid].append(item))


def set_items(context: Context, step: str, items: list[str]) -> Plan:
    sid = step_id(step)
    clean = [_clean(i) for i in items if i.strip()]
    return _change(context, lambda plan: plan.steps.__setitem__(sid, clean))


def remove(context: Context, step: str, number: int) -> Plan:
    """Remove the `number`-th item (1-based) of a step."""
    sid = step_id(step)

    def change(plan: Plan) -> None:
        if not 1 <= number <= len(plan.steps[sid]):
            raise CoachError(t("plan.bad_item", n=number, step=sid))
        del plan.steps[sid][number - 1]

    return _change(context, change)


def save(context: Context, steps: dict[str, list[str]]) -> Plan:
    """Replace the whole plan (the TUI editor saves this way)."""
    clean = {s: [_clean(i) for i in steps.get(s, []) if i.strip()] for s in STEPS}
    return _change(context, lambda plan: plan.steps.update(clean))
