"""Running the scheduler's own tools (systemctl, crontab), with their output kept for errors."""

from __future__ import annotations

import shlex
import subprocess
from collections.abc import Callable, Mapping

from coach.errors import CoachError
from coach.i18n import t

Runner = Callable[..., subprocess.CompletedProcess]
TIMEOUT = 30


def run(
    argv: list[str], input: str | None = None, env: Mapping[str, str] | None = None
) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(
            argv,
            input=input,
            capture_output=True,
            text=True,
            env=dict(env) if env is not None else None,
            timeout=TIMEOUT,
            check=False,
        )
    except FileNotFoundError:
        raise CoachError(t("remind.tool_missing", tool=argv[0])) from None
    except subprocess.TimeoutExpired:
        raise CoachError(t("remind.tool_timeout", tool=shlex.join(argv))) from None


def checked(result: subprocess.CompletedProcess) -> subprocess.CompletedProcess:
    """Turn a failed tool run into one clear line naming the tool and what it said."""
    if result.returncode != 0:
        said = (result.stderr or result.stdout or "").strip().splitlines()
        raise CoachError(
            t(
                "remind.tool_failed",
                tool=shlex.join(result.args),
                error=said[-1] if said else result.returncode,
            )
        )
    return result
