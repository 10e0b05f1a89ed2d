"""Every `data.*` text exists in English and French, with the same placeholders."""

from __future__ import annotations

import string

from coach.i18n import catalogue, t


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_data_text_is_in_both_languages_with_the_same_placeholders() -> None:
    texts = {key: entry for key, entry in catalogue().items() if key.startswith("data.")}
    assert len(texts) > 50
    for key, entry in texts.items():
        assert entry.get("en", "").strip() and entry.get("fr", "").strip(), key
        assert _fields(entry["en"]) == _fields(entry["fr"]), key


def test_the_confirmation_word_is_translated() -> None:
    assert t("data.confirm_word", "en") == "erase"
    assert t("data.confirm_word", "fr") == "effacer"


def test_french_help_for_the_data_commands(cli) -> None:
    result = cli("--lang", "fr", "data", "--help")
    assert result.code == 0
    assert "Chiffrer tous les fichiers" in result.out
    assert "Effacer tous les fichiers écrits par coach" in result.out
