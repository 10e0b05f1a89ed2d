"""How long reading the exercise library takes, cold (a command) and warm (the app).

Run: python benchmarks/exercises_library.py
Targets: cold load under 250 ms (every `coach breathe` pays it once); warm load
(the app opening another screen) under 20 ms; an engine tick under 50 µs.
"""

from __future__ import annotations

import time

from coach.exercises import loader
from coach.exercises.engine import Engine
from coach.exercises.plan import build
from coach.resources import data_dir


def main() -> None:
    shipped = data_dir("exercises")
    loader._CACHE.clear()
    start = time.perf_counter()
    library = loader.load(shipped, report=None)
    cold = (time.perf_counter() - start) * 1000
    rounds = 50
    start = time.perf_counter()
    for _ in range(rounds):
        loader.load(shipped, report=None)
    warm = (time.perf_counter() - start) * 1000 / rounds

    now = [0.0]
    engine = Engine(build(library.get("coherence"), minutes=120), clock=lambda: now[0])
    engine.start()
    ticks = 200_000
    start = time.perf_counter()
    for _ in range(ticks):
        now[0] += 0.03
        engine.tick()
        _ = engine.level
    tick_us = (time.perf_counter() - start) * 1e6 / ticks

    print(f"exercises: {len(library)} files")
    print(f"cold load: {cold:.1f} ms (target < 250 ms)")
    print(f"warm load: {warm:.2f} ms (target < 20 ms)")
    print(f"engine tick + level: {tick_us:.2f} µs (target < 50 µs)")


if __name__ == "__main__":
    main()
