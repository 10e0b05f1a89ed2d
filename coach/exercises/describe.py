"""An exercise in words: what it is, its pattern or steps, its cautions and its source."""

from __future__ import annotations

from coach.exercises.plain import seconds_text
from coach.exercises.plan import build
from coach.exercises.schema import Exercise
from coach.i18n import number as decimal
from coach.i18n import pick, t


def describe_text(exercise: Exercise, total_seconds: float, lang: str) -> str:
    lines = [exercise.title_in(lang), exercise.summary_in(lang), ""]
    kind = t(f"exercises.kind.{exercise.kind}", lang)
    category = t(f"exercises.category.{exercise.category}", lang)
    if category.startswith("exercises."):
        category = exercise.category
    lines.append(f"{exercise.id} · {kind} · {category}")
    if exercise.kind == "breathing":
        first = build(exercise, cycles=1).phases
        lines.append(" · ".join(f"{p.words(lang)} {seconds_text(p.seconds, lang)}" for p in first))
        if exercise.per_day:
            lines.append(t("exercises.show_per_day", lang, n=exercise.per_day))
    if exercise.intro:
        lines.append(pick(exercise.intro, lang))
    for number, step in enumerate(exercise.steps, start=1):
        lines.append(f"  {number}. {pick(step.text, lang)}")
    if exercise.text:
        lines.append(pick(exercise.text, lang))
    if exercise.kind != "card":
        minutes = decimal(total_seconds / 60, lang=lang)
        lines.append(t("exercises.show_total", lang, minutes=minutes))
    lines += [
        "",
        f"{t('exercises.show_cautions', lang)} {exercise.cautions_in(lang)}",
        f"{t('exercises.show_source', lang)} {exercise.source}",
    ]
    return "\n".join(lines)
