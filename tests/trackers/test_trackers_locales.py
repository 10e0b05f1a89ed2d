"""Every text the trackers and harm screens use exists in English and French, alike."""

from __future__ import annotations

import re
import string
from pathlib import Path

from coach.i18n import catalogue, has

ROOT = Path(__file__).resolve().parents[2] / "coach"
FILES = [
    *sorted((ROOT / "trackers").glob("*.py")),
    ROOT / "cli" / "track.py",
    ROOT / "cli" / "harm.py",
    *sorted((ROOT / "tui" / "screens").glob("tracker*.py")),
    ROOT / "tui" / "screens" / "harm.py",
]
KEY = re.compile(r"""["']((?:trackers|harm)\.[a-z_.\-0-9]+)["']""")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_literal_key_exists():
    missing = []
    for file in FILES:
        for key in KEY.findall(file.read_text(encoding="utf-8")):
            if not key.endswith(".") and not has(key):
                missing.append(f"{file.name}: {key}")
    assert missing == []


def test_computed_keys_exist():
    from coach.trackers.harm import TOPICS
    from coach.trackers.model import KINDS

    keys = [f"trackers.kind.{k}" for k in KINDS]
    keys += [f"trackers.rating.{n}" for n in range(1, 6)]
    keys += [f"trackers.weekday.{n}" for n in range(7)]
    keys += [
        f"trackers.unit.{u}_{n}"
        for u in ("day", "hour", "week", "month", "year")
        for n in ("one", "many")
    ]
    keys += [f"harm.topic.{topic}" for topic in TOPICS]
    assert [k for k in keys if not has(k)] == []


def test_both_languages_with_the_same_placeholders():
    for key, texts in catalogue().items():
        if key.split(".")[0] not in ("trackers", "harm"):
            continue
        assert texts.get("en") and texts.get("fr"), key
        assert _fields(texts["en"]) == _fields(texts["fr"]), key
