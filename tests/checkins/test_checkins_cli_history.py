"""`coach history`: newest first, every kind, --days, and the three script formats."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta

import pytest


@pytest.fixture
def filled(cli, context):
    now = datetime.now().astimezone()
    day = timedelta(days=1)
    cli("checkin", "--mood", "4", "--at", (now - 10 * day).isoformat(timespec="seconds"))
    cli(
        "checkin",
        "--mood",
        "8",
        "--note",
        "sunny",
        "--at",
        (now - day).isoformat(timespec="seconds"),
    )
    cli("screen", "gad7", "--answers", "1,1,1,1,1,1,1")
    cli("journal", "--text", "dear diary")
    sessions = context.store.collection("sessions")
    sessions.insert(
        {
            "exercise_id": "box",
            "kind": "breathing",
            "started_at": (now - 2 * day).isoformat(timespec="seconds"),
            "duration_s": 240.0,
            "completed": True,
            "rating_before": 4,
            "rating_after": 7,
        }
    )
    return now


def test_newest_first_across_kinds(cli, filled):
    r = cli("history", "--json")
    assert r.code == 0
    items = r.json()
    moments = [datetime.fromisoformat(i["at"]) for i in items]
    assert moments == sorted(moments, reverse=True)
    assert sorted(i["kind"] for i in items) == [
        "checkin", "checkin", "exercise", "journal", "screening",
    ]  # fmt: skip
    exercise = next(i for i in items if i["kind"] == "exercise")
    assert exercise["exercise_id"] == "box" and exercise["exercise_kind"] == "breathing"
    journal = next(i for i in items if i["kind"] == "journal")
    assert journal["journal_kind"] == "entry" and journal["text"] == "dear diary"


@pytest.mark.parametrize(
    ("kind", "count"), [("checkin", 2), ("screening", 1), ("journal", 1), ("exercise", 1)]
)
def test_kind_filter(cli, filled, kind, count):
    items = cli("history", "--kind", kind, "--json").json()
    assert len(items) == count and {i["kind"] for i in items} == {kind}


def test_days_filter(cli, filled):
    items = cli("history", "--days", "3", "--kind", "checkin", "--json").json()
    assert [i["mood"] for i in items] == [8]
    assert len(cli("history", "--days", "30", "--json").json()) == 5


def test_text_output(cli, filled, context):
    from coach.services.insights import exercise_titles

    title = exercise_titles(context, ["box"])["box"]
    r = cli("history")
    lines = r.out.strip().splitlines()
    assert len(lines) == 5
    assert "GAD-7 7/21" in r.out and "mild" in r.out
    assert "mood 8/10 — sunny" in r.out
    assert f"{title} · 4 min · 4 → 7" in r.out  # the exercise's title when it is installed
    assert "dear diary" in r.out


def test_csv_output(cli, filled):
    r = cli("history", "--csv")
    rows = list(csv.DictReader(io.StringIO(r.out)))
    assert len(rows) == 5
    checkin = next(row for row in rows if row["kind"] == "checkin" and row["mood"] == "8")
    assert checkin["note"] == "sunny"
    exercise = next(row for row in rows if row["kind"] == "exercise")
    assert exercise["rating_after"] == "7" and exercise["completed"] == "true"


def test_nl_output(cli, filled):
    r = cli("history", "--nl")
    items = [json.loads(line) for line in r.out.splitlines()]
    assert len(items) == 5 and items == cli("history", "--json").json()


def test_empty_store(cli):
    r = cli("history")
    assert r.code == 0 and r.out == "" and r.err.strip()
    assert cli("history", "--json").json() == []
    assert cli("history", "--csv").out.startswith("kind,at,id,")


@pytest.mark.parametrize(
    "args", [["--kind", "mood"], ["--days", "0"], ["--days", "abc"], ["--days", "-3"]]
)
def test_bad_values(cli, args):
    r = cli("history", *args)
    assert r.code == 1 and r.err.startswith("coach: ") and r.err.count("\n") == 1


def test_two_formats_is_a_usage_error(cli):
    r = cli("history", "--json", "--csv")
    assert r.code == 2


def test_sessions_split_by_year_are_read(cli, context):
    context.store.collection("sessions", year=2025).insert(
        {
            "exercise_id": "box",
            "started_at": "2025-06-01T10:00:00+02:00",
            "duration_s": 60.0,
            "completed": False,
            "rating_before": None,
            "rating_after": None,
        }
    )
    items = cli("history", "--kind", "exercise", "--json").json()
    assert len(items) == 1 and items[0]["year"] == 2025
    assert "stopped early" in cli("history").out
