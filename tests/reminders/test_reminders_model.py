"""Times, days and actions as people type them; how each scheduler writes them."""

from __future__ import annotations

import pytest

from coach.errors import CoachError
from coach.reminders.model import Reminder, parse_action, parse_days, parse_time
from coach.reminders.schedule import cron_schedule, on_calendar


@pytest.mark.parametrize(
    ("raw", "expected"), [("21:00", "21:00"), ("9:05", "09:05"), (" 00:00 ", "00:00")]
)
def test_times_are_normalised(raw: str, expected: str) -> None:
    assert parse_time(raw) == expected


@pytest.mark.parametrize("raw", ["24:00", "12:60", "9", "9:5", "nine", "12:00:00", ""])
def test_bad_times_are_user_errors(raw: str) -> None:
    with pytest.raises(CoachError, match="HH:MM"):
        parse_time(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, ()),
        ("", ()),
        ("mon,wed", ("mon", "wed")),
        ("wed,mon,wed", ("mon", "wed")),
        ("Monday, Friday", ("mon", "fri")),
        ("mon-fri", ("mon", "tue", "wed", "thu", "fri")),
        ("weekdays", ("mon", "tue", "wed", "thu", "fri")),
        ("weekends", ("sat", "sun")),
        ("sat-mon", ("mon", "sat", "sun")),
        ("lun,mer,dimanche", ("mon", "wed", "sun")),
        ("mon-sun", ()),  # every day is written the short way
        ("daily", ()),
    ],
)
def test_days(raw: str | None, expected: tuple[str, ...]) -> None:
    assert parse_days(raw) == expected


@pytest.mark.parametrize("raw", ["funday", "mon,xyz", "mo", ",", "mon-xyz"])
def test_bad_days(raw: str) -> None:
    with pytest.raises(CoachError):
        parse_days(raw)


def test_actions() -> None:
    assert parse_action("checkin", None) == ("checkin", None)
    assert parse_action("BREATHE", "box") == ("breathe", "box")
    with pytest.raises(CoachError, match="not a reminder action"):
        parse_action("dance", None)
    with pytest.raises(CoachError, match="takes no argument"):
        parse_action("checkin", "box")
    with pytest.raises(CoachError, match="exercise id"):
        parse_action("breathe", "box; rm -rf ~")


def test_schedules() -> None:
    daily = Reminder("21:00", "checkin", id=1)
    some = Reminder("07:05", "pledge", days=("mon", "wed", "sun"), id=2)
    assert on_calendar(daily) == "*-*-* 21:00:00"
    assert on_calendar(some) == "Mon,Wed,Sun *-*-* 07:05:00"
    assert cron_schedule(daily) == "0 21 * * *"
    assert cron_schedule(some) == "5 7 * * 1,3,0"


def test_the_same_reminder_has_the_same_key() -> None:
    a = Reminder("21:00", "breathe", "box", ("mon",), via="cron", id=1)
    b = Reminder("21:00", "breathe", "box", ("mon",), via="systemd", id=7)
    assert a.key == b.key
    assert a.key != Reminder("21:00", "breathe", "478", ("mon",)).key


def test_every_text_is_in_both_languages_with_the_same_placeholders() -> None:
    import string

    from coach.i18n import catalogue

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    mine = {k: v for k, v in catalogue().items() if k.split(".")[0] in ("remind", "nudge")}
    assert len(mine) > 50
    for key, entry in mine.items():
        assert entry.get("en") and entry.get("fr"), key
        assert fields(entry["en"]) == fields(entry["fr"]), key


def test_every_key_the_code_uses_exists() -> None:
    import re
    from pathlib import Path

    from coach.i18n import has

    root = Path(__file__).resolve().parents[2] / "coach"
    files = [*root.joinpath("reminders").glob("*.py"), root / "cli" / "remind.py"]
    files.append(root / "cli" / "nudge.py")
    used = set()
    for file in files:
        used |= set(
            re.findall(r"""t\(\s*["']((?:remind|nudge|cli)\.[a-z_.]+)["']""", file.read_text())
        )
    assert len(used) > 30
    missing = sorted(k for k in used if not has(k))
    assert not missing
