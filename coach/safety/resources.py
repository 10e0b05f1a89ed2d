"""Crisis lines by country: the shipped data file, then the user's own file on top.

The shipped file (`coach/safety/data/crisis_lines.toml`) cites a source for every
number. The user's `crisis_lines.toml` in the config folder uses the same format:
a line with a known `id` replaces the shipped one, a new `id` is added, and
`hide = true` removes one (a counsellor's direct line, a local service).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from coach.errors import CoachError
from coach.i18n import pick, t

DATA = Path(__file__).resolve().parent / "data" / "crisis_lines.toml"
USER_FILE = "crisis_lines.toml"


@dataclass(frozen=True)
class Line:
    id: str
    kind: str  # "call", "text" or "emergency"
    number: str
    name: dict[str, str]
    hours: dict[str, str] = field(default_factory=dict)
    keyword: str = ""  # for text lines: the word to send
    source: str = ""

    def label(self, lang: str | None = None) -> str:
        return pick(self.name, lang)

    def how(self, lang: str | None = None) -> str:
        """How to reach it, in words: "call 3114" or "text HOME to 741741"."""
        if self.kind == "text" and self.keyword:
            return t("safety.line_text", lang, keyword=self.keyword, number=self.number)
        if self.kind == "text":
            return t("safety.line_text_any", lang, number=self.number)
        return t("safety.line_call", lang, number=self.number)

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "kind": self.kind,
            "number": self.number,
            "name": self.label(lang),
        }
        if self.keyword:
            out["keyword"] = self.keyword
        if self.hours:
            out["hours"] = pick(self.hours, lang)
        if self.source:
            out["source"] = self.source
        return out


@dataclass(frozen=True)
class Resources:
    country: str  # the code asked for, upper case ("" when unknown)
    known: bool  # False: no entry for this country, generic advice only
    name: dict[str, str]
    emergency: list[str]
    lines: list[Line]

    def country_name(self, lang: str | None = None) -> str:
        return pick(self.name, lang) if self.name else self.country

    def support_lines(self) -> list[Line]:
        """The lines to talk or text with (not the emergency services)."""
        return [line for line in self.lines if line.kind != "emergency"]

    def to_dict(self, lang: str | None = None) -> dict[str, Any]:
        return {
            "country": self.country,
            "country_name": self.country_name(lang),
            "known": self.known,
            "emergency": list(self.emergency),
            "lines": [line.to_dict(lang) for line in self.lines],
        }


def _read(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise CoachError(t("safety.lines_damaged", path=path, error=exc)) from None


def _line(raw: dict[str, Any], path: Path) -> Line:
    try:
        name = raw["name"]
        return Line(
            id=str(raw["id"]),
            kind=str(raw.get("kind", "call")),
            number=str(raw["number"]),
            name=name if isinstance(name, dict) else {"en": str(name)},
            hours=raw.get("hours", {}) if isinstance(raw.get("hours"), dict) else {},
            keyword=str(raw.get("keyword", "")),
            source=str(raw.get("source", "")),
        )
    except (KeyError, TypeError) as exc:
        raise CoachError(t("safety.lines_damaged", path=path, error=f"missing {exc}")) from None


def _merge(base: dict[str, Any], extra: dict[str, Any], path: Path) -> dict[str, Any]:
    """Lay the user's entries for one country over the shipped ones."""
    merged = dict(base)
    if "name" in extra:
        merged["name"] = extra["name"]
    if "emergency" in extra:
        merged["emergency"] = [str(n) for n in extra["emergency"]]
    lines: dict[str, dict] = {str(raw.get("id")): raw for raw in base.get("lines", [])}
    for raw in extra.get("lines", []):
        if "id" not in raw:
            raise CoachError(t("safety.lines_damaged", path=path, error="missing 'id'"))
        if raw.get("hide"):
            lines.pop(str(raw["id"]), None)
        else:
            lines[str(raw["id"])] = {**lines.get(str(raw["id"]), {}), **raw}
    merged["lines"] = list(lines.values())
    return merged


def load(country: str, config_dir: Path | None = None) -> Resources:
    """The emergency numbers and crisis lines for `country` (ISO code, any case)."""
    code = (country or "").strip().upper()
    shipped = _read(DATA)
    user_path = config_dir / USER_FILE if config_dir else None
    user = _read(user_path) if user_path and user_path.is_file() else {}

    entry: dict[str, Any] | None = shipped.get("countries", {}).get(code)
    eu = shipped.get("eu", {})
    if entry is None and code in eu.get("countries", []):
        entry = {"name": {}, "emergency": eu["emergency"], "lines": eu.get("lines", [])}
    user_entry = user.get("countries", {}).get(code)
    if user_entry is not None:
        entry = _merge(entry or {"name": {}, "emergency": [], "lines": []}, user_entry, user_path)
    if entry is None:
        # No verified list: 112 reaches emergency services from mobile phones in
        # most of the world; the text around it says to use the local number.
        return Resources(code, False, {}, ["112"], [])
    path = user_path if user_entry is not None else DATA
    lines = [_line(raw, path) for raw in entry.get("lines", [])]
    return Resources(code, True, entry.get("name", {}), list(entry.get("emergency", [])), lines)


def countries(config_dir: Path | None = None) -> list[str]:
    """Every country code with its own entry (shipped, the EU, or the user's)."""
    shipped = _read(DATA)
    codes = set(shipped.get("countries", {})) | set(shipped.get("eu", {}).get("countries", []))
    user_path = config_dir / USER_FILE if config_dir else None
    if user_path and user_path.is_file():
        codes |= set(_read(user_path).get("countries", {}))
    return sorted(codes)
