"""Every text exists in English and French with the same placeholders; every key used exists."""

from __future__ import annotations

import re
import string
from pathlib import Path

from coach.i18n import LANGUAGES, catalogue

ROOT = Path(__file__).resolve().parents[2] / "coach"
# A literal key passed to t(): t("area.name" ... The f-string keys are built from data.
_CALL = re.compile(r"""\bt\(\s*["']([a-z_]+(?:\.[a-z0-9_]+)+)["']""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_text_has_both_languages_with_the_same_placeholders() -> None:
    problems = []
    for key, entry in catalogue().items():
        missing = [lang for lang in LANGUAGES if not entry.get(lang, "").strip()]
        if missing:
            problems.append(f"{key}: no {missing}")
        elif _fields(entry["en"]) != _fields(entry["fr"]):
            problems.append(f"{key}: placeholders differ")
    assert not problems, problems[:20]


def test_every_literal_key_used_in_the_code_exists() -> None:
    known = catalogue()
    missing = set()
    for file in ROOT.rglob("*.py"):
        for key in _CALL.findall(file.read_text(encoding="utf-8")):
            if key not in known and not any(k.startswith(key + ".") for k in known):
                missing.add(f"{file.relative_to(ROOT)}: {key}")
    assert not missing, sorted(missing)[:20]
