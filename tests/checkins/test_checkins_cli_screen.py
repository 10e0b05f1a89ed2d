"""`coach screen`: answers from a script, the JSON, the item-9 path, the prompts, bad values."""

from __future__ import annotations

import subprocess
import sys

import pytest

import coach.cli.screen as screen_cli


def test_json_result(cli, context):
    r = cli("screen", "phq9", "--answers", "2,2,1,2,1,2,1,1,0", "--json")
    assert r.code == 0, r
    data = r.json()
    assert data["total"] == 12 and data["band"] == "moderate"
    assert data["safety_followup"] is False and data["suggest_professional"] is True
    assert data["answers"] == [2, 2, 1, 2, 1, 2, 1, 1, 0]
    assert data["id"] == 1 and data["questionnaire"] == "phq9" and data["max"] == 27
    assert r.err == ""
    assert context.store.collection("screenings").get(1)["total"] == 12


def test_gad7_text_says_screening_not_diagnosis(cli):
    r = cli("screen", "gad7", "--answers", "0,1,0,1,0,1,0")
    assert r.code == 0
    assert "GAD-7: 3/21, minimal." in r.out
    assert "not a diagnosis" in r.out
    assert "worth talking about" not in r.out
    assert "Pfizer" in r.out


def test_suggests_a_professional_from_ten(cli):
    r = cli("screen", "gad7", "--answers", "2,2,2,2,1,1,0")
    assert "moderate" in r.out and "worth talking about with a doctor" in r.out


def test_item9_prints_the_crisis_block_and_flags_the_json(cli):
    r = cli("screen", "phq9", "--answers", "0,0,0,0,0,0,0,0,1", "--json")
    assert r.code == 0
    assert r.json()["safety_followup"] is True and r.json()["total"] == 1
    assert "hurting yourself" in r.err
    assert "immediate danger" in r.err


def test_item9_crisis_block_comes_before_the_score(coach_home):
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "screen", "phq9", "--answers", "0,0,0,0,0,0,0,0,2"],
        capture_output=False,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,  # one stream: the order is what a person sees
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0
    assert proc.stdout.index("immediate danger") < proc.stdout.index("PHQ-9: 2/27")


@pytest.mark.parametrize(
    "args",
    [
        ["phq9", "--answers", "1,2,3"],
        ["phq9", "--answers", "0,0,0,0,0,0,0,0,0,0"],
        ["phq9", "--answers", "0,0,0,0,0,0,0,0,4"],
        ["gad7", "--answers", "0,0,0,x,0,0,0"],
        ["gad7", "--answers", ""],
        ["beck", "--answers", "1"],
        ["phq9"],  # no terminal and no answers
    ],
)
def test_bad_values(cli, context, args):
    r = cli("screen", *args, "--json")
    assert r.code == 1, r
    assert r.out == "" and r.err.startswith("coach: ") and r.err.count("\n") == 1
    assert context.store.collection("screenings").all() == []


def test_name_is_required(cli):
    assert cli("screen").code == 2


def test_interactive_asks_every_item(cli, monkeypatch):
    monkeypatch.setattr(screen_cli, "interactive", lambda: True)
    r = cli("screen", "gad7", "--json", input="1\n9\n2\n0\n0\n1\n1\n0\n")
    assert r.code == 0, r
    assert r.json()["answers"] == [1, 2, 0, 0, 1, 1, 0]
    assert "Feeling nervous, anxious, or on edge" in r.err


def test_french(cli):
    r = cli("--lang", "fr", "screen", "phq9", "--answers", "3,3,3,3,3,3,3,2,0", "--json")
    assert r.json()["band_label"] == "sévère"
    r = cli("--lang", "fr", "screen", "gad7", "--answers", "0,0,0,0,0,0,0")
    assert "minimale" in r.out and "pas un diagnostic" in r.out
