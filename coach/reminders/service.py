"""Adding, listing and removing reminders: the record in the store and the scheduler entry."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from typing import Any

from coach.context import Context
from coach.errors import CoachError
from coach.i18n import t
from coach.reminders import detect
from coach.reminders.model import Reminder, parse_action, parse_days, parse_time
from coach.reminders.runner import Runner, run

CONCERN = "reminders"


@dataclass
class Plan:
    """What `add` will do; `--dry-run` prints it and stops."""

    reminder: Reminder  # carries the id it has or will get
    existing: Reminder | None  # the same reminder, already there
    backend: detect.Backend

    @property
    def moving(self) -> bool:
        return self.existing is not None and self.existing.via != self.reminder.via

    def to_json(self) -> dict[str, Any]:
        return {
            "reminder": self.reminder.to_json(),
            "exists": self.existing is not None,
            "via": self.backend.name,
            "session": getattr(self.backend, "session", None),
            **self.backend.describe(self.reminder),
        }


class Reminders:
    def __init__(
        self, context: Context, environ: dict[str, str] | None = None, runner: Runner = run
    ) -> None:
        self.context = context
        self.environ = dict(os.environ if environ is None else environ)
        self.runner = runner
        self.records = context.store.collection(CONCERN)

    def all(self) -> list[Reminder]:
        found = [Reminder.from_doc(doc) for doc in self.records.all()]
        return sorted(found, key=lambda r: (r.time, r.id or 0))

    def get(self, reminder_id: int) -> Reminder | None:
        doc = self.records.get(reminder_id)
        return None if doc is None else Reminder.from_doc(doc)

    def plan(
        self,
        time: str,
        action: str,
        arg: str | None = None,
        days: str | None = None,
        via: str | None = None,
    ) -> Plan:
        action, arg = parse_action(action, arg)
        if arg is not None:
            _check_exercise(self.context, arg)
        wanted = Reminder(time=parse_time(time), action=action, arg=arg, days=parse_days(days))
        existing = next((r for r in self.all() if r.key == wanted.key), None)
        if via is None and existing is not None and existing.via:
            via = existing.via  # re-adding keeps it where it is
        backend = detect.backend(via, self.environ, self.runner)
        if existing is not None:
            reminder = replace(existing, via=backend.name)
        else:
            ids = [r.id for r in self.all() if r.id is not None]
            # The store numbers records max + 1, so the dry run names the real units.
            reminder = replace(
                wanted,
                id=max(ids, default=0) + 1,
                via=backend.name,
                created_at=self.context.now().isoformat(timespec="seconds"),
            )
        return Plan(reminder, existing, backend)

    def add(self, plan: Plan) -> Reminder:
        reminder = plan.reminder
        with self.context.store.transaction(CONCERN) as db:
            table = db.table("records", cache_size=0)
            same = [d for d in table.all() if Reminder.from_doc(d).key == reminder.key]
            if same:
                reminder = replace(reminder, id=same[0].doc_id)
                table.update({"via": reminder.via}, doc_ids=[same[0].doc_id])
            else:
                reminder = replace(reminder, id=table.insert(reminder.to_doc()))
        if plan.moving:
            # Asked for the other scheduler: take it out of the old one first.
            for other in detect.backends_present(self.environ, self.runner):
                if other.name != plan.backend.name:
                    other.remove(reminder.id)
        try:
            plan.backend.install(reminder)
        except CoachError:
            if plan.existing is None:
                self.records.remove(reminder.id)
            raise
        return reminder

    def remove(self, reminder_id: int) -> tuple[Reminder | None, list[str]]:
        """Remove the record and coach's entries for it, wherever they are; nothing else."""
        reminder = self.get(reminder_id)
        removed = []
        for backend in detect.backends_present(self.environ, self.runner):
            try:
                if backend.remove(reminder_id):
                    removed.append(backend.name)
            except CoachError:
                # The scheduler the reminder lives in must answer; another one may be
                # broken or absent without stopping the removal.
                if reminder is None or backend.name == reminder.via:
                    raise
        if reminder is None and not removed:
            raise CoachError(t("remind.not_found", id=reminder_id))
        if reminder is not None:
            self.records.remove(reminder_id)
        return reminder, removed

    def installed(self) -> dict[str, set[int]]:
        """Ids that each scheduler holds an entry for (a reminder without one needs re-adding)."""
        out: dict[str, set[int]] = {}
        for backend in detect.backends_present(self.environ, self.runner):
            try:
                out[backend.name] = backend.installed()
            except CoachError:
                out[backend.name] = set()
        return out


def _check_exercise(context: Context, exercise_id: str) -> None:
    """A breathing reminder must name an exercise that exists (when the library is there)."""
    try:
        from coach.exercises.loader import load_for
    except ImportError:
        return
    library = load_for(context, report=None)
    if exercise_id not in library:
        raise CoachError(t("remind.unknown_exercise", id=exercise_id))
