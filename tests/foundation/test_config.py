from __future__ import annotations

import stat
from pathlib import Path

import pytest

from coach.config import load, save_value, unset_value
from coach.errors import CoachError
from coach.i18n import detect_language
from coach.paths import resolve


def test_round_trip_keeps_types_and_other_keys(coach_home: Path) -> None:
    p = resolve()
    save_value(p, "language", "fr")
    save_value(p, "reduced_motion", "yes")
    save_value(p, "companion.threads", "2")
    save_value(p, "country", "be")
    config = load(p, environ={})
    assert config.language == "fr"
    assert config.get("reduced_motion") is True
    assert config.get("companion.threads") == 2
    assert config.country == "BE"
    unset_value(p, "language")
    assert load(p, environ={}).get("language") == ""
    assert load(p, environ={}).get("companion.threads") == 2
    assert stat.S_IMODE(p.config_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(p.config.stat().st_mode) == 0o700


@pytest.mark.parametrize(
    ("key", "value"),
    [("language", "de"), ("theme", "blue"), ("companion.threads", "many"), ("nope", "1")],
)
def test_bad_values_are_refused_and_nothing_written(key: str, value: str) -> None:
    p = resolve()
    with pytest.raises(CoachError):
        save_value(p, key, value)
    assert not p.config_file.exists()


def test_environment_overrides_the_file(coach_home: Path) -> None:
    p = resolve()
    save_value(p, "language", "fr")
    assert load(p, environ={"COACH_LANG": "en"}).language == "en"


def test_language_defaults_from_the_locale() -> None:
    assert detect_language({"LANG": "fr_CA.UTF-8"}) == "fr"
    assert detect_language({"LANG": "de_DE.UTF-8"}) == "en"
    assert detect_language({"LC_ALL": "fr_FR.UTF-8", "LANG": "en_US"}) == "fr"
    assert detect_language({}) == "en"


def test_damaged_config_is_one_clear_error(coach_home: Path) -> None:
    p = resolve()
    p.config.mkdir(parents=True)
    p.config_file.write_text("language = [oops")
    with pytest.raises(CoachError, match=r"config\.toml"):
        load(p, environ={})


def test_cli_config_get_set(cli) -> None:
    assert cli("config", "set", "country", "ch").code == 0
    r = cli("config", "get", "country")
    assert (r.code, r.out.strip()) == (0, "CH")
    r = cli("config", "get", "--json")
    assert r.json()["country"] == "CH"
    r = cli("config", "set", "theme", "purple")
    assert r.code == 1 and r.err.startswith("coach: theme") and r.err.count("\n") == 1
    r = cli("--lang", "fr", "config", "set", "theme", "purple")
    assert "n'est pas une valeur valide" in r.err


def test_coach_home_moves_everything(coach_home: Path) -> None:
    for path in resolve().all().values():
        assert coach_home in path.parents
