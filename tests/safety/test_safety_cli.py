"""`coach sos`, `coach safety check`, `coach plan`, and the shell's safety gate."""

from __future__ import annotations

import json

import pytest

from coach.i18n import t

COUNTRIES = {
    "FR": ["3114", "15", "112"],
    "BE": ["0800 32 123", "1813", "112"],
    "CH": ["143", "147", "144"],
    "CA": ["988", "1 866 APPELLE", "911"],
    "US": ["988", "HOME", "741741", "911"],
    "GB": ["116 123", "SHOUT", "85258", "999"],
    "IE": ["116 123", "112"],
    "LU": ["112"],
    "AU": ["13 11 14", "000"],
    "DE": ["112"],
}


@pytest.mark.parametrize(("country", "numbers"), COUNTRIES.items())
def test_sos_per_country(cli, country: str, numbers: list[str]) -> None:
    r = cli("sos", "--country", country)
    assert r.code == 0
    for number in numbers:
        assert number in r.out
    assert t("safety.acknowledge", "en") in r.out
    assert "immediate danger" in r.out


def test_sos_uses_the_configured_country_and_language(cli, monkeypatch) -> None:
    monkeypatch.setenv("COACH_COUNTRY", "be")
    r = cli("--lang", "fr", "sos")
    assert r.code == 0 and "0800 32 123" in r.out and "Êtes-vous en danger immédiat" in r.out


def test_sos_json(cli) -> None:
    r = cli("sos", "--country", "us", "--json")
    data = r.json()
    assert data["country"] == "US" and data["emergency"] == ["911"]
    assert {line["number"] for line in data["lines"]} == {"988", "741741", "911"}
    assert all(line["source"].startswith("https://") for line in data["lines"])
    assert data["plan"]["steps"]["reasons"] == []


def test_sos_unknown_country_still_helps(cli) -> None:
    r = cli("sos", "--country", "JP")
    assert r.code == 0 and "findahelpline.com" in r.out and "112" in r.out


def test_sos_bad_country_is_a_usage_error(cli) -> None:
    assert cli("sos", "--country", "FRANCE").code == 2


def test_sos_shows_the_plan(cli) -> None:
    cli("plan", "edit", "--add", "reasons", "My cat Miso", "--add", "4", "Sam 06 12 34 56 78")
    r = cli("sos", "--country", "FR")
    assert "My cat Miso" in r.out and "Sam 06 12 34 56 78" in r.out
    assert t("plan.step.reasons.title", "en") in r.out


def test_sos_loads_no_model_and_no_textual() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from coach.cli.main import main; code = main(['sos', '--country', 'GB']);"
        "print('HEAVY' if {'textual', 'llama_cpp'} & set(sys.modules) else 'LIGHT'); sys.exit(code)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "116 123" in proc.stdout
    assert proc.stdout.strip().endswith("LIGHT")


def test_sos_in_a_real_process(coach_process) -> None:
    r = coach_process("sos", "--country", "AU")
    assert r.code == 0 and "13 11 14" in r.out and "000" in r.out


def test_safety_check_reads_lines_and_json_lines(cli) -> None:
    stdin = 'I want to kill myself\nthis exam is killing me\n\n{"text": "jveux mourir"}\n'
    r = cli("safety", "check", input=stdin)
    assert r.code == 0
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert [row["level"] for row in rows] == ["crisis", "none", "crisis"]
    assert all(set(row) == {"level", "reasons"} for row in rows)
    assert rows[0]["reasons"]


def test_safety_check_reply(cli) -> None:
    r = cli("safety", "check", "--reply", input="Take 200 mg once a day.\nBreathe slowly.\n")
    rows = [json.loads(line) for line in r.out.splitlines()]
    assert rows[0]["allowed"] is False and rows[0]["reasons"]
    assert rows[1] == {"allowed": True, "reasons": []}


def test_safety_check_json_and_arguments(cli) -> None:
    r = cli("safety", "check", "--json", "je meurs de faim", "à quoi bon")
    data = r.json()
    assert [d["level"] for d in data] == ["none", "concern"]
    assert data[0]["text"] == "je meurs de faim"


def test_safety_check_bad_json_line(cli) -> None:
    r = cli("safety", "check", input='{"message": "no text field"}\n')
    assert r.code == 1 and "line 1" in r.err


def test_plan_show_and_edit(cli) -> None:
    assert cli("plan", "show").err.strip() == t("plan.empty", "en")
    r = cli("plan", "edit", "--add", "1", "Not sleeping", "--set", "4", "Sam; my sister", "--json")
    data = r.json()
    assert data["steps"]["warning_signs"] == ["Not sleeping"]
    assert data["steps"]["ask_for_help"] == ["Sam", "my sister"]
    r = cli("plan", "edit", "--remove", "4", "1", "--clear", "1", "--json")
    assert r.json()["steps"] == {
        **data["steps"],
        "warning_signs": [],
        "ask_for_help": ["my sister"],
    }
    shown = cli("plan", "show")
    assert "my sister" in shown.out and t("plan.step.ask_for_help.title", "en") in shown.out
    assert cli("plan", "show", "--json").json()["steps"]["ask_for_help"] == ["my sister"]


def test_plan_edit_errors(cli) -> None:
    r = cli("plan", "edit", "--add", "9", "x")
    assert r.code == 1 and "unknown step" in r.err
    assert cli("plan", "edit", "--add", "1").code == 2
    assert cli("plan", "edit", "--remove", "1", "one").code == 2
    assert cli("plan", "edit", "--frobnicate").code == 2
    # all or nothing: a bad step later on changes nothing
    cli("plan", "edit", "--add", "1", "ok", "--add", "zzz", "nope")
    assert cli("plan", "show", "--json").json()["steps"]["warning_signs"] == []


def test_plan_edit_without_a_keyboard_is_an_error(cli) -> None:
    r = cli("plan", "edit", input="")
    assert r.code == 1 and "--add" in r.err


def test_plan_edit_interactive(cli, monkeypatch) -> None:
    monkeypatch.setattr("coach.cli.plan.interactive", lambda: True)
    # part 1: two items; parts 2-6: nothing; part 7: one item
    answers = "Not sleeping\nSnapping at people\n\n\n\n\n\n\nMy kids\n\n"
    r = cli("plan", "edit", "--json", input=answers)
    assert r.code == 0
    steps = json.loads(r.out)["steps"]
    assert steps["warning_signs"] == ["Not sleeping", "Snapping at people"]
    assert steps["reasons"] == ["My kids"]


def test_cli_gate_prints_the_crisis_block_on_stderr(context, capsys, monkeypatch) -> None:
    from coach.cli.safety_gate import check
    from coach.safety import plan

    monkeypatch.setenv("COACH_COUNTRY", "FR")
    from coach.context import Context

    ctx = Context.load(lang="en")
    plan.add(ctx, "reasons", "my little brother")
    found = check(ctx, "I want to end my life tonight")
    out, err = capsys.readouterr()
    assert found.is_crisis and out == ""
    assert "3114" in err and "15 or 112" in err and "my little brother" in err
    assert t("safety.saved_note", "en") in err


def test_cli_gate_concern_and_none(context, capsys) -> None:
    from coach.cli.safety_gate import check

    assert check(context, "I feel so hopeless").is_concern
    assert capsys.readouterr().err.strip() == t("safety.concern_cli", "en")
    assert check(context, "nice walk today").level == "none"
    assert capsys.readouterr().err == ""
