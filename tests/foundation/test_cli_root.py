"""The root command: version, help, languages, usage errors, and what it must not import."""

from __future__ import annotations

import re

import pytest

import coach

HEAVY = ("textual", "llama_cpp")


def _imported(stderr: str) -> set[str]:
    names = set()
    for line in stderr.splitlines():
        match = re.match(r"import time:\s+\d+ \|\s+\d+ \|\s*(\S+)", line)
        if match:
            names.add(match.group(1).split(".")[0])
    return names


@pytest.mark.parametrize(
    "args", [["--version"], ["--help"], ["config", "get"], ["config", "--help"]]
)
def test_scripted_paths_do_not_import_the_tui_or_the_model(coach_process, args) -> None:
    r = coach_process(*args, env={"PYTHONPROFILEIMPORTTIME": "1"})
    assert r.code == 0, r.err
    imported = _imported(r.err)
    assert "typer" in imported, "the import-time trace must be read"
    assert not imported & set(HEAVY), imported & set(HEAVY)


def test_version(cli) -> None:
    r = cli("--version")
    assert (r.code, r.out.strip()) == (0, f"coach {coach.__version__}")


def test_help_in_both_languages(cli) -> None:
    assert "Read and change settings." in cli("--help").out
    assert "Lire et modifier les réglages." in cli("--lang", "fr", "--help").out
    assert "Lire et modifier les réglages." in cli("--lang=fr", "--help").out


def test_the_librarys_own_help_texts_are_in_french_too(cli) -> None:
    out = cli("--lang", "fr", "--help").out
    assert out.startswith("Utilisation : coach")
    assert "Afficher cette aide et quitter." in out and "Commandes :" in out
    assert "Installer la complétion pour le shell courant." in out
    assert "Show this message" not in out and "Usage:" not in out
    english = cli("--help").out
    assert english.startswith("Usage: coach") and "Show this message and exit." in english


def test_the_placeholders_of_options_are_in_french_too(cli) -> None:
    out = cli("--lang", "fr", "checkin", "--help").out
    assert "--sleep HEURES" in out and "--note TEXTE" in out and "--at DATE-HEURE" in out
    assert "--mood 1-10" in out and "HOURS" not in out and "DATETIME" not in out
    assert "Utilisation : coach [OPTIONS] COMMANDE [ARGS]..." in cli("--lang", "fr", "--help").out
    assert "--sleep HOURS" in cli("checkin", "--help").out


def test_usage_errors_are_written_in_the_users_language(coach_process) -> None:
    r = coach_process("--lang", "fr", "--bogus")
    assert r.code == 2 and "Traceback" not in r.err
    assert "Erreur : Option inconnue : --bogus" in r.err
    assert "Essayez « coach -h » pour l'aide." in r.err and "Error" not in r.err
    r = coach_process("--lang", "fr", "chekin")
    assert r.code == 2
    assert "Commande inconnue : 'chekin'. Vouliez-vous dire 'checkin' ?" in r.err
    r = coach_process("--lang", "fr", "checkin", "--mood")
    assert r.code == 2 and "L'option '--mood' attend une valeur." in r.err


def test_a_text_the_catalogue_does_not_hold_stays_as_written() -> None:
    from coach.cli.library_text import translate
    from coach.i18n import set_language

    set_language("fr")
    try:
        assert translate("Invalid value for --at: Missing command.") == (
            "Valeur non valable pour --at : Commande manquante."
        )
        assert translate("Something new in a later release.") == (
            "Something new in a later release."
        )
    finally:
        set_language("en")
    assert translate("Missing command.") == "Missing command."


def test_unknown_option_is_a_usage_error_without_traceback(coach_process) -> None:
    r = coach_process("--bogus")
    assert r.code == 2
    assert "Usage:" in r.err and "Traceback" not in r.err


def test_unknown_language_is_a_usage_error(coach_process) -> None:
    r = coach_process("--lang", "de", "config", "get")
    assert r.code == 2 and "Traceback" not in r.err


def test_python_dash_m_works(coach_process) -> None:
    r = coach_process("--version")
    assert r.code == 0 and r.out.startswith("coach ")


def test_without_a_terminal_the_tui_refuses_with_one_line(coach_process) -> None:
    r = coach_process(input="")
    assert r.code == 1
    assert r.err.startswith("coach: ") and r.err.count("\n") == 1
