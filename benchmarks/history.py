"""Does ten years of data slow down a check-in?

Builds a store with ten years of use (3,650 check-ins, 10,000 exercise
sessions, 30,000 chat messages split by year, plus questionnaires and journal
entries), then times `coach checkin --mood 5` as a real process against the
same on an empty store. Target: ratio <= 1.5.

Run: python benchmarks/history.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

TARGET = 1.5
YEARS = 10
CHECKINS = 3650
SESSIONS = 10_000
MESSAGES = 30_000


def fill(home: Path) -> dict[str, int]:
    """Ten years of data, written straight into the store with insert_many (fast)."""
    os.environ["COACH_HOME"] = str(home)
    from coach.context import Context

    context = Context.load(lang="en")
    store = context.store
    now = datetime.now().astimezone().replace(microsecond=0)
    start = now - timedelta(days=CHECKINS)
    store.collection("checkins").insert_many(
        [
            {
                "at": (start + timedelta(days=i, hours=20)).isoformat(),
                "mood": 1 + (i * 7) % 10,
                "energy": 1 + (i * 3) % 10,
                "anxiety": (i * 5) % 11,
                "sleep_hours": 5 + (i % 5),
                "tags": ["work"] if i % 2 else ["family", "sport"],
                "note": f"An ordinary day, number {i}, with a few words about it." if i % 3 else "",
            }
            for i in range(CHECKINS)
        ]
    )
    step = timedelta(days=CHECKINS) / SESSIONS
    exercises = ("box", "grounding-54321", "sigh", "pmr-short", "urge-5", "coherence")
    store.collection("sessions").insert_many(
        [
            {
                "exercise_id": exercises[i % len(exercises)],
                "kind": "breathing",
                "started_at": (start + step * i).isoformat(timespec="seconds"),
                "duration_s": 60.0 + i % 600,
                "completed": i % 7 != 0,
                "rating_before": i % 8,
                "rating_after": min(10, i % 8 + i % 4),
            }
            for i in range(SESSIONS)
        ]
    )
    per_year = MESSAGES // YEARS
    for y in range(YEARS):
        year = now.year - YEARS + 1 + y
        first = datetime(year, 1, 1, 9, tzinfo=now.tzinfo)
        store.collection("chat", "messages", year=year).insert_many(
            [
                {
                    "conversation_id": i // 20,
                    "role": "user" if i % 2 == 0 else "assistant",
                    "at": (first + timedelta(minutes=17 * i)).isoformat(),
                    "content": "A message of a typical length, a sentence or two long. " * 2,
                }
                for i in range(per_year)
            ]
        )
    store.collection("screenings").insert_many(
        [
            {
                "at": (start + timedelta(days=30 * i)).isoformat(),
                "questionnaire": "phq9" if i % 2 else "gad7",
                "answers": [1] * (9 if i % 2 else 7),
                "total": 9 if i % 2 else 7,
                "band": "mild",
                "safety_followup": False,
                "suggest_professional": False,
                "lang": "en",
            }
            for i in range(CHECKINS // 30)
        ]
    )
    store.collection("journal").insert_many(
        [
            {"at": (start + timedelta(days=3 * i)).isoformat(), "kind": "entry", "text": "x" * 400}
            for i in range(CHECKINS // 3)
        ]
    )
    return {"bytes": sum(f.stat().st_size for f in store.files()), "files": len(store.files())}


def time_checkin(home: Path) -> float:
    env = {**os.environ, "COACH_HOME": str(home)}
    began = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-m", "coach", "checkin", "--mood", "5"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - began
    if proc.returncode != 0:
        raise SystemExit(f"coach checkin failed: {proc.stderr.strip()}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as tmp:
        empty, full = Path(tmp) / "empty", Path(tmp) / "full"
        began = time.perf_counter()
        size = fill(full)
        print(
            f"filled: {CHECKINS} check-ins, {SESSIONS} sessions, {MESSAGES} chat messages "
            f"({size['files']} files, {size['bytes'] / 1e6:.1f} MB) in "
            f"{time.perf_counter() - began:.1f} s"
        )
        # One warm-up each: the first write of the day also makes the daily backup.
        time_checkin(empty)
        time_checkin(full)
        empty_times, full_times = [], []
        for _ in range(args.runs):  # interleaved, so machine load hits both alike
            empty_times.append(time_checkin(empty))
            full_times.append(time_checkin(full))
    e, f = statistics.median(empty_times), statistics.median(full_times)
    ratio = f / e
    print(f"coach checkin --mood 5, median of {args.runs} runs")
    print(f"  empty store : {e * 1000:7.1f} ms")
    print(f"  ten years   : {f * 1000:7.1f} ms")
    print(
        f"  ratio       : {ratio:.2f}  (target <= {TARGET})  "
        + ("OK" if ratio <= TARGET else "MISSED")
    )
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
