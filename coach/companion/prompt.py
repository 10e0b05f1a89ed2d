"""The system prompt, what the companion may know about the user, and exercise suggestions.

The system prompt is the start of every prompt and never changes within a
conversation: llama.cpp then reuses its KV cache for it (and for the history
after it) from turn to turn. The user context (recent moods, the safety plan's
coping steps) is part of it only when the user agreed (`companion.share_context`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from coach.i18n import pick, t

# The companion may suggest one exercise as `[exercise:box]`; the TUI makes it a button.
MARKER = re.compile(r"\[\s*exercise\s*:\s*([a-z0-9][a-z0-9-]{0,63})\s*\]", re.I)
MAX_MOODS = 5
MOOD_DAYS = 14


def exercise_menu(context: Any) -> list[tuple[str, str]]:
    """(id, title) of the exercises the companion may suggest (cards are not exercises)."""
    try:
        from coach.exercises.loader import load_for

        library = load_for(context, report=None)
    except Exception:  # the chat must work even if the library is broken
        return []
    items = []
    for exercise in library.all():
        if exercise.kind == "card":
            continue
        items.append((exercise.id, pick(exercise.title, context.lang)))
    return items


def user_context(context: Any) -> str:
    """What the user agreed to share with the companion, as a few lines; empty without consent."""
    if not context.config.get("companion.share_context"):
        return ""
    lang = context.lang
    lines = []
    moods = recent_moods(context)
    if moods:
        shown = ", ".join(f"{day} {mood}/10" for day, mood in moods)
        lines.append(t("companion.context_moods", lang, moods=shown))
    steps = coping_steps(context)
    if steps:
        lines.append(t("companion.context_coping", lang, steps="; ".join(steps)))
    return "\n".join(lines)


def recent_moods(context: Any) -> list[tuple[str, int]]:
    now = context.now()
    since = now - timedelta(days=MOOD_DAYS)
    found: list[tuple[datetime, int]] = []
    try:
        records = context.store.collection("checkins").all()
    except Exception:  # a damaged check-in file must not stop the chat
        return []
    for record in records:
        try:
            at = datetime.fromisoformat(str(record["at"]))
            mood = int(record["mood"])
        except (KeyError, TypeError, ValueError):
            continue
        if at.tzinfo is None:
            at = at.astimezone()
        if at >= since:
            found.append((at, mood))
    found.sort()
    return [(at.strftime("%a %d"), mood) for at, mood in found[-MAX_MOODS:]]


def coping_steps(context: Any) -> list[str]:
    try:
        from coach.safety import plan

        current = plan.load(context)
    except Exception:  # a damaged plan file must not stop the chat
        return []
    return (current.items("on_my_own") + current.items("distractions"))[:6]


def system_prompt(lang: str, exercises: Iterable[tuple[str, str]] = (), shared: str = "") -> str:
    parts = [t("companion.system_prompt", lang)]
    menu = [f"[exercise:{eid}] {title}" for eid, title in exercises]
    if menu:
        parts.append(t("companion.system_exercises", lang, menu="\n".join(menu)))
    if shared:
        parts.append(t("companion.system_shared", lang, shared=shared))
    return "\n\n".join(parts)


def build_system(context: Any) -> str:
    return system_prompt(context.lang, exercise_menu(context), user_context(context))


def suggested_exercises(text: str, known: Iterable[str] | None = None) -> list[str]:
    """The exercise ids the reply suggests, in order, once each (only known ones when given)."""
    allowed = set(known) if known is not None else None
    out: list[str] = []
    for match in MARKER.finditer(text):
        eid = match.group(1).lower()
        if eid not in out and (allowed is None or eid in allowed):
            out.append(eid)
    return out


def strip_markers(text: str) -> str:
    return MARKER.sub("", text).replace("  ", " ").strip()
