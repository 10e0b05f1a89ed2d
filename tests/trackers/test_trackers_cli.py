"""`coach track ...` and `coach harm`: JSON for every command, one line for every bad value."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest


def _ago(**delta: float) -> str:
    return (datetime.now().astimezone() - timedelta(**delta)).isoformat(timespec="seconds")


def _store(home: Path) -> bytes | None:
    file = home / "data" / "store" / "trackers.json"
    return file.read_bytes() if file.exists() else None


def test_add_json(cli):
    r = cli(
        "track",
        "add",
        "Alcohol",
        "--since",
        _ago(days=8, hours=2),
        "--cost-per-day",
        "12,5",
        "--time-per-day",
        "90",
        "--json",
    )
    assert r.code == 0, r
    data = r.json()
    assert (data["name"], data["kind"], data["days"]) == ("Alcohol", "alcohol", 8)
    assert data["cost_per_day"] == 12.5 and data["time_per_day"] == 90
    assert data["money_saved"] == pytest.approx(12.5 * (8 + 2 / 24), abs=0.02)
    assert data["milestones_new"] == ["1d", "3d", "7d"]
    assert data["next_milestone"]["id"] == "2w"
    assert data["longest_streak_days"] == 8 and data["total_clean_days"] == 8


def test_milestones_are_celebrated_once_in_the_shell(cli):
    first = cli("track", "add", "alcohol", "--since", _ago(days=7, hours=3))
    assert "★ 7 days!" in first.out and "Also reached: 1 day, 3 days." in first.out
    again = cli("track", "status", "alcohol")
    assert "★" not in again.out and "Next milestone: 2 weeks" in again.out
    assert cli("track", "status", "alcohol", "--json").json()["milestones_new"] == []


def test_add_text_and_kind_option(cli):
    r = cli("track", "add", "poker nights", "--kind", "gambling")
    assert r.code == 0, r
    assert "started" in r.err and "poker nights · gambling" in r.out
    assert cli("track", "status", "poker nights", "--json").json()["kind"] == "gambling"


def test_list_json_nl_and_empty(cli):
    empty = cli("track", "list", "--json")
    assert (empty.code, empty.json()) == (0, [])
    assert "No trackers yet" in cli("track", "list").err
    cli("track", "add", "alcohol")
    cli("track", "add", "betting", "--kind", "gambling")
    data = cli("track", "list", "--json").json()
    assert [d["name"] for d in data] == ["alcohol", "betting"]
    lines = cli("track", "list", "--nl").out.splitlines()
    assert len(lines) == 2 and '"name": "betting"' in lines[1]
    assert "alcohol" in cli("track", "list").out


def test_status_json_one_and_all(cli):
    cli("track", "add", "alcohol", "--since", _ago(days=2, hours=5))
    one = cli("track", "status", "ALCOHOL", "--json")
    assert one.code == 0 and one.json()["days"] == 2 and one.json()["hours"] == 53
    assert one.json()["hours_into_day"] == 5
    every = cli("track", "status", "--json").json()
    assert isinstance(every, list) and every[0]["name"] == "alcohol"
    text = cli("track", "status").out
    assert "2 days, 5 hours" in text and "Next milestone: 3 days" in text


def test_status_in_french(cli):
    cli("track", "add", "alcool", "--since", _ago(days=20), "--cost-per-day", "3")
    out = cli("--lang", "fr", "track", "status").out
    assert "20 jours" in out and "Prochaine étape : 30 jours" in out
    assert "Argent économisé : 60,00" in out and "alcool · alcool" in out


def test_pledge_json(cli):
    cli("track", "add", "alcohol")
    r = cli("track", "pledge", "alcohol", "--note", "for my kids", "--json")
    assert r.code == 0, r
    data = r.json()
    assert data["pledge"]["note"] == "for my kids" and data["pledge_streak"] == 1
    assert data["status"]["pledged_today"] is True


def test_review_json(cli):
    cli("track", "add", "alcohol")
    r = cli("track", "review", "alcohol", "--rating", "5", "--note", "hard one", "--json")
    assert r.code == 0, r
    assert r.json()["review"]["rating"] == 5
    text = cli("track", "review", "alcohol", "--rating", "4")
    assert "hard" in text.err and "counts" in text.err


def test_slip_json_keeps_progress_and_speaks_kindly(cli):
    cli("track", "add", "alcohol", "--since", _ago(days=12))
    r = cli(
        "track",
        "slip",
        "alcohol",
        "--trigger",
        "party",
        "--urge",
        "8",
        "--note",
        "it happened",
        "--json",
    )
    assert r.code == 0, r
    data = r.json()
    assert data["ended_streak_days"] == 12
    assert data["slip"]["trigger"] == "party" and data["slip"]["urge"] == 8
    assert data["status"]["days"] == 0 and data["status"]["longest_streak_days"] == 12
    assert data["status"]["total_clean_days"] == 12 and data["status"]["slips"] == 1
    text = cli("track", "slip", "alcohol")
    assert "A new start" in text.err and "stays yours" in text.err
    assert "coach harm alcohol" in text.err
    for word in ("fail", "relapse", "reset", "lost", "shame"):
        assert word not in text.err.lower()


def test_slip_at_a_past_moment(cli):
    cli("track", "add", "alcohol", "--since", _ago(days=10))
    r = cli("track", "slip", "alcohol", "--at", _ago(days=4), "--json")
    assert r.code == 0, r
    assert r.json()["ended_streak_days"] == 6 and r.json()["status"]["days"] == 4


def test_urge_and_triggers_json(cli):
    cli("track", "add", "alcohol")
    assert cli("track", "urge", "alcohol", "--trigger", "stress", "--urge", "6", "--json").code == 0
    cli("track", "urge", "alcohol", "--trigger", "Stress", "--urge", "8")
    cli("track", "slip", "alcohol", "--trigger", "boredom")
    r = cli("track", "triggers", "alcohol", "--json")
    assert r.code == 0, r
    data = r.json()
    assert data["events"] == 3 and data["triggers"][0]["count"] == 2
    assert data["triggers"][0]["average_urge"] == 7.0
    assert len(data["hours"]) == 24 and len(data["weekdays"]) == 7
    text = cli("track", "triggers", "alcohol").out
    assert "Most common triggers" in text and "Stress: 2 (67 %)" in text


def test_rm_json_and_confirmation(cli, coach_home):
    cli("track", "add", "alcohol")
    refused = cli("track", "rm", "alcohol")
    assert refused.code == 1 and "--yes" in refused.err
    assert cli("track", "list", "--json").json() != []
    r = cli("track", "rm", "alcohol", "--yes", "--json")
    assert r.code == 0 and r.json()["removed"] == "alcohol"
    assert cli("track", "list", "--json").json() == []


def test_a_crisis_in_a_note_shows_help_and_the_slip_is_still_kept(cli, coach_home):
    cli("track", "add", "alcohol")
    r = cli("track", "slip", "alcohol", "--note", "I want to kill myself", "--json")
    assert r.code == 0
    assert r.json()["slip"]["note"] == "I want to kill myself"
    assert "─" in r.err  # the crisis block went to stderr, stdout stays JSON
    import json

    raw = json.loads(_store(coach_home))
    assert next(iter(raw["events"].values()))["safety"] == "crisis"


def test_a_trigger_passes_the_safety_gate_too(cli, coach_home):
    cli("track", "add", "alcohol")
    r = cli("track", "urge", "alcohol", "--trigger", "je veux mourir", "--json")
    assert r.code == 0 and "─" in r.err
    assert r.json()["urge"]["trigger"] == "je veux mourir"


BAD = [
    (["add", "x", "--kind", "drinks"], "not a kind"),
    (["add", "x", "--since", "someday"], "not a date"),
    (["add", "x", "--since", "2999-01-01"], "future"),
    (["add", "x", "--cost-per-day", "-1"], "not an amount"),
    (["add", "x", "--cost-per-day", "abc"], "not an amount"),
    (["add", "x", "--cost-per-day", "nan"], "not an amount"),
    (["add", "x", "--cost-per-day", "inf"], "not an amount"),
    (["add", "x", "--time-per-day", "2000"], "minutes"),
    (["add", "x", "--time-per-day", "1.5"], "minutes"),
    (["add", "   "], "name"),
    (["add", "x" * 41], "name"),
    (["add", "alcohol"], "already"),
    (["status", "nothing"], "No tracker"),
    (["pledge", "nothing"], "No tracker"),
    (["pledge", "alcohol", "--note", "x" * 4001], "too long"),
    (["review", "alcohol", "--rating", "0"], "not a rating"),
    (["review", "alcohol", "--rating", "6"], "not a rating"),
    (["review", "alcohol", "--rating", "hard"], "not a rating"),
    (["review", "nothing", "--rating", "3"], "No tracker"),
    (["slip", "alcohol", "--urge", "11"], "urge"),
    (["slip", "alcohol", "--urge", "-1"], "urge"),
    (["slip", "alcohol", "--urge", "strong"], "urge"),
    (["slip", "alcohol", "--at", "2999-01-01 10:00"], "future"),
    (["slip", "alcohol", "--at", "noon"], "not a date"),
    (["slip", "alcohol", "--at", "2000-01-01"], "before the current streak"),
    (["slip", "alcohol", "--trigger", "t" * 61], "trigger"),
    (["slip", "nothing"], "No tracker"),
    (["urge", "alcohol", "--urge", "99"], "urge"),
    (["rm", "nothing", "--yes"], "No tracker"),
    (["triggers", "nothing"], "No tracker"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a)[:40] for a, _ in BAD])
def test_bad_values_are_one_line_exit_1_and_nothing_stored(cli, coach_home, args, message):
    cli("track", "add", "alcohol", "--since", _ago(days=3))
    before = _store(coach_home)
    r = cli("track", *args, "--json")
    assert r.code == 1, r
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coach: "), r.err
    assert message.lower() in lines[0].lower()
    assert _store(coach_home) == before


def test_bad_values_in_french(cli):
    r = cli("--lang", "fr", "track", "review", "x", "--rating", "3")
    assert r.code == 1 and "Aucun suivi" in r.err


def test_a_real_process_round_trip(coach_process):
    r = coach_process("track", "add", "alcohol", "--since", _ago(days=1, hours=1), "--json")
    assert r.code == 0, r
    assert r.json()["days"] == 1
    r = coach_process("track", "review", "alcohol", "--rating", "9")
    assert r.code == 1 and r.err.count("\n") == 1 and "Traceback" not in r.err


def test_harm_lists_and_prints_cards(cli):
    r = cli("harm")
    assert r.code == 0 and "Naloxone" in r.out and "self-harm" in r.out
    cards = cli("harm", "substances", "--json").json()
    assert {c["id"] for c in cards} >= {"not-alone", "mixing", "naloxone", "help-and-checking"}
    assert all(c["sources"] for c in cards)
    one = cli("harm", "alcohol-withdrawal").out
    assert "doctor" in one and "Sources:" in one and "https://" in one
    fr = cli("--lang", "fr", "harm", "alcool", "--json").json()
    assert fr[0]["title"] == "Arrêter d'un coup peut être dangereux"
    assert fr[0]["sources"][0]["lang"] == "fr"  # French readers get French sources first


def test_harm_unknown_topic(cli):
    r = cli("harm", "bananas")
    assert r.code == 1 and r.out == "" and len(r.err.strip().splitlines()) == 1
