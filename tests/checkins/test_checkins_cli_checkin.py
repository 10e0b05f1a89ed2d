"""`coach checkin`: every flag, every bad value, the prompts, and the safety gate on notes."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

import coach.cli.checkin as checkin_cli


def stored(context):
    return context.store.collection("checkins").all()


def test_mood_only_with_json_prints_the_stored_record(cli, context):
    r = cli("checkin", "--mood", "7", "--json")
    assert r.code == 0, r
    record = r.json()
    assert record["id"] == 1 and record["mood"] == 7
    assert set(record) == {"id", "at", "mood", "energy", "anxiety", "sleep_hours", "tags", "note"}
    assert datetime.fromisoformat(record["at"]).utcoffset() is not None
    assert stored(context) == [record]


def test_every_flag(cli, context):
    r = cli(
        "checkin", "--mood", "4", "--energy", "3", "--anxiety", "0", "--sleep", "6.5",
        "--tag", "Work", "--tag", "family, sport", "--note", "  long day  ",
        "--at", "2026-01-05 21:15", "--json",
    )  # fmt: skip
    assert r.code == 0, r
    record = r.json()
    assert record["energy"] == 3 and record["anxiety"] == 0 and record["sleep_hours"] == 6.5
    assert record["tags"] == ["work", "family", "sport"]
    assert record["note"] == "long day"
    at = datetime.fromisoformat(record["at"])
    assert (at.year, at.month, at.day, at.hour, at.minute) == (2026, 1, 5, 21, 15)
    assert at.utcoffset() is not None


def test_without_json_a_message_on_stderr_and_nothing_on_stdout(cli, context):
    r = cli("checkin", "--mood", "6")
    assert r.code == 0 and r.out == ""
    assert "6/10" in r.err and "coach sos" not in r.err
    assert len(stored(context)) == 1


def test_a_low_mood_gets_a_word_about_help(cli):
    r = cli("checkin", "--mood", "3", "--json")
    assert r.code == 0 and r.json()["mood"] == 3
    assert "hard moment" in r.err and "coach sos" in r.err


@pytest.mark.parametrize(
    ("value", "expected"),
    [("7,5", 7.5), ("0", 0.0), ("24", 24.0), ("8", 8.0)],
)
def test_sleep_values(cli, value, expected):
    r = cli("checkin", "--mood", "5", "--sleep", value, "--json")
    assert r.code == 0, r
    assert r.json()["sleep_hours"] == expected


def test_at_with_offset_and_date_only(cli):
    r = cli("checkin", "--mood", "5", "--at", "2026-03-01T08:00:00+02:00", "--json")
    assert r.json()["at"] == "2026-03-01T08:00:00+02:00"
    r = cli("checkin", "--mood", "5", "--at", "2026-03-02", "--json")
    assert r.json()["at"].startswith("2026-03-02T12:00:00")


@pytest.mark.parametrize(
    "args",
    [
        ["--mood", "0"],
        ["--mood", "11"],
        ["--mood", "abc"],
        ["--mood", "5.5"],
        ["--mood", ""],
        ["--mood", "5", "--energy", "0"],
        ["--mood", "5", "--energy", "11"],
        ["--mood", "5", "--energy", "x"],
        ["--mood", "5", "--anxiety", "-1"],
        ["--mood", "5", "--anxiety", "11"],
        ["--mood", "5", "--sleep", "-1"],
        ["--mood", "5", "--sleep", "25"],
        ["--mood", "5", "--sleep", "lots"],
        ["--mood", "5", "--sleep", "nan"],
        ["--mood", "5", "--tag", "x" * 41],
        ["--mood", "5", "--note", "x" * 4001],
        ["--mood", "5", "--at", "yesterday"],
        ["--mood", "5", "--at", "2026-13-01"],
        ["--mood", "5", "--at", (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M")],
        ["--energy", "5"],
        ["--note", "no mood given"],
    ],
)
def test_bad_values_are_one_line_exit_1_and_nothing_stored(cli, context, args):
    r = cli("checkin", *args, "--json")
    assert r.code == 1, r
    assert r.out == ""
    lines = r.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("coach: ")
    assert "Traceback" not in r.err
    assert stored(context) == []


def test_no_flags_without_a_terminal_is_an_error(cli, context):
    r = cli("checkin")
    assert r.code == 1
    assert r.err.count("\n") == 1 and "--mood" in r.err
    assert stored(context) == []


def test_no_flags_in_a_terminal_asks_and_re_asks_bad_values(cli, context, monkeypatch):
    monkeypatch.setattr(checkin_cli, "interactive", lambda: True)
    answers = "\n".join(["", "12", "8", "", "2", "7.5", "work, friends", "a good walk"]) + "\n"
    r = cli("checkin", "--json", input=answers)
    assert r.code == 0, r
    record = r.json()
    assert (record["mood"], record["energy"], record["anxiety"]) == (8, None, 2)
    assert record["sleep_hours"] == 7.5 and record["tags"] == ["work", "friends"]
    assert record["note"] == "a good walk"
    assert "whole number from 1 to 10" in r.err  # the bad 12 was explained, then asked again


def test_flags_in_a_terminal_ask_nothing(cli, monkeypatch):
    monkeypatch.setattr(checkin_cli, "interactive", lambda: True)
    r = cli("checkin", "--mood", "3", "--json", input="")
    assert r.code == 0 and r.json()["mood"] == 3


def test_a_crisis_note_prints_help_on_stderr_and_is_still_stored(cli, context):
    r = cli("checkin", "--mood", "2", "--note", "I want to kill myself", "--json")
    assert r.code == 0
    assert r.json()["note"] == "I want to kill myself"  # stdout stays data
    assert "112" in r.err or "emergency" in r.err.lower()
    assert stored(context)[0]["note"] == "I want to kill myself"


def test_a_crisis_note_with_a_bad_value_still_shows_help(cli, context):
    r = cli("checkin", "--mood", "99", "--note", "I want to kill myself")
    assert r.code == 1 and "immediate danger" in r.err
    assert r.err.rstrip().splitlines()[-1].startswith("coach: ")
    assert stored(context) == []


def test_french_messages(cli):
    r = cli("--lang", "fr", "checkin", "--mood", "12")
    assert r.code == 1 and "L'humeur doit être" in r.err


def test_real_process_checkin(coach_process):
    r = coach_process("checkin", "--mood", "5", "--json")
    assert r.code == 0 and r.json()["mood"] == 5
    r = coach_process("checkin")
    assert r.code == 1 and r.err.startswith("coach: ")
