"""The commands: `exercises list/show/path/hide/unhide/add-card`, and `--plain` runs."""

from __future__ import annotations

import json

import pytest


@pytest.fixture(autouse=True)
def no_waiting(monkeypatch):
    monkeypatch.setenv("COACH_TIME_SCALE", "0")


def test_list_json_has_id_kind_category_and_title(cli):
    r = cli("exercises", "list", "--json")
    assert r.code == 0, r
    rows = r.json()
    by_id = {row["id"]: row for row in rows}
    assert by_id["box"] == {
        "id": "box", "kind": "breathing", "category": "breathing", "title": "Box breathing",
        "hidden": False, "user": False,
    }  # fmt: skip
    assert sum(row["kind"] == "card" for row in rows) >= 40


def test_list_speaks_the_current_language(cli):
    r = cli("--lang", "fr", "exercises", "list", "--json", "--kind", "breathing")
    titles = {row["id"]: row["title"] for row in r.json()}
    assert titles["box"] == "Respiration carrée"
    assert set(titles) >= {"box", "478", "sigh", "coherence-365"}


def test_list_text_one_line_an_exercise(cli):
    r = cli("exercises", "list", "--kind", "urge")
    lines = r.out.splitlines()
    assert len(lines) == 2
    assert lines[0].split()[:3] == ["urge-15", "urge", "urge"]


def test_show_json_and_text(cli):
    r = cli("exercises", "show", "478", "--json")
    data = r.json()
    assert data["cycles"] == 4 and data["total_seconds"] == 76
    assert [p["seconds"] for p in data["phases"]] == [4, 7, 8]
    assert "Weil" in data["source"]
    r = cli("exercises", "show", "grounding-54321")
    assert "Name five things you can see" in r.out and "Cautions:" in r.out


def test_unknown_exercise_is_one_line_and_exit_1(cli):
    r = cli("exercises", "show", "nope")
    assert r.code == 1 and r.err.strip().startswith("coach: No exercise 'nope'")
    assert "Traceback" not in r.err


def test_path_prints_and_creates_the_user_folder(cli, coach_home):
    r = cli("exercises", "path")
    folder = r.out.strip()
    assert folder.startswith(str(coach_home)) and folder.endswith("exercises")
    from pathlib import Path

    assert Path(folder).is_dir()


def test_a_user_file_appears_in_the_list_and_a_broken_one_is_reported(cli):
    from pathlib import Path

    folder = Path(cli("exercises", "path").out.strip())
    (folder / "broken.toml").write_text('id = "broken"\nkind = "card"\ncategory = "nope"\n')
    (folder / "mine.toml").write_text(
        'id = "mine"\nkind = "card"\ncategory = "comfort"\nsource = "me"\n'
        '[title]\nen = "Call Sam"\n[summary]\nen = "Sam"\n'
        '[cautions]\nen = "-"\n[text]\nen = "Call."\n'
    )
    r = cli("exercises", "list", "--json")
    assert r.code == 0
    assert "mine" in {row["id"] for row in r.json()}
    assert str(folder / "broken.toml") in r.err and "`category`" in r.err


def test_hide_and_unhide_a_card(cli):
    r = cli("exercises", "hide", "comfort-warm-drink", "--json")
    assert r.json() == {"id": "comfort-warm-drink", "hidden": True, "changed": True}
    ids = {row["id"] for row in cli("exercises", "list", "--json").json()}
    assert "comfort-warm-drink" not in ids
    rows = cli("exercises", "list", "--all", "--json").json()
    assert any(row["id"] == "comfort-warm-drink" and row["hidden"] for row in rows)
    assert cli("exercises", "hide", "comfort-warm-drink", "--json").json()["changed"] is False
    r = cli("exercises", "unhide", "comfort-warm-drink")
    assert r.code == 0 and "back" in r.err
    ids = {row["id"] for row in cli("exercises", "list", "--json").json()}
    assert "comfort-warm-drink" in ids


def test_hiding_something_that_is_not_a_card_fails(cli):
    r = cli("exercises", "hide", "box")
    assert r.code == 1 and "No card" in r.err


def test_add_card_writes_a_file_in_the_user_folder(cli):
    r = cli("exercises", "add-card", "comfort", "Call my sister and talk about anything", "--json")
    assert r.code == 0, r
    card = r.json()
    assert card["id"].startswith("mine-call-my-sister") and card["category"] == "comfort"
    assert card["text"] == "Call my sister and talk about anything" and card["user"] is True
    rows = cli("exercises", "list", "--kind", "card", "--category", "comfort", "--json").json()
    assert card["id"] in {row["id"] for row in rows}
    r = cli("exercises", "add-card", "comfort", "Call my sister and talk about anything", "--json")
    assert r.json()["id"] != card["id"]  # never overwrites the first one


def test_add_card_refuses_a_bad_category(cli):
    r = cli("exercises", "add-card", "party", "something")
    assert r.code == 1 and "comfort" in r.err


def test_add_card_passes_the_safety_gate(cli):
    r = cli("exercises", "add-card", "express", "I want to kill myself tonight", "--json")
    assert r.code == 0  # the card is still saved: never lose what someone wrote
    assert r.err.strip()  # and crisis help is shown on stderr


# --- paced plain runs -------------------------------------------------------------------


def test_breathe_plain_prints_one_line_a_phase_with_its_seconds(cli):
    r = cli("breathe", "box", "--cycles", "2", "--plain")
    assert r.code == 0, r
    lines = r.out.splitlines()
    phases = [line for line in lines if line.startswith("Cycle")]
    assert phases == [
        "Cycle 1/2 · Breathe in · 4 s",
        "Cycle 1/2 · Hold · 4 s",
        "Cycle 1/2 · Breathe out · 4 s",
        "Cycle 1/2 · Hold, lungs empty · 4 s",
        "Cycle 2/2 · Breathe in · 4 s",
        "Cycle 2/2 · Hold · 4 s",
        "Cycle 2/2 · Breathe out · 4 s",
        "Cycle 2/2 · Hold, lungs empty · 4 s",
    ]
    assert lines[0].startswith("Box breathing") and lines[-1].startswith("Done")


def test_breathe_plain_in_french_with_minutes(cli):
    r = cli("--lang", "fr", "breathe", "coherence", "--minutes", "1", "--plain")
    phases = [line for line in r.out.splitlines() if line.startswith("Cycle")]
    assert phases[0] == "Cycle 1/6 · Inspirez · 4,5 s"
    assert phases[1] == "Cycle 1/6 · Expirez · 6,4 s"
    assert len(phases) == 12


def test_breathe_json_stores_the_session_and_prints_it(cli):
    r = cli("breathe", "478", "--json", "--before", "8", "--after", "5")
    assert r.code == 0, r
    record = r.json()
    assert record["exercise_id"] == "478" and record["kind"] == "breathing"
    assert record["completed"] is True and record["duration_s"] == 76
    assert (record["rating_before"], record["rating_after"]) == (8, 5)
    assert "Cycle 4/4" in r.err  # the paced lines went to stderr
    runs = cli("exercises", "sessions", "--json").json()
    assert runs[0]["id"] == record["id"]


def test_breathe_refuses_cycles_and_minutes_together(cli):
    r = cli("breathe", "box", "--cycles", "2", "--minutes", "1", "--plain")
    assert r.code == 2


def test_breathe_refuses_a_rating_out_of_range(cli):
    assert cli("breathe", "box", "--plain", "--before", "11").code == 2


def test_breathe_refuses_a_non_breathing_exercise(cli):
    r = cli("breathe", "grounding-54321", "--plain")
    assert r.code == 1 and "box" in r.err


def test_ground_plain_walks_the_five_senses(cli):
    r = cli("ground", "--plain")
    steps = [line for line in r.out.splitlines() if line.startswith("Step")]
    assert len(steps) == 5
    assert (
        steps[0] == "Step 1/5 · Look around you. Name five things you can see. (5 to name) · 40 s"
    )
    assert steps[-1].endswith("(1 to name) · 20 s")


def test_urge_plain_asks_each_minute_and_points_to_sos(cli):
    r = cli("urge", "--minutes", "5", "--plain", "--json", "--before", "7")
    record = r.json()
    assert record["exercise_id"] == "urge-5" and record["rating_before"] == 7
    assert record["urge_passed"] is None  # no one at the keyboard to answer
    assert r.err.count("Has the urge passed?") == 5
    assert "coach sos" in r.err


def test_urge_minutes_must_be_5_or_15(cli):
    assert cli("urge", "--minutes", "7", "--plain").code == 2


def test_relax_plain_alternates_tensing_and_release(cli):
    r = cli("relax", "pmr-short", "--plain")
    steps = [line for line in r.out.splitlines() if line.startswith("Step")]
    assert len(steps) == 14
    assert steps[1].startswith("Step 1/7 · Let go all at once") and steps[1].endswith("30 s")


def test_exercises_run_any_kind(cli):
    r = cli("exercises", "run", "tipp-cold", "--plain")
    assert r.code == 0 and "Part 1/2" in r.out and "15 s" in r.out


def test_plain_is_used_when_stdout_is_not_a_terminal(coach_process):
    r = coach_process("breathe", "box-nohold", "--cycles", "1", env={"COACH_TIME_SCALE": "0"})
    assert r.code == 0, r
    assert [line for line in r.out.splitlines() if line.startswith("Cycle")] == [
        "Cycle 1/1 · Breathe in · 4 s",
        "Cycle 1/1 · Breathe out · 4 s",
    ]


def test_plain_is_really_paced(coach_process):
    """With a time scale the lines come out over time (a tiny scale keeps the test short)."""
    import subprocess
    import sys
    import time

    start = time.monotonic()
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "breathe", "box", "--cycles", "1", "--time-scale", "0.05"],
        stdout=subprocess.PIPE,
        text=True,
    )
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == 0
    assert time.monotonic() - start >= 16 * 0.05
    assert out.count("Cycle 1/1") == 4


def test_json_session_fields_for_insights(cli, context):
    cli("ground", "--plain", "--before", "6")
    from coach.exercises.sessions import Sessions

    (run,) = Sessions(context).all()
    assert set(run) >= {
        "exercise_id", "started_at", "duration_s", "completed", "rating_before", "rating_after",
        "kind",
    }  # fmt: skip
    from datetime import datetime

    assert datetime.fromisoformat(run["started_at"]).tzinfo is not None
    assert run["rating_after"] is None and run["kind"] == "steps"
    json.dumps(run)


def test_plain_with_a_person_at_the_keyboard_asks_ratings_and_the_question(cli, monkeypatch):
    import coach.cli.breathe as breathe

    monkeypatch.setattr(breathe, "interactive", lambda: True)
    r = cli("urge", "--minutes", "5", "--plain", input="8\nn\ny\n3\n")
    assert r.code == 0, r
    assert "How strong is the urge right now" in r.out
    assert "The wave has passed" in r.out
    assert r.out.count("Minute ") == 2
    runs = cli("exercises", "sessions", "--json").json()
    assert runs[0]["urge_passed"] is True
    assert (runs[0]["rating_before"], runs[0]["rating_after"]) == (8, 3)
    assert runs[0]["duration_s"] == 120


def test_plain_ctrl_d_at_a_prompt_is_no_answer(cli, monkeypatch):
    import coach.cli.breathe as breathe

    monkeypatch.setattr(breathe, "interactive", lambda: True)
    r = cli("breathe", "box", "--cycles", "1", "--plain", input="")
    assert r.code == 0 and "Traceback" not in r.err
    run = cli("exercises", "sessions", "--json").json()[0]
    assert run["rating_before"] is None and run["completed"] is True


@pytest.mark.parametrize("kind", ["breathing", "steps", "timer", "urge", "card"])
def test_a_template_of_each_kind_is_a_valid_file_for_the_user_folder(cli, kind):
    from pathlib import Path

    r = cli("exercises", "template", kind)
    assert r.code == 0
    folder = Path(cli("exercises", "path").out.strip())
    (folder / "mine.toml").write_text(r.out, encoding="utf-8")
    rows = cli("exercises", "list", "--json")
    assert rows.err == ""  # no problem reported
    assert {"id": f"my-{kind}", "kind": kind} in [
        {"id": row["id"], "kind": row["kind"]} for row in rows.json()
    ]


def test_an_unknown_template_kind_is_a_usage_error(cli):
    assert cli("exercises", "template", "yoga").code == 2


def test_check_says_all_is_well_or_what_is_wrong(cli):
    from pathlib import Path

    r = cli("exercises", "check")
    assert r.code == 0 and r.err.startswith("All ") and "exercises are fine" in r.err
    folder = Path(cli("exercises", "path").out.strip())
    (folder / "oops.toml").write_text('id = "oops"\nkind = "breathing"\ncategory = 3\n')
    r = cli("exercises", "check")
    assert r.code == 1 and "oops.toml" in r.err and "`category`" in r.err
    r = cli("exercises", "check", "--json")
    assert r.code == 1 and r.err == ""
    (problem,) = r.json()["problems"]
    assert problem["field"] == "category" and problem["path"].endswith("oops.toml")


def test_add_card_never_overwrites_a_file_of_yours(cli):
    from pathlib import Path

    folder = Path(cli("exercises", "path").out.strip())
    mine = folder / "mine-call-mum.toml"
    mine.write_text("# my notes, not an exercise\n", encoding="utf-8")
    r = cli("exercises", "add-card", "comfort", "Call mum", "--json")
    assert r.json()["id"] == "mine-call-mum-2"
    assert mine.read_text(encoding="utf-8") == "# my notes, not an exercise\n"
