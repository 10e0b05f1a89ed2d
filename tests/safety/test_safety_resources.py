"""Crisis lines: every country the issue names, a source for every entry, user overrides."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from coach.errors import CoachError
from coach.safety import resources

EXPECTED = {
    "FR": ["3114", "15", "112"],
    "BE": ["0800 32 123", "1813", "112"],
    "CH": ["143", "147", "144"],
    "CA": ["988", "1 866 APPELLE (1 866 277-3553)", "535353", "911"],
    "US": ["988", "741741", "911"],
    "GB": ["116 123", "85258", "999"],
    "IE": ["116 123", "112"],
    "LU": ["112"],
    "AU": ["13 11 14", "0477 13 11 14", "000"],
}


@pytest.mark.parametrize(("country", "numbers"), EXPECTED.items())
def test_each_country_has_its_lines(country: str, numbers: list[str]) -> None:
    res = resources.load(country)
    assert res.known
    assert [line.number for line in res.lines] == numbers
    assert res.emergency


def test_text_lines_say_what_to_send() -> None:
    us = {line.id: line for line in resources.load("US").lines}
    assert us["us-ctl"].how("en") == "text HOME to 741741"
    gb = {line.id: line for line in resources.load("GB").lines}
    assert gb["gb-shout"].how("en") == "text SHOUT to 85258"
    assert gb["gb-shout"].how("fr") == "envoyez SHOUT par SMS au 85258"
    au = {line.id: line for line in resources.load("AU").lines}
    assert au["au-lifeline-text"].how("en") == "text 0477 13 11 14"


def test_every_shipped_entry_cites_a_source() -> None:
    data = tomllib.loads(resources.DATA.read_text(encoding="utf-8"))
    entries = [line for c in data["countries"].values() for line in c["lines"]]
    entries += data["eu"]["lines"]
    assert entries
    for line in entries:
        assert line["source"].startswith("https://"), line["id"]
        assert line["name"]["en"] and line["name"]["fr"], line["id"]


@pytest.mark.parametrize("country", ["DE", "ES", "IT", "NL", "PT", "se"])
def test_rest_of_the_eu_gets_112(country: str) -> None:
    res = resources.load(country)
    assert res.known and res.emergency == ["112"]
    assert [line.number for line in res.lines] == ["112"]


def test_unknown_country_gets_generic_advice_not_a_guess() -> None:
    res = resources.load("JP")
    assert not res.known and res.lines == [] and res.emergency == ["112"]
    assert not resources.load("").known


def test_user_file_adds_replaces_and_hides(tmp_path: Path) -> None:
    (tmp_path / "crisis_lines.toml").write_text(
        """
[countries.FR]
emergency = ["112"]

[[countries.FR.lines]]
id = "fr-sos-amitie"
kind = "call"
number = "09 72 39 40 50"
name = { en = "SOS Amitié", fr = "SOS Amitié" }

[[countries.FR.lines]]
id = "fr-15"
hide = true

[[countries.FR.lines]]
id = "fr-3114"
hours = { en = "always", fr = "toujours" }

[countries.NZ]
name = { en = "New Zealand", fr = "Nouvelle-Zélande" }
emergency = ["111"]

[[countries.NZ.lines]]
id = "nz-1737"
number = "1737"
name = { en = "Need to talk? 1737" }
""",
        encoding="utf-8",
    )
    fr = resources.load("FR", tmp_path)
    ids = [line.id for line in fr.lines]
    assert "fr-sos-amitie" in ids and "fr-15" not in ids
    assert fr.emergency == ["112"]
    line = next(line for line in fr.lines if line.id == "fr-3114")
    assert line.number == "3114" and line.hours["en"] == "always"
    nz = resources.load("NZ", tmp_path)
    assert nz.known and nz.emergency == ["111"] and nz.lines[0].number == "1737"
    assert "NZ" in resources.countries(tmp_path)


def test_a_damaged_user_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "crisis_lines.toml").write_text("[countries.FR\n", encoding="utf-8")
    with pytest.raises(CoachError, match=r"crisis_lines\.toml"):
        resources.load("FR", tmp_path)
