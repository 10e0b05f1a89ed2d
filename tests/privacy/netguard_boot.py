"""Run coach commands (or `--code PYTHON`) with every network attempt refused and recorded.

    python netguard_boot.py ARGS...          one `coach ARGS`
    python netguard_boot.py --batch RUNS     each run of the JSON list RUNS
                                             ({"args": [...], "home": DIR}) in turn, in
                                             this one process; exit codes to RUNS.out

An audit hook (PEP 578) sees each socket before it exists, each name lookup,
each urllib request and each program started, whatever library does it. A
network attempt is appended to the file named by $COACH_NET_LOG and then
refused with PermissionError. Unix sockets are allowed: asyncio and D-Bus
use them and they never leave the machine.
"""

from __future__ import annotations

import os
import socket
import sys

LOG = os.environ["COACH_NET_LOG"]
LOCAL = {getattr(socket, "AF_UNIX", -1)}
LOOKUPS = {
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.gethostbyname_ex",
    "socket.gethostbyaddr",
    "socket.getnameinfo",
}
SOCKET_USE = {
    "socket.connect",
    "socket.connect_ex",
    "socket.sendto",
    "socket.sendmsg",
    "socket.bind",
}
NETWORK_PROGRAMS = {
    "curl", "wget", "ssh", "scp", "sftp", "rsync", "nc", "ncat", "netcat", "telnet", "ftp",
    "git", "pip", "pip3", "uv", "apt", "apt-get", "dnf", "yum", "brew", "huggingface-cli",
    "hf", "http", "https", "xh", "aria2c",
}  # fmt: skip


CURRENT = {"label": " ".join(sys.argv[1:])}


def _record(what: str) -> None:
    with open(LOG, "a", encoding="utf-8") as fh:
        fh.write(f"{CURRENT['label']} :: {what}\n")
    raise PermissionError(f"network refused by the no-network test: {what}")


def _hook(event: str, args: tuple) -> None:
    if event == "socket.__new__":
        if args[1] not in LOCAL:
            _record(f"socket family {args[1]}")
    elif event in SOCKET_USE:
        if getattr(args[0], "family", None) not in LOCAL:
            _record(f"{event} {args[1]!r}")
    elif event in LOOKUPS:
        _record(f"{event} {args[0]!r}")
    elif event == "urllib.Request":
        _record(f"urllib {args[0]}")
    elif event in ("subprocess.Popen", "os.exec", "os.posix_spawn"):
        program, command = args[0], args[1]
        if not program and command:
            is_text = isinstance(command, (str, bytes))
            program = (command.split() or [""])[0] if is_text else next(iter(command))
        name = os.path.basename(os.fsdecode(program or ""))
        if name in NETWORK_PROGRAMS:
            _record(f"runs {name}")


class _TooLong(BaseException):
    """Raised by the alarm: a command that runs past its time is stopped, not waited on."""


def _alarm(signum: int, frame: object) -> None:
    raise _TooLong


def batch(runs_file: str, seconds: int) -> None:
    import json
    import signal
    import traceback

    from coach.cli.main import main

    signal.signal(signal.SIGALRM, _alarm)
    outcomes = []
    with open(runs_file, encoding="utf-8") as fh:
        runs = json.load(fh)
    for run in runs:
        CURRENT["label"] = " ".join(run["args"]) or "(coach alone)"
        os.environ["COACH_HOME"] = run["home"]
        sys.stdin = open(os.devnull)  # noqa: SIM115 - a fresh non-TTY stdin for each command
        signal.alarm(seconds)
        try:
            outcome: object = main(list(run["args"]))
        except _TooLong:
            outcome = "timeout"
        except Exception:
            outcome = "crash: " + traceback.format_exc(limit=-1).strip().splitlines()[-1]
        finally:
            signal.alarm(0)
        outcomes.append({"args": run["args"], "outcome": outcome})
    with open(runs_file + ".out", "w", encoding="utf-8") as fh:
        json.dump(outcomes, fh)


sys.addaudithook(_hook)

if __name__ == "__main__":
    if sys.argv[1:2] == ["--code"]:
        exec(sys.argv[2])
    elif sys.argv[1:2] == ["--batch"]:
        batch(sys.argv[2], int(os.environ.get("COACH_NET_TIMEOUT", "60")))
    else:
        from coach.cli.main import main

        sys.argv[0] = "coach"
        sys.exit(main(sys.argv[1:]))
