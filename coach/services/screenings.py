"""PHQ-9 and GAD-7: loading the instruments, scoring, bands, and the safety follow-up.

These are screenings, never a diagnosis. PHQ-9 item 9 (thoughts of being
better off dead or of self-harm) answered above 0 sets `safety_followup`
whatever the total: the interfaces show crisis help before any score.
Results are stored in concern `screenings`.
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

CONCERN = "screenings"
_DATA = Path(__file__).resolve().parent / "questionnaires"


@dataclass(frozen=True)
class Band:
    id: str
    low: int
    high: int
    texts: dict[str, str]

    def label(self, lang: str | None = None) -> str:
        return pick(self.texts, lang)


@dataclass(frozen=True)
class Questionnaire:
    id: str
    short: str
    title: dict[str, str]
    about: dict[str, str]
    attribution: dict[str, str]
    stem: dict[str, str]
    options: tuple[tuple[int, dict[str, str]], ...]
    items: tuple[dict[str, str], ...]
    bands: tuple[Band, ...]
    professional_from: int
    safety_item: int | None  # 1-based
    source: str

    @property
    def max_total(self) -> int:
        return len(self.items) * max(value for value, _ in self.options)

    @property
    def values(self) -> tuple[int, ...]:
        return tuple(value for value, _ in self.options)

    def band(self, total: int) -> Band:
        for band in self.bands:
            if band.low <= total <= band.high:
                return band
        raise ValueError(f"{self.id}: no band for {total}")


def _texts(table: dict[str, Any]) -> dict[str, str]:
    return {k: v for k, v in table.items() if k in ("en", "fr") and isinstance(v, str)}


def _load(path: Path) -> Questionnaire:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    return Questionnaire(
        id=raw["id"],
        short=raw["short"],
        title=_texts(raw["title"]),
        about=_texts(raw["about"]),
        attribution=_texts(raw["attribution"]),
        stem=_texts(raw["stem"]),
        options=tuple((int(o["value"]), _texts(o)) for o in raw["options"]),
        items=tuple(_texts(i) for i in raw["items"]),
        bands=tuple(Band(b["id"], int(b["min"]), int(b["max"]), _texts(b)) for b in raw["bands"]),
        professional_from=int(raw["professional_from"]),
        safety_item=raw.get("safety_item"),
        source=raw.get("source", ""),
    )


@cache
def questionnaires() -> dict[str, Questionnaire]:
    """The shipped questionnaires, in their `order` (PHQ-9 first)."""
    loaded = []
    for file in sorted(_DATA.glob("*.toml")):
        with file.open("rb") as fh:
            order = tomllib.load(fh).get("order", 99)
        loaded.append((order, _load(file)))
    return {q.id: q for _, q in sorted(loaded, key=lambda pair: (pair[0], pair[1].id))}


def get(questionnaire_id: str) -> Questionnaire:
    try:
        return questionnaires()[questionnaire_id]
    except KeyError:
        known = ", ".join(questionnaires())
        raise CoachError(t("screening.unknown", name=questionnaire_id, known=known)) from None


@dataclass(frozen=True)
class Result:
    questionnaire: str
    answers: tuple[int, ...]
    total: int
    band: str
    safety_followup: bool
    suggest_professional: bool

    def as_record(self, at: datetime, lang: str) -> dict[str, Any]:
        return {
            "at": at.isoformat(timespec="seconds"),
            "questionnaire": self.questionnaire,
            "answers": list(self.answers),
            "total": self.total,
            "band": self.band,
            "safety_followup": self.safety_followup,
            "suggest_professional": self.suggest_professional,
            "lang": lang,
        }


def parse_answers(q: Questionnaire, raw: str) -> list[int]:
    """`1,0,2,...` (spaces allowed) into answers; any bad value is a one-line error."""
    parts = [p.strip() for p in raw.replace(";", ",").split(",")]
    if parts == [""]:
        parts = []
    if len(parts) != len(q.items):
        raise CoachError(t("screening.answer_count", name=q.short, n=len(q.items), got=len(parts)))
    answers = []
    for index, part in enumerate(parts, start=1):
        if not part.isdigit() or int(part) not in q.values:
            raise CoachError(t("screening.bad_answer", item=index, value=part, high=max(q.values)))
        answers.append(int(part))
    return answers


def score(q: Questionnaire, answers: list[int] | tuple[int, ...]) -> Result:
    if len(answers) != len(q.items):
        raise CoachError(
            t("screening.answer_count", name=q.short, n=len(q.items), got=len(answers))
        )
    for index, value in enumerate(answers, start=1):
        if isinstance(value, bool) or not isinstance(value, int) or value not in q.values:
            raise CoachError(t("screening.bad_answer", item=index, value=value, high=max(q.values)))
    total = sum(answers)
    safety = q.safety_item is not None and answers[q.safety_item - 1] > 0
    return Result(
        questionnaire=q.id,
        answers=tuple(answers),
        total=total,
        band=q.band(total).id,
        safety_followup=safety,
        suggest_professional=total >= q.professional_from,
    )


def save(context: Context, result: Result) -> dict[str, Any]:
    record = result.as_record(context.now(), context.lang)
    return context.store.collection(CONCERN).insert(record)


def take(context: Context, questionnaire_id: str, answers: list[int]) -> dict[str, Any]:
    """Score and store; returns the stored record (with `id`)."""
    return save(context, score(get(questionnaire_id), answers))


def all_results(context: Context, questionnaire_id: str | None = None) -> list[dict[str, Any]]:
    """Stored results, oldest first."""
    records = context.store.collection(CONCERN).all()
    if questionnaire_id:
        records = [r for r in records if r.get("questionnaire") == questionnaire_id]
    return sorted(records, key=lambda r: datetime.fromisoformat(r["at"]))


def band_label(questionnaire_id: str, band_id: str, lang: str | None = None) -> str:
    q = questionnaires().get(questionnaire_id)
    if q is None:
        return band_id
    for band in q.bands:
        if band.id == band_id:
            return band.label(lang)
    return band_id
