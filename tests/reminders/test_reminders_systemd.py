"""Reminders as systemd user timers, in a unit folder under the test's own home."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SYSTEMD_ANALYZE = shutil.which("systemd-analyze")
needs_systemctl = pytest.mark.skipif(not shutil.which("systemctl"), reason="no systemctl")


def verify(*units: Path) -> subprocess.CompletedProcess:
    """`systemd-analyze --user verify`: the units as systemd itself reads them."""
    return subprocess.run(
        [SYSTEMD_ANALYZE, "--user", "verify", *map(str, units)],
        capture_output=True,
        text=True,
        env=os.environ.copy(),
    )


def test_unit_folder_is_the_temporary_home(unit_dir: Path, tmp_path: Path) -> None:
    from coach.reminders.systemd import user_unit_dir

    assert user_unit_dir(os.environ) == unit_dir
    assert unit_dir.is_relative_to(tmp_path)


@needs_systemctl
def test_add_writes_a_persistent_timer_and_enables_it(cli, unit_dir: Path, coach_home) -> None:
    r = cli("remind", "add", "21:00", "checkin", "--days", "mon-fri", "--via", "systemd", "--json")
    assert r.code == 0, r
    data = r.json()
    assert data["created"] is True and data["via"] == "systemd"
    rid = data["reminder"]["id"]
    timer = unit_dir / f"coach-reminder-{rid}.timer"
    service = unit_dir / f"coach-reminder-{rid}.service"
    text = timer.read_text()
    assert "OnCalendar=Mon,Tue,Wed,Thu,Fri *-*-* 21:00:00\n" in text
    assert "Persistent=true\n" in text
    assert f"Unit=coach-reminder-{rid}.service\n" in text
    assert "WantedBy=timers.target\n" in text
    svc = service.read_text()
    assert f"ExecStart={sys.executable} -m coach remind fire {rid} checkin\n" in svc
    assert f"Environment=COACH_HOME={coach_home}\n" in svc
    assert "Type=oneshot\n" in svc
    # Enabled the way systemctl does it, even with no user manager running.
    link = unit_dir / "timers.target.wants" / timer.name
    assert link.is_symlink() and link.resolve() == timer.resolve()
    assert "next login" in r.err
    # What --json said it would write is what it wrote.
    assert {f["path"]: f["content"] for f in data["files"]} == {
        str(timer): text,
        str(service): svc,
    }


@needs_systemctl
@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="no systemd-analyze")
@pytest.mark.parametrize(
    ("time", "action", "days"),
    [
        ("21:00", ["checkin"], None),
        ("07:05", ["pledge"], "mon,wed,sun"),
        ("12:30", ["breathe", "box"], "weekdays"),
        ("00:00", ["nudge"], "sat-mon"),
    ],
)
def test_systemd_accepts_the_units(cli, unit_dir: Path, time, action, days) -> None:
    args = ["remind", "add", time, *action, "--via", "systemd", "--json"]
    if days:
        args += ["--days", days]
    r = cli(*args)
    assert r.code == 0, r
    rid = r.json()["reminder"]["id"]
    result = verify(
        unit_dir / f"coach-reminder-{rid}.timer", unit_dir / f"coach-reminder-{rid}.service"
    )
    assert result.returncode == 0, result.stderr
    assert "Failed" not in result.stderr


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="no systemd-analyze")
def test_verify_would_catch_a_broken_timer(unit_dir: Path) -> None:
    """The check above is a real one: a bad OnCalendar= fails it."""
    unit_dir.mkdir(parents=True)
    bad = unit_dir / "coach-reminder-9.timer"
    bad.write_text(
        "[Timer]\nOnCalendar=Mon,Funday *-*-* 09:00:00\n[Install]\nWantedBy=timers.target\n"
    )
    assert verify(bad).returncode != 0


@needs_systemctl
def test_adding_twice_does_not_duplicate(cli, unit_dir: Path, context) -> None:
    first = cli("remind", "add", "08:00", "pledge", "--via", "systemd", "--json").json()
    again = cli("remind", "add", "8:00", "pledge", "--via", "systemd", "--json")
    assert again.code == 0
    assert again.json()["created"] is False
    assert again.json()["reminder"]["id"] == first["reminder"]["id"]
    assert "already" in again.err
    assert sorted(p.name for p in unit_dir.glob("coach-reminder-*")) == [
        "coach-reminder-1.service",
        "coach-reminder-1.timer",
    ]
    assert len(context.store.collection("reminders").all()) == 1


@needs_systemctl
def test_rm_removes_only_coachs_units(cli, unit_dir: Path) -> None:
    # The user's own timer, enabled, and a unit whose name merely starts alike.
    unit_dir.mkdir(parents=True)
    mine = {
        "backup.timer": "[Timer]\nOnCalendar=daily\n[Install]\nWantedBy=timers.target\n",
        "backup.service": "[Service]\nType=oneshot\nExecStart=/bin/true\n",
        "coach-reminder-notes.service": "[Service]\nExecStart=/bin/true\n",
    }
    for name, text in mine.items():
        (unit_dir / name).write_text(text)
    wants = unit_dir / "timers.target.wants"
    wants.mkdir()
    (wants / "backup.timer").symlink_to(unit_dir / "backup.timer")

    rid = cli("remind", "add", "21:00", "review", "--via", "systemd", "--json").json()["reminder"][
        "id"
    ]
    assert (unit_dir / f"coach-reminder-{rid}.timer").exists()
    r = cli("remind", "rm", str(rid), "--json")
    assert r.code == 0, r
    assert r.json()["removed_from"] == ["systemd"]
    assert not list(unit_dir.glob(f"coach-reminder-{rid}.*"))
    assert not (wants / f"coach-reminder-{rid}.timer").exists()
    for name, text in mine.items():
        assert (unit_dir / name).read_text() == text
    assert (wants / "backup.timer").is_symlink()
    assert cli("remind", "list", "--json").json() == []


@needs_systemctl
def test_dry_run_prints_the_units_and_changes_nothing(cli, unit_dir: Path, coach_home) -> None:
    r = cli("remind", "add", "12:00", "breathe", "box", "--via", "systemd", "--dry-run")
    assert r.code == 0, r
    timer, service = unit_dir / "coach-reminder-1.timer", unit_dir / "coach-reminder-1.service"
    expected = (
        f"# Would write {timer}:\n"
        "# Written by coach: remove it with `coach remind rm 1`.\n"
        "[Unit]\n"
        "Description=coach reminder: breathe box at 12:00\n"
        "\n"
        "[Timer]\n"
        "OnCalendar=*-*-* 12:00:00\n"
        "Persistent=true\n"
        "Unit=coach-reminder-1.service\n"
        "\n"
        "[Install]\n"
        "WantedBy=timers.target\n"
        "\n"
        f"# Would write {service}:\n"
        "# Written by coach: remove it with `coach remind rm 1`.\n"
        "[Unit]\n"
        "Description=coach reminder: breathe box at 12:00\n"
        "\n"
        "[Service]\n"
        "Type=oneshot\n"
        f"Environment=COACH_HOME={coach_home}\n"
        f"ExecStart={sys.executable} -m coach remind fire 1 breathe box\n"
        "\n"
        "# Would run: systemctl --user enable coach-reminder-1.timer\n"
    )
    assert r.out == expected
    assert "nothing was changed" in r.err
    assert not unit_dir.exists()
    assert not (coach_home / "data" / "store" / "reminders.json").exists()
    # The dry run names the very units the real run then writes.
    done = cli("remind", "add", "12:00", "breathe", "box", "--via", "systemd")
    assert done.code == 0
    assert f"# Would write {timer}:\n" + timer.read_text() in r.out
    assert service.read_text() in r.out


@needs_systemctl
def test_quoting_of_odd_paths(cli, unit_dir: Path, tmp_path: Path, monkeypatch) -> None:
    """A home with a space, a dollar and a percent sign still gives a unit systemd reads right."""
    odd = tmp_path / "my coach $HOME 100%"
    monkeypatch.setenv("COACH_HOME", str(odd))
    r = cli("remind", "add", "09:00", "checkin", "--via", "systemd", "--json")
    assert r.code == 0, r
    svc = (unit_dir / "coach-reminder-1.service").read_text()
    assert f'Environment="COACH_HOME={str(odd).replace("%", "%%")}"' in svc
    if sys.executable.count("$") == 0:
        assert "$$" not in svc  # Environment= does not expand variables: no doubling there
    if SYSTEMD_ANALYZE:
        assert verify(unit_dir / "coach-reminder-1.service").returncode == 0


FAKE_SYSTEMCTL = """#!{python}
import json, os, sys
with open({log!r}, "a") as fh:
    fh.write(json.dumps(sys.argv[1:]) + "\\n")
if sys.argv[1:] == ["--user", "is-system-running"]:
    print("running")
"""


def test_a_running_user_session_is_preferred_and_timers_start_now(
    cli, unit_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    """With a live user manager (a bus under XDG_RUNTIME_DIR) coach reloads and starts the timer.

    A test run has no user manager, so systemctl is a recorder here; the unit files are real.
    """
    import json

    log = tmp_path / "systemctl.log"
    tool = tmp_path / "systemctl"
    tool.write_text(FAKE_SYSTEMCTL.format(python=sys.executable, log=str(log)))
    tool.chmod(0o755)
    (Path(os.environ["XDG_RUNTIME_DIR"]) / "bus").touch()
    monkeypatch.setenv("COACH_SYSTEMCTL", str(tool))

    r = cli("remind", "add", "21:00", "checkin", "--json")  # no --via: the session wins
    assert r.code == 0, r
    assert r.json()["via"] == "systemd" and r.json()["session"] is True
    assert "next login" not in r.err
    assert (unit_dir / "coach-reminder-1.timer").exists()
    cli("remind", "rm", "1")
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    assert calls == [
        ["--user", "is-system-running"],
        ["--user", "daemon-reload"],
        ["--user", "enable", "--now", "coach-reminder-1.timer"],
        ["--user", "is-system-running"],
        ["--user", "disable", "--now", "coach-reminder-1.timer"],
        ["--user", "daemon-reload"],
    ]
    assert not (unit_dir / "coach-reminder-1.timer").exists()


def test_without_a_session_cron_is_chosen(cli, crontab) -> None:
    r = cli("remind", "add", "21:00", "checkin", "--json")
    assert r.code == 0, r
    assert r.json()["via"] == "cron"
    assert crontab.lines()[-1].endswith("# coach-reminder:1")


def test_a_breathing_reminder_names_a_real_exercise(cli) -> None:
    r = cli("remind", "add", "12:00", "breathe", "no-such-exercise", "--via", "systemd")
    assert r.code == 1
    assert "no-such-exercise" in r.err and "coach exercises list" in r.err
