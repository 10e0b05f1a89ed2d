"""How much time encryption at rest adds to a check-in.

    python benchmarks/crypto.py [--runs N]

1. End to end: `coach checkin --mood 5` as a real subprocess, in a plain home
   and in an encrypted one (COACH_PASSPHRASE set), median of N runs each.
   The difference is one scrypt derivation (once per process) plus the
   AES-GCM work on the file. If the checkin command is not there, store
   inserts through a Context with the codec are timed instead.
2. The parts: one scrypt derivation at the default cost; sealing and opening
   a store file of 1,000 check-ins (what each later write in the same
   process pays).

Target: an encrypted check-in adds at most 0.6 s (the key derivation, by
design: it is what makes guessing a passphrase slow) and a write in an
already unlocked process adds under 5 ms.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PASSPHRASE = "benchmark passphrase, long enough"
TARGET_ADDED = 0.6
TARGET_WRITE_MS = 5.0


def _coach(home: Path, *args: str, passphrase: str | None = None) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one `coach ARGS` process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    env["COACH_HOME"] = str(home)
    if passphrase:
        env["COACH_PASSPHRASE"] = passphrase
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "coach", *args],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=True,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _has_checkin() -> bool:
    try:
        import coach.cli.checkin  # noqa: F401
    except ImportError:
        return False
    return True


Timing = tuple[float, float]  # median wall, median CPU


def _medians(samples: list[tuple[float, float]]) -> Timing:
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


def end_to_end(runs: int) -> tuple[Timing, Timing, str]:
    with tempfile.TemporaryDirectory() as tmp:
        plain, locked = Path(tmp) / "plain", Path(tmp) / "encrypted"
        if _has_checkin():
            what = "coach checkin --mood 5 (subprocess)"
            for home in (plain, locked):
                _coach(home, "checkin", "--mood", "5")  # the files exist before timing
            _coach(locked, "data", "encrypt", passphrase=PASSPHRASE)
            plain_times, locked_times = [], []
            for _ in range(runs):  # interleaved, so machine noise hits both alike
                plain_times.append(_coach(plain, "checkin", "--mood", "5"))
                locked_times.append(_coach(locked, "checkin", "--mood", "5", passphrase=PASSPHRASE))
            return _medians(plain_times), _medians(locked_times), what
        return (*_in_process(plain, locked, runs), "Context + store insert (in process)")


def _in_process(plain: Path, locked: Path, runs: int) -> tuple[Timing, Timing]:
    from coach.context import Context
    from coach.privacy import encryption
    from coach.store import crypto

    def one(home: Path, passphrase: str | None) -> tuple[float, float]:
        crypto._KEYS.clear()  # a new process would derive again
        os.environ["COACH_HOME"] = str(home)
        start, cpu = time.perf_counter(), time.process_time()
        context = Context.load(lang="en")
        if passphrase:
            context.unlock(passphrase)
        context.store.collection("checkins").insert({"mood": 5})
        return time.perf_counter() - start, time.process_time() - cpu

    one(plain, None)
    one(locked, None)
    os.environ["COACH_HOME"] = str(locked)
    encryption.encrypt(Context.load().paths, PASSPHRASE)
    plain_times = [one(plain, None) for _ in range(runs)]
    locked_times = [one(locked, PASSPHRASE) for _ in range(runs)]
    return _medians(plain_times), _medians(locked_times)


def parts(runs: int) -> tuple[float, float, float, int]:
    from coach.store import crypto

    params = crypto.KdfParams.fresh()
    start = time.perf_counter()
    crypto.derive_key(PASSPHRASE, params)
    derive = time.perf_counter() - start
    codec = crypto.EncryptedCodec(PASSPHRASE, params)
    records = {
        str(i): {"at": "2026-01-01T21:00:00+01:00", "mood": i % 10 + 1, "note": "x" * 80}
        for i in range(1, 1001)
    }
    raw = json.dumps({"records": records}).encode()
    seal_times, open_times = [], []
    for _ in range(runs):
        start = time.perf_counter()
        blob = codec.encode(raw)
        seal_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        codec.decode(blob)
        open_times.append(time.perf_counter() - start)
    return derive, statistics.median(seal_times), statistics.median(open_times), len(raw)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    from coach.store import crypto

    print(f"scrypt n=2**{crypto.SCRYPT_LOG2_N}, r={crypto.SCRYPT_R}, p={crypto.SCRYPT_P}")
    # scrypt is memory-hard: other processes competing for memory bandwidth slow it down.
    print(f"machine load (1 min): {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    derive, seal, opened, size = parts(max(runs, 20))
    write_ms = (seal + opened) * 1000
    print(f"key derivation (once per process): {derive * 1000:7.1f} ms")
    print(f"seal a {size // 1024} KiB store file:       {seal * 1000:7.2f} ms")
    print(f"open a {size // 1024} KiB store file:       {opened * 1000:7.2f} ms")
    (plain, plain_cpu), (locked, locked_cpu), what = end_to_end(runs)
    added = locked - plain
    print(f"{what}, median of {runs}:")
    print("             wall        CPU")
    print(f"  plain      {plain * 1000:7.1f} ms  {plain_cpu * 1000:7.1f} ms")
    print(f"  encrypted  {locked * 1000:7.1f} ms  {locked_cpu * 1000:7.1f} ms")
    print(
        f"  added      {added * 1000:7.1f} ms  {(locked_cpu - plain_cpu) * 1000:7.1f} ms"
        f"   (target <= {TARGET_ADDED * 1000:.0f} ms of wall time)"
    )
    print(f"write in an unlocked process: {write_ms:.2f} ms (target < {TARGET_WRITE_MS} ms)")
    ok = added <= TARGET_ADDED and write_ms < TARGET_WRITE_MS
    print("target met" if ok else "target MISSED (a busy machine slows scrypt: compare CPU time)")


if __name__ == "__main__":
    main()
