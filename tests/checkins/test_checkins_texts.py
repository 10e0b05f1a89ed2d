"""Every text these areas show exists in English and French."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from coach.i18n import has

ROOT = Path(__file__).resolve().parents[2] / "coach"
CLI = ["checkin", "history", "screen", "journal", "insights", "report"]
TUI = ["checkin", "screening", "journal", "journal_delete", "thought_record", "insights", "report"]
MODULES = [
    *(ROOT / "services").glob("*.py"),
    *(ROOT / "cli" / f"{name}.py" for name in CLI),
    *(ROOT / "tui" / "screens" / f"{name}.py" for name in TUI),
]
LOCALES = ["checkin", "screening", "journal", "insights"]
_KEY = re.compile(r"""["']((?:checkin|screening|journal|insights)\.[a-z_.]+)["']""")


@pytest.mark.parametrize("module", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_literal_key_exists(module):
    keys = {k for k in _KEY.findall(module.read_text()) if not k.endswith(".")}
    missing = sorted(k for k in keys if not has(k))
    assert missing == []


def _walk(table: dict, prefix: str = ""):
    if "en" in table and isinstance(table["en"], str):
        yield prefix, table
        return
    for key, value in table.items():
        if isinstance(value, dict):
            yield from _walk(value, f"{prefix}.{key}" if prefix else key)


@pytest.mark.parametrize("area", LOCALES)
def test_both_languages_and_same_placeholders(area):
    data = tomllib.loads((ROOT / "locales" / f"{area}.toml").read_text(encoding="utf-8"))
    for key, entry in _walk(data):
        assert entry.get("fr"), f"{area}.{key} has no French"
        fields = lambda s: sorted(set(re.findall(r"{(\w+)", s)))  # noqa: E731
        assert fields(entry["en"]) == fields(entry["fr"]), f"{area}.{key}"


def test_dynamic_keys_exist():
    from coach.services.history import KINDS
    from coach.services.thought_form import SECTIONS

    assert all(has(f"checkin.kind.{kind}") for kind in KINDS)
    assert all(has(f"checkin.journal_kind.{k}") for k in ("entry", "thought_record"))
    assert all(has(f"journal.section.{s}") and has(f"journal.hint.{s}") for s in SECTIONS)
    assert all(has(f"checkin.bad_{s}") for s in ("mood", "energy", "anxiety"))
    for c in ("avg", "low", "high", "n", "week", "date", "questionnaire", "score", "band",
              "exercise", "sessions", "completed", "rated", "change"):  # fmt: skip
        assert has(f"insights.report_col_{c}")
    assert all(has(f"insights.report_trend_{k}") for k in ("down", "up", "flat"))
