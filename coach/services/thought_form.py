"""The journal as plain text: the forms opened in $EDITOR (or given with `--text`), and parsing.

A thought record's form has one `## heading` per column (in English or French);
lines starting with `#` are guidance and are ignored. A free entry's guidance
lines are removed exactly, so a `#` the person types is kept.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from coach.errors import CoachError
from coach.i18n import LANGUAGES, pick, t
from coach.services.journal import build_thought_record, rating, traps

SECTIONS = (
    "situation",
    "moods",
    "thoughts",
    "traps",
    "evidence_for",
    "evidence_against",
    "balanced",
    "belief",
    "moods_after",
)
_MOOD_LINE = re.compile(r"^(?P<name>.*?)[\s:=]+(?P<value>\d{1,3})\s*%?$")


def entry_template(lang: str | None = None) -> str:
    return (
        "\n".join(f"# {line}" for line in t("journal.template_entry", lang).splitlines()) + "\n\n"
    )


def strip_entry_template(text: str, lang: str | None = None) -> str:
    """Remove exactly the guide lines we wrote; a '#' the person typed stays."""
    ours = set()
    for code in LANGUAGES:
        ours.update(entry_template(code).splitlines())
    kept = [line for line in text.splitlines() if line not in ours or not line.startswith("#")]
    return "\n".join(kept).strip()


def record_template(lang: str | None = None) -> str:
    lines = [f"# {line}" for line in t("journal.template_record", lang).splitlines()]
    for section in SECTIONS:
        lines += ["", f"## {t(f'journal.section.{section}', lang)}"]
        for hint in t(f"journal.hint.{section}", lang).splitlines():
            lines.append(f"# {hint}")
        if section == "traps":
            lines += [f"#   {tr.id}: {tr.label(lang)} — {pick(tr.hint, lang)}" for tr in traps()]
    return "\n".join(lines) + "\n"


def _heading(label: str) -> str | None:
    key = label.strip().casefold()
    for section in SECTIONS:
        names = {section} | {t(f"journal.section.{section}", code).casefold() for code in LANGUAGES}
        if key in names:
            return section
    return None


def parse_record_text(text: str) -> dict[str, str]:
    """Split the form into its sections; '#' lines are guidance and are ignored."""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = _heading(line[3:])
            if current is None:
                raise CoachError(t("journal.unknown_section", heading=line[3:].strip()))
            sections.setdefault(current, [])
            continue
        if line.startswith("#"):
            continue
        if current is None:
            if line.strip():
                raise CoachError(t("journal.text_before_section"))
            continue
        sections[current].append(line)
    return {k: "\n".join(v).strip() for k, v in sections.items()}


def _moods(text: str, field: str) -> list[tuple[str, int | None]]:
    out = []
    for line in re.split(r"[\n,;]", text):
        line = line.strip().lstrip("-*").strip()
        if not line:
            continue
        match = _MOOD_LINE.match(line)
        if match:
            out.append((match["name"].strip(), rating(int(match["value"]), match["name"].strip())))
        else:
            out.append((line, None))
    return out


def record_from_text(now: datetime, text: str) -> dict[str, Any]:
    parts = parse_record_text(text)
    before = _moods(parts.get("moods", ""), "moods")
    after = dict(_moods(parts.get("moods_after", ""), "moods_after"))
    after_keys = {k.casefold(): v for k, v in after.items()}
    moods = [
        {"name": name, "before": value, "after": after_keys.get(name.casefold())}
        for name, value in before
    ]
    known = {name.casefold() for name, _ in before}
    moods += [
        {"name": name, "before": None, "after": value}
        for name, value in after.items()
        if name.casefold() not in known
    ]
    thoughts = []
    for line in parts.get("thoughts", "").splitlines():
        line = line.strip()
        if line.startswith(("- ", "• ")):
            line = line[2:].strip()
        hot = line.startswith("*")
        line = line.lstrip("*").strip()
        if line:
            thoughts.append({"text": line, "hot": hot})
    trap_words = [w for w in re.split(r"[,\n]", parts.get("traps", "")) if w.strip()]
    return build_thought_record(
        now,
        situation=parts.get("situation", ""),
        moods=moods,
        thoughts=thoughts,
        traps_=trap_words,
        evidence_for=parts.get("evidence_for", ""),
        evidence_against=parts.get("evidence_against", ""),
        balanced=parts.get("balanced", ""),
        belief=parts.get("belief", "").strip() or None,
    )


def parse_mood_list(text: str) -> list[tuple[str, int | None]]:
    """`anxious 80, sad 60` (the TUI's one-line form) into (name, rating) pairs."""
    return _moods(text, "moods")
