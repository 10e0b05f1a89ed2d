"""How long `coach track status` takes for a long-time user.

Three trackers, five years of daily pledges and evening reviews, a slip or an
urge most weeks (about 12,000 events), written straight into a temporary store.
Target: status and triggers under 300 ms each, so the CLI and the TUI feel instant.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

TARGET_MS = 300.0


def main() -> int:
    home = tempfile.mkdtemp(prefix="coach-bench-")
    os.environ["COACH_HOME"] = home
    from coach.context import Context
    from coach.trackers.service import TrackerService
    from coach.trackers.timeutil import iso

    paris = ZoneInfo("Europe/Paris")
    start = datetime(2021, 1, 1, 8, 0, tzinfo=paris)
    now = start + timedelta(days=5 * 365)
    context = Context.load(lang="en")
    context.clock = lambda: now
    service = TrackerService(context)
    rng = random.Random(7)
    for name in ("alcohol", "cannabis", "betting"):
        context.clock = lambda: start
        tracker = service.add(name).tracker
        docs = []
        for day in range(5 * 365):
            morning = start + timedelta(days=day)
            docs.append(
                {
                    "tracker_id": tracker.id,
                    "type": "pledge",
                    "at": iso(morning),
                    "day": morning.date().isoformat(),
                    "note": "",
                }
            )
            evening = morning + timedelta(hours=13)
            docs.append(
                {
                    "tracker_id": tracker.id,
                    "type": "review",
                    "at": iso(evening),
                    "day": evening.date().isoformat(),
                    "rating": rng.randint(1, 5),
                    "note": "a day",
                }
            )
            if rng.random() < 0.12:
                docs.append(
                    {
                        "tracker_id": tracker.id,
                        "type": "urge",
                        "at": iso(evening),
                        "day": evening.date().isoformat(),
                        "trigger": rng.choice(["stress", "friends", "boredom", "payday"]),
                        "urge": 6,
                        "note": "",
                    }
                )
        context.store.collection("trackers", "events").insert_many(docs)
    context.clock = lambda: now
    events = len(service.events())

    def timed(fn) -> float:
        best = float("inf")
        for _ in range(3):
            began = time.perf_counter()
            fn()
            best = min(best, (time.perf_counter() - began) * 1000)
        return best

    status_ms = timed(lambda: service.status())
    list_ms = timed(lambda: service.summaries())
    triggers_ms = timed(lambda: service.triggers("alcohol"))
    print(f"events: {events}")
    print(f"status (all, celebrating): {status_ms:.0f} ms")
    print(f"list (read only):          {list_ms:.0f} ms")
    print(f"triggers (one tracker):    {triggers_ms:.0f} ms")
    print(f"target: under {TARGET_MS:.0f} ms each")
    worst = max(status_ms, list_ms, triggers_ms)
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
