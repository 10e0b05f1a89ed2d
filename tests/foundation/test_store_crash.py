"""The store survives SIGKILL at any moment and two writers at once."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from coach.context import Context

WRITER = Path(__file__).with_name("writer.py")


def _spawn(count: int, tag: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(WRITER), str(count), tag],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=os.environ.copy(),
    )


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_a_returned_write(coach_home: Path) -> None:
    rng = random.Random(20261128)
    confirmed: set[tuple[str, int]] = set()
    kills = 0
    for round_ in range(110):
        proc = _spawn(10_000, f"r{round_}")
        # Let the child import and start writing, then kill it mid-stream.
        time.sleep(0.25 + rng.random() * 0.25)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate()
        kills += proc.returncode == -signal.SIGKILL
        confirmed |= {(f"r{round_}", int(line)) for line in out.split() if line.isdigit()}
        records = Context.load(lang="en").store.collection("checkins").all()
        stored = {(r["tag"], r["n"]) for r in records}
        missing = confirmed - stored
        assert not missing, f"round {round_}: lost {sorted(missing)[:5]}"
    assert kills >= 100
    assert len(confirmed) > 0
    leftovers = [p for p in (coach_home / "data" / "store").iterdir() if p.suffix == ".tmp"]
    # A kill can strand a temp file; it must never be mistaken for the store.
    assert all(p.name.startswith(".") for p in leftovers)


def test_two_processes_writing_at_once_lose_nothing(coach_home: Path) -> None:
    first, second = _spawn(200, "a"), _spawn(200, "b")
    for proc in (first, second):
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    records = Context.load(lang="en").store.collection("checkins").all()
    assert len(records) == 400
    assert {(r["tag"], r["n"]) for r in records} == {(t, n) for t in "ab" for n in range(200)}
    assert len({r["id"] for r in records}) == 400
