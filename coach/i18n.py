"""Every user-facing text, in English and French.

The catalogue is `coach/locales/*.toml`: one file an area, each text a table
holding its `en` and `fr` side by side, so the tone of both can be reviewed in
one read. The file name is the key's first part: `[bad_value]` in
`config.toml` is `t("config.bad_value")`.
"""

from __future__ import annotations

import contextvars
import os
import tomllib
from functools import cache
from pathlib import Path

LANGUAGES = ("en", "fr")
_LOCALES = Path(__file__).resolve().parent / "locales"
_current: contextvars.ContextVar[str] = contextvars.ContextVar("coach_lang", default="")


def detect_language(environ: dict[str, str] | None = None) -> str:
    """The language of the user's locale, if it is one we speak; else English."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(var, "")
        if value:
            code = value.split(":")[0][:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def set_language(lang: str) -> None:
    _current.set(lang if lang in LANGUAGES else "en")


def language() -> str:
    return _current.get() or detect_language()


def _walk(prefix: str, table: dict, out: dict[str, dict[str, str]]) -> None:
    if "en" in table and isinstance(table["en"], str):
        out[prefix] = {k: v for k, v in table.items() if k in LANGUAGES}
        return
    for key, value in table.items():
        if isinstance(value, dict):
            _walk(f"{prefix}.{key}", value, out)


@cache
def catalogue() -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for file in sorted(_LOCALES.glob("*.toml")):
        with file.open("rb") as fh:
            _walk(file.stem, tomllib.load(fh), out)
    return out


def t(key: str, lang: str | None = None, /, **values: object) -> str:
    """The text `key` in `lang` (default: the current language), formatted with `values`."""
    entry = catalogue().get(key)
    if entry is None:
        return key
    text = entry.get(lang or language()) or entry["en"]
    return text.format(**values) if values else text


def has(key: str) -> bool:
    return key in catalogue()


def pick(texts: dict[str, str], lang: str | None = None) -> str:
    """Choose from a data file's `{en: ..., fr: ...}` table."""
    lang = lang or language()
    return texts.get(lang) or texts.get("en") or next(iter(texts.values()), "")


def number(value: float, digits: int = 1, lang: str | None = None, sign: bool = False) -> str:
    """A decimal as the person's language writes it: 3.7 in English, 3,7 in French."""
    text = f"{value:+.{digits}f}" if sign else f"{value:.{digits}f}"
    return text.replace(".", ",") if (lang or language()) == "fr" else text
