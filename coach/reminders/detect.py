"""Which scheduler to use: a systemd user session when one runs, otherwise cron."""

from __future__ import annotations

import os
import shlex
import shutil
from pathlib import Path

from coach.errors import CoachError
from coach.i18n import t
from coach.reminders.cron import CronBackend
from coach.reminders.runner import Runner, run
from coach.reminders.systemd import SystemdBackend

BACKENDS = ("systemd", "cron")
_ALIVE = {"running", "degraded", "starting", "initializing"}

Backend = SystemdBackend | CronBackend


def _tool(environ: dict[str, str], var: str, default: str) -> list[str]:
    return shlex.split(environ.get(var) or default)


def _on_path(argv: list[str], environ: dict[str, str]) -> bool:
    return bool(argv) and shutil.which(argv[0], path=environ.get("PATH")) is not None


def systemd_session(environ: dict[str, str], runner: Runner = run) -> bool:
    """A user manager is running and reachable (its bus under XDG_RUNTIME_DIR)."""
    systemctl = _tool(environ, "COACH_SYSTEMCTL", "systemctl")
    runtime = environ.get("XDG_RUNTIME_DIR")
    if not _on_path(systemctl, environ) or not runtime:
        return False
    if not (environ.get("DBUS_SESSION_BUS_ADDRESS") or Path(runtime, "bus").exists()):
        return False
    try:
        result = runner([*systemctl, "--user", "is-system-running"], env=environ)
    except CoachError:
        return False
    return result.stdout.strip() in _ALIVE


def crontab_available(environ: dict[str, str]) -> bool:
    return _on_path(_tool(environ, "COACH_CRONTAB", "crontab"), environ)


def backend(
    via: str | None, environ: dict[str, str] | None = None, runner: Runner = run
) -> Backend:
    """The backend the user asked for, or the best one this system has."""
    env = dict(os.environ if environ is None else environ)
    if via is not None and via not in BACKENDS:
        raise CoachError(t("remind.bad_via", value=via))
    if via == "cron":
        if not crontab_available(env):
            raise CoachError(t("remind.no_cron"))
        return CronBackend(env, runner)
    session = systemd_session(env, runner)
    if via == "systemd":
        if not _on_path(_tool(env, "COACH_SYSTEMCTL", "systemctl"), env):
            raise CoachError(t("remind.no_systemd"))
        return SystemdBackend(env, runner, session=session)
    if session:
        return SystemdBackend(env, runner, session=True)
    if crontab_available(env):
        return CronBackend(env, runner)
    raise CoachError(t("remind.no_scheduler"))


def backends_present(environ: dict[str, str] | None = None, runner: Runner = run) -> list[Backend]:
    """Every backend that may hold coach's entries (for removing and listing)."""
    env = dict(os.environ if environ is None else environ)
    found: list[Backend] = [SystemdBackend(env, runner, session=systemd_session(env, runner))]
    if crontab_available(env):
        found.append(CronBackend(env, runner))
    return found
