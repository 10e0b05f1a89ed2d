"""Start-up cost of the command line.

Prints the median wall time of `coach --version` and of `python -c "import typer"`
over alternated runs, and their ratio. Target (issue 2): ratio <= 1.3.
Usage: python benchmarks/startup.py [--runs 10]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def _time(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="coach-bench-")
    env = {**os.environ, "COACH_HOME": home}
    coach = shutil.which("coach", path=os.path.dirname(sys.executable)) or shutil.which("coach")
    coach_cmd = [coach, "--version"] if coach else [sys.executable, "-m", "coach", "--version"]
    typer_cmd = [sys.executable, "-c", "import typer"]
    for cmd in (coach_cmd, typer_cmd):  # warm the file cache and bytecode
        _time(cmd, env)
    coach_times, typer_times = [], []
    for _ in range(args.runs):
        coach_times.append(_time(coach_cmd, env))
        typer_times.append(_time(typer_cmd, env))
    c, t = statistics.median(coach_times), statistics.median(typer_times)
    print(f"coach --version      median {c * 1000:7.1f} ms over {args.runs} runs")
    print(f"python -c 'import typer' median {t * 1000:7.1f} ms over {args.runs} runs")
    print(f"ratio {c / t:.2f} (target <= 1.3)")
    shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
