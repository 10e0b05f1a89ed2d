"""Reminders as crontab lines, in the crontab of a temporary user (never the real one)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from datetime import datetime

USERS_OWN = [
    "# my own jobs",
    "MAILTO=me@example.org",
    "0 3 * * * /usr/local/bin/backup --quiet",
    "30 8 * * 1-5 coach nudge >> ~/nudges.log  # a coach line the user wrote",
    "15 9 * * * echo '# coach-reminder:1 is only text here'",
    "",
]


def test_add_appends_one_tagged_line(cli, crontab, coach_home, real_crontab) -> None:
    before = real_crontab()
    crontab.set(USERS_OWN)
    r = cli("remind", "add", "21:00", "checkin", "--via", "cron", "--json")
    assert r.code == 0, r
    data = r.json()
    assert data["via"] == "cron" and data["created"] is True
    line = (
        f"0 21 * * * COACH_HOME={shlex.quote(str(coach_home))} "
        f"{shlex.quote(sys.executable)} -m coach remind fire 1 checkin # coach-reminder:1"
    )
    assert data["crontab_line"] == line
    assert crontab.lines() == [*USERS_OWN, line]
    assert real_crontab() == before


def test_adding_twice_does_not_duplicate(cli, crontab) -> None:
    crontab.set(USERS_OWN)
    cli("remind", "add", "07:30", "pledge", "--days", "mon-fri", "--via", "cron")
    once = crontab.lines()
    again = cli("remind", "add", "7:30", "pledge", "--days", "weekdays", "--via", "cron", "--json")
    assert again.code == 0 and again.json()["created"] is False
    assert crontab.lines() == once
    assert sum("# coach-reminder:" in line and line.startswith("30 7") for line in once) == 1
    assert once[-1].startswith("30 7 * * 1,2,3,4,5 ")


def test_a_lost_line_is_restored_by_adding_again(cli, crontab) -> None:
    cli("remind", "add", "21:00", "review", "--via", "cron")
    crontab.set(USERS_OWN)  # the user rewrote their crontab by hand
    listed = cli("remind", "list", "--json").json()
    assert listed[0]["installed"] is False
    cli("remind", "add", "21:00", "review", "--via", "cron")
    assert crontab.lines()[:-1] == USERS_OWN
    assert cli("remind", "list", "--json").json()[0]["installed"] is True


def test_rm_leaves_every_other_line_as_it_was(cli, crontab, real_crontab) -> None:
    before = real_crontab()
    crontab.set(USERS_OWN)
    one = cli("remind", "add", "12:00", "breathe", "box", "--via", "cron", "--json").json()
    two = cli("remind", "add", "21:00", "checkin", "--via", "cron", "--json").json()
    r = cli("remind", "rm", str(one["reminder"]["id"]), "--json")
    assert r.code == 0, r
    assert r.json()["removed_from"] == ["cron"]
    assert crontab.lines() == [*USERS_OWN, two["crontab_line"]]
    cli("remind", "rm", str(two["reminder"]["id"]))
    assert crontab.lines() == USERS_OWN
    assert real_crontab() == before


def test_rm_of_an_unknown_reminder_is_one_line_and_exit_1(cli, crontab) -> None:
    crontab.set(USERS_OWN)
    r = cli("remind", "rm", "42")
    assert r.code == 1
    assert r.err.startswith("coach: ") and r.err.count("\n") == 1
    assert "Traceback" not in r.err
    assert crontab.lines() == USERS_OWN


def test_rm_cleans_a_leftover_line_without_a_record(cli, crontab, context) -> None:
    """The data was wiped but the crontab kept coach's line: rm still takes it out."""
    crontab.set(USERS_OWN)
    cli("remind", "add", "21:00", "checkin", "--via", "cron")
    context.store.collection("reminders").clear()
    r = cli("remind", "rm", "1")
    assert r.code == 0, r
    assert "leftover" in r.err
    assert crontab.lines() == USERS_OWN


def test_dry_run_prints_the_line_and_changes_nothing(cli, crontab, coach_home) -> None:
    crontab.set(USERS_OWN)
    r = cli("remind", "add", "06:45", "nudge", "--days", "sat,sun", "--via", "cron", "--dry-run")
    assert r.code == 0, r
    line = (
        f"45 6 * * 6,0 COACH_HOME={shlex.quote(str(coach_home))} "
        f"{shlex.quote(sys.executable)} -m coach remind fire 1 nudge # coach-reminder:1"
    )
    assert r.out == (
        f"# Would add this line to the crontab ({os.environ['COACH_CRONTAB']}):\n{line}\n"
    )
    assert crontab.lines() == USERS_OWN
    assert not (coach_home / "data" / "store" / "reminders.json").exists()
    cli("remind", "add", "06:45", "nudge", "--days", "sat,sun", "--via", "cron")
    assert crontab.lines()[-1] == line


def test_percent_in_a_path_is_escaped_for_cron(cli, crontab, tmp_path, monkeypatch) -> None:
    odd = tmp_path / "100% me"
    monkeypatch.setenv("COACH_HOME", str(odd))
    r = cli("remind", "add", "09:00", "checkin", "--via", "cron", "--json")
    assert r.code == 0, r
    line = crontab.lines()[-1]
    assert "100\\% me" in line and "100% me" not in line


def test_the_installed_line_really_fires(cli, crontab, coach_home) -> None:
    """Run the command part of the line the way cron would: with /bin/sh and a bare PATH."""
    now = datetime.now().strftime("%H:%M")  # on time: at night a late one keeps quiet
    cli("remind", "add", now, "checkin", "--via", "cron")
    line = crontab.lines()[-1]
    command = line.split(None, 5)[5]
    env = {"PATH": "/usr/bin:/bin", "HOME": os.environ["HOME"], "LANG": "C.UTF-8"}
    done = subprocess.run(["/bin/sh", "-c", command], capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stderr
    assert "A moment for your check-in" in done.stdout
    assert "coach remind open 1" in done.stdout or "remind open 1" in done.stdout


def test_a_crontab_that_refuses_is_one_clear_error(cli, crontab, tmp_path, monkeypatch) -> None:
    broken = tmp_path / "crontab-broken.sh"
    broken.write_text("#!/bin/sh\n[ \"$1\" = -l ] && exit 0\necho 'cannot write' >&2\nexit 1\n")
    broken.chmod(0o755)
    monkeypatch.setenv("COACH_CRONTAB", str(broken))
    r = cli("remind", "add", "21:00", "checkin", "--via", "cron")
    assert r.code == 1
    assert "cannot write" in r.err and "Traceback" not in r.err
    # Nothing half-done: no record left behind.
    assert cli("remind", "list", "--json").json() == []
