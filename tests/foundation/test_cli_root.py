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
