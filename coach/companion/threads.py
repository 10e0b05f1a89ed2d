"""How many cores llama.cpp gets.

Reading the prompt scales with cores, so `n_threads_batch` is every physical
core (hyperthreads add nothing and slow it down). Generation gains little from
a second core (about 160 tokens/s on one, 190 on two here) while the terminal
UI needs one to stay smooth as a reply streams, so in the TUI it gets one
core fewer than the machine has; the shell commands, with no screen to keep
alive, use every physical core. `companion.threads` in the config overrides both.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Threads:
    generation: int
    batch: int


def usable_cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def physical_cores(cpuinfo: str | None = None) -> int:
    """Physical cores this process may use (Linux: /proc/cpuinfo; elsewhere a fair guess)."""
    usable = usable_cpus()
    if cpuinfo is None:
        try:
            cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
        except OSError:
            cpuinfo = ""
    cores: set[tuple[str, str]] = set()
    logical = 0
    physical_id = core_id = ""
    for line in [*cpuinfo.splitlines(), ""]:
        key, _, value = line.partition(":")
        key = key.strip()
        if key == "processor":
            logical += 1
        elif key == "physical id":
            physical_id = value.strip()
        elif key == "core id":
            core_id = value.strip()
        elif not line.strip() and core_id:
            cores.add((physical_id, core_id))
            physical_id = core_id = ""
    if cores and logical:
        # Scale down when the affinity mask hides some logical CPUs.
        per_core = max(1, logical // len(cores))
        return max(1, min(len(cores), usable // per_core or 1))
    if logical == 0 and (os.cpu_count() or 1) > 1:
        return max(1, usable // 2)  # no cpuinfo (macOS, Windows): assume 2-way SMT
    return max(1, usable)


def choose(configured: int = 0, cores: int | None = None, ui: bool = True) -> Threads:
    """Threads for llama.cpp. `ui`: a terminal UI shares the machine, so keep a core for it."""
    cores = cores or physical_cores()
    if configured > 0:
        return Threads(generation=configured, batch=configured)
    return Threads(generation=max(1, cores - 1) if ui else cores, batch=cores)
