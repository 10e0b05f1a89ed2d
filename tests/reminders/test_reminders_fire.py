"""A due reminder: a desktop notification where one can be shown, else the terminal."""

from __future__ import annotations

import io
import json
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from coach.reminders.model import Reminder
from coach.reminders.notify import Notification, channel, deliver, osascript_argv

RECORDER = """#!{python}
import json, sys
if sys.argv[1:] == ["--help"]:
    sys.exit(0)
with open({log!r}, "a") as fh:
    fh.write(json.dumps(sys.argv[1:]) + "\\n")
sys.exit({code})
"""


def fake_tool(folder: Path, name: str, code: int = 0) -> Path:
    """Stands in for the desktop's notifier (there is no desktop in a test run)."""
    folder.mkdir(exist_ok=True)
    log = folder / f"{name}.log"
    tool = folder / name
    tool.write_text(RECORDER.format(python=sys.executable, log=str(log), code=code))
    tool.chmod(0o755)
    return log


def calls(log: Path) -> list[list[str]]:
    return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def on_time() -> str:
    """The minute it is now: a reminder fired at its own time, whatever the hour of the run
    (at night a late one keeps quiet, see `late_in_quiet_hours`)."""
    return datetime.now().strftime("%H:%M")


def add(cli, *args: str) -> int:
    r = cli("remind", "add", *args, "--via", "systemd", "--json")
    assert r.code == 0, r
    return r.json()["reminder"]["id"]


def test_without_a_display_it_prints_to_the_terminal(cli, coach_process) -> None:
    rid = add(cli, on_time(), "checkin")
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": "", "WAYLAND_DISPLAY": ""}
    r = coach_process("remind", "fire", str(rid), env=env)
    assert r.code == 0, r
    first, second = r.out.splitlines()
    assert first == "coach: A moment for your check-in: how are you, right now?"
    assert second.startswith("To open it: ") and second.endswith(f"coach remind open {rid}")


def test_the_terminal_text_in_french(cli, coach_process) -> None:
    rid = add(cli, on_time(), "breathe", "box")
    r = coach_process("--lang", "fr", "remind", "fire", str(rid), env={"PATH": "/usr/bin:/bin"})
    assert r.code == 0, r
    assert r.out.startswith("coach: Une pause respiration (")
    assert "quelques respirations lentes" in r.out
    assert "Pour l'ouvrir : " in r.out


def test_with_a_display_it_uses_notify_send(cli, coach_process, tmp_path: Path) -> None:
    rid = add(cli, on_time(), "pledge")
    bin_dir = tmp_path / "bin"
    log = fake_tool(bin_dir, "notify-send")
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "DISPLAY": ":0"}
    r = coach_process("remind", "fire", str(rid), env=env)
    assert r.code == 0, r
    assert r.out == ""  # shown on the desktop, not printed
    (argv,) = calls(log)
    assert argv[:2] == ["--app-name=coach", "coach"]
    assert argv[2].startswith("Good morning. Your pledge for today is here")
    assert f"remind open {rid}" in argv[2]


def test_a_failing_desktop_falls_back_to_the_terminal(cli, coach_process, tmp_path) -> None:
    rid = add(cli, on_time(), "review")
    bin_dir = tmp_path / "bin"
    log = fake_tool(bin_dir, "notify-send", code=1)
    r = coach_process("remind", "fire", str(rid), env={"PATH": f"{bin_dir}:/bin", "DISPLAY": ":0"})
    assert r.code == 0, r
    assert len(calls(log)) == 1
    assert r.out.startswith("coach: The day is ending")


def test_macos_uses_osascript(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    log = fake_tool(bin_dir, "osascript")
    note = Notification("coach", 'Say "hi" \\ then rest', ["coach", "remind", "open", "3"])
    env = {"PATH": str(bin_dir)}
    assert channel(env, platform="darwin") == "osascript"
    assert deliver(note, env, platform="darwin") == "osascript"
    (argv,) = calls(log)
    assert argv == osascript_argv(note)[1:]
    script = argv[1]
    assert script.startswith('display notification "Say \\"hi\\" \\\\ then rest')
    assert script.endswith('with title "coach"')


def test_no_notifier_means_terminal(tmp_path: Path) -> None:
    note = Notification("coach", "Breathe.", ["coach", "remind", "open", "1"])
    out = io.StringIO()
    assert channel({"PATH": str(tmp_path), "DISPLAY": ":0"}, platform="linux") == "terminal"
    assert deliver(note, {"PATH": str(tmp_path)}, platform="linux", stream=out) == "terminal"
    assert out.getvalue() == "coach: Breathe.\nTo open it: coach remind open 1\n"


def test_fire_of_an_unknown_reminder_is_exit_1(cli) -> None:
    r = cli("remind", "fire", "9")
    assert r.code == 1 and r.err.startswith("coach: There is no reminder 9")


def test_a_nudge_reminder_is_silent_in_quiet_hours(context) -> None:
    from coach.reminders.fire import notification

    quiet = context.config.with_overrides(**{"quiet_hours.start": "22:00"})
    context.config = quiet
    context.clock = lambda: datetime(2026, 3, 4, 23, 30).astimezone()
    assert notification(context, Reminder("23:30", "nudge", id=1)) is None
    context.clock = lambda: datetime(2026, 3, 4, 12, 0).astimezone()
    note = notification(context, Reminder("12:00", "nudge", id=1))
    assert note is not None and note.text


def test_fire_of_a_nudge_in_quiet_hours_prints_nothing(cli, coach_process) -> None:
    now = datetime.now()
    start, end = (
        (now - timedelta(hours=1)).strftime("%H:%M"),
        (now + timedelta(hours=2)).strftime("%H:%M"),
    )
    cli("config", "set", "quiet_hours.start", start)
    cli("config", "set", "quiet_hours.end", end)
    rid = add(cli, "03:00", "nudge")
    r = coach_process("remind", "fire", str(rid), env={"PATH": "/usr/bin:/bin"})
    assert (r.code, r.out) == (0, "")


@pytest.mark.parametrize("action", ["checkin", "pledge", "review"])
def test_open_without_a_terminal_is_a_clear_error(cli, action) -> None:
    rid = add(cli, "21:00", action)
    r = cli("remind", "open", str(rid))
    assert r.code == 1
    assert "terminal" in r.err


def test_a_late_catch_up_waits_out_the_quiet_hours(context) -> None:
    """Persistent=true fires a missed 21:00 reminder at boot; at 03:00 it stays quiet."""
    from coach.reminders.fire import notification

    checkin = Reminder("21:00", "checkin", id=1)
    context.clock = lambda: datetime(2026, 3, 5, 3, 0).astimezone()
    assert notification(context, checkin) is None
    context.clock = lambda: datetime(2026, 3, 5, 21, 0).astimezone()  # on time
    assert notification(context, checkin) is not None
    context.clock = lambda: datetime(2026, 3, 5, 22, 30).astimezone()  # quiet, but on time
    assert notification(context, checkin) is not None
    context.clock = lambda: datetime(2026, 3, 6, 9, 30).astimezone()  # late, but daytime
    assert notification(context, checkin) is not None


def test_a_breathing_notification_names_the_exercise(context) -> None:
    from coach.reminders.fire import notification

    context.clock = lambda: datetime(2026, 3, 5, 12, 0).astimezone()
    note = notification(context, Reminder("12:00", "breathe", "box", id=4))
    assert note.text == "A breathing break (Box breathing): a few slow breaths, if you like."
    assert note.command[-3:] == ["remind", "open", "4"]


def test_an_encrypted_store_does_not_silence_reminders(cli, coach_process, monkeypatch) -> None:
    """Scheduled jobs may have no passphrase: the action rides in the command line."""
    if "encrypt" not in cli("data", "--help").out:
        pytest.skip("no encryption yet")
    rid = add(cli, on_time(), "breathe", "box")
    monkeypatch.setenv("COACH_PASSPHRASE", "correct horse battery")
    assert cli("data", "encrypt").code == 0
    monkeypatch.delenv("COACH_PASSPHRASE")
    env = {"PATH": "/usr/bin:/bin"}
    locked = coach_process("remind", "list", env=env)
    assert locked.code == 1  # the store really is shut without the passphrase
    r = coach_process("remind", "fire", str(rid), "breathe", "box", env=env)
    assert r.code == 0, r
    assert r.out.startswith("coach: A breathing break (Box breathing)")
    assert coach_process("remind", "fire", str(rid), env=env).code == 1


CLICKING_NOTIFY_SEND = """#!{python}
import json, sys
if sys.argv[1:] == ["--help"]:
    print("  -A, --action=[NAME=]Text...   Specifies the actions to display to the user.")
    sys.exit(0)
with open({log!r}, "a") as fh:
    fh.write(json.dumps(sys.argv[1:]) + "\\n")
print("default")  # the person clicked the notification
"""


def test_clicking_the_notification_opens_the_screen_in_a_terminal(
    cli, coach_process, tmp_path: Path
) -> None:
    rid = add(cli, on_time(), "checkin")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    notify_log = bin_dir / "notify-send.log"
    tool = bin_dir / "notify-send"
    tool.write_text(CLICKING_NOTIFY_SEND.format(python=sys.executable, log=str(notify_log)))
    tool.chmod(0o755)
    terminal_log = fake_tool(bin_dir, "x-terminal-emulator")
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "DISPLAY": ":0"}
    r = coach_process("remind", "fire", str(rid), "checkin", env=env)
    assert r.code == 0, r
    (shown,) = calls(notify_log)
    assert "--wait" in shown and "--action=default=Open" in shown
    for _ in range(100):  # the terminal is started detached: give it a moment
        if calls(terminal_log):
            break
        time.sleep(0.1)
    (opened,) = calls(terminal_log)
    assert opened[0] == "-e"
    assert opened[-3:] == ["remind", "open", str(rid)]
