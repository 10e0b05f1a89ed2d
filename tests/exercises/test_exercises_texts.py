"""The exercises catalogue: every text in English and French, with the same placeholders."""

from __future__ import annotations

import re
import string
import tomllib
from pathlib import Path

import coach

LOCALE = Path(coach.__file__).parent / "locales" / "exercises.toml"


def leaves(table: dict, prefix: str = ""):
    if "en" in table and isinstance(table["en"], str):
        yield prefix, table
        return
    for key, value in table.items():
        if isinstance(value, dict):
            yield from leaves(value, f"{prefix}.{key}" if prefix else key)


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_has_both_languages_and_the_same_placeholders():
    data = tomllib.loads(LOCALE.read_text(encoding="utf-8"))
    entries = list(leaves(data))
    assert len(entries) > 150
    for key, entry in entries:
        assert entry.get("en", "").strip() and entry.get("fr", "").strip(), key
        assert fields(entry["en"]) == fields(entry["fr"]), key


def test_french_puts_a_space_before_double_punctuation():
    data = tomllib.loads(LOCALE.read_text(encoding="utf-8"))
    for key, entry in leaves(data):
        text = re.sub(r"`[^`]*`|\{[^}]*\}|https?://\S+", "", entry["fr"])
        for mark in re.finditer(r"(?<=\S)[:;?!]", text):
            if text[mark.start() - 1] in "([":  # e.g. "(0-10, ...)" keys like "Ctrl+S"
                continue
            raise AssertionError(f"{key}: no space before {mark.group()!r} in {entry['fr']!r}")


def test_every_key_the_code_uses_exists():
    from coach.i18n import has

    root = Path(coach.__file__).parent
    files = [*root.joinpath("exercises").glob("*.py"), root / "cli" / "exercises.py",
             root / "cli" / "breathe.py"]  # fmt: skip
    files += [
        root / "tui" / "screens" / f"{name}.py"
        for name in ("exercise_run", "breathing", "grounding", "relax", "urge", "exercise",
                     "exercises", "cards", "card_add")
    ]  # fmt: skip
    files += [root / "tui" / "widgets" / f"{n}.py" for n in ("card_view", "breath_guide")]
    for file in files:
        for key in re.findall(r"[\"'](exercises\.[a-z_]+(?:\.[a-z_]+)*)[\"']", file.read_text()):
            assert has(key), f"{file.name}: {key}"
