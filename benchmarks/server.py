"""Server benchmark: several coach clients at once against one llama-cpp-python server.

Starts llama-cpp-python's OpenAI-compatible server on loopback with the default
model, then runs 1, 2 and 4 coach clients at the same time (threads, each with
its own COACH_HOME, backend and connection; every turn goes through
`Companion.reply`: safety check, guard, store). For each round it prints, per
client: requests served, mean time to first token (from the request), mean
time until the first words are shown (from the question: token counting,
queueing and the guard's held-back sentence included), mean generation rate;
and for the round: wall time and the tokens per second the server gave in total.

llama-cpp-python's server holds one model and serves one request at a time:
clients queue, so time to first token grows with the number of clients while
the total rate stays about flat. By default that server also cuts a streaming
reply short when another request arrives (`--interrupt_requests`); the main
rounds run with it off, as a shared server should, and a last round shows the
default.

Targets: every request served, no reply cut short (interrupt off); the total
rate with 4 clients at least 0.7 x the rate with 1 client.

Run: python benchmarks/server.py   (pulls the default model once if needed; ~1-2 min)
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "server"))

QUESTIONS = [
    "I keep worrying about work at night. What could I try?",
    "I feel tense before meetings.",
    "How can I get back into a routine?",
    "I snapped at a friend today and feel bad.",
]
REQUESTS_PER_CLIENT = 2
REPLY_TOKENS = 48
ROUNDS = (1, 2, 4)


@dataclass
class ClientResult:
    served: int = 0
    cut_short: int = 0
    errors: list[str] = field(default_factory=list)
    first_token: list[float] = field(default_factory=list)
    first_shown: list[float] = field(default_factory=list)
    rates: list[float] = field(default_factory=list)
    tokens: int = 0


def model_file() -> Path:
    from coach.companion import catalog, fetch

    folder = Path(
        os.environ.get("COACH_TEST_MODELS") or Path.home() / ".cache" / "coach-tests" / "models"
    )
    cat = catalog.load_catalog()
    entry = cat.require(cat.default)
    path = catalog.model_file(folder, entry.id)
    if not path.is_file():
        print(f"pulling {entry.id} into {folder} ...", flush=True)
        fetch.pull(entry, folder)
    return path


def client(url: str, home: Path, index: int, start: threading.Barrier, out: ClientResult):
    from coach import paths
    from coach.companion.companion import Companion
    from coach.companion.server import ServerBackend
    from coach.config import Config
    from coach.context import Context
    from coach.errors import CoachError

    settings = {"companion.backend": "server", "companion.url": url, "companion.timeout": 300}
    context = Context(paths.resolve({"COACH_HOME": str(home)}), Config(settings), lambda: _now())
    backend = ServerBackend.from_context(context)
    backend.max_tokens = REPLY_TOKENS
    companion = Companion(context, backend)
    conversation = companion.new_conversation()
    backend.load()
    companion.system()  # built before the clock starts, as in the app
    start.wait()
    for turn in range(REQUESTS_PER_CLIENT):
        question = QUESTIONS[(index + turn) % len(QUESTIONS)]
        shown: list[float] = []
        began = time.perf_counter()

        def on_text(piece: str, shown=shown, began=began) -> None:
            if not shown:
                shown.append(time.perf_counter() - began)

        try:
            result = companion.reply(conversation, question, on_text)
        except CoachError as exc:
            out.errors.append(str(exc))
            continue
        out.served += 1
        out.cut_short += int(getattr(backend.stats, "cut_short", False))
        out.tokens += result.tokens
        if result.tokens:
            out.first_token.append(result.seconds_to_first_token)
            out.first_shown.extend(shown)
        if result.tokens_per_second:
            out.rates.append(result.tokens_per_second)


def _now():
    from datetime import datetime

    return datetime.now().astimezone()


def run_round(url: str, clients: int, scratch: Path) -> tuple[list[ClientResult], float]:
    results = [ClientResult() for _ in range(clients)]
    barrier = threading.Barrier(clients + 1)
    threads = [
        threading.Thread(
            target=client, args=(url, scratch / f"c{clients}-{i}", i, barrier, results[i])
        )
        for i in range(clients)
    ]
    for thread in threads:
        thread.start()
    barrier.wait()
    started = time.perf_counter()
    for thread in threads:
        thread.join(600)
    return results, time.perf_counter() - started


def report(label: str, results: list[ClientResult], wall: float) -> float:
    total_tokens = sum(r.tokens for r in results)
    total_rate = total_tokens / wall if wall else 0.0
    print(f"\n{label}: wall {wall:.1f} s, {total_tokens} tokens, {total_rate:.1f} tok/s in total")
    for i, r in enumerate(results):
        ttft = statistics.mean(r.first_token) if r.first_token else float("nan")
        shown = statistics.mean(r.first_shown) if r.first_shown else float("nan")
        rate = statistics.mean(r.rates) if r.rates else float("nan")
        line = (
            f"  client {i + 1}: served {r.served}/{REQUESTS_PER_CLIENT}, "
            f"first token {ttft:5.2f} s (first words shown {shown:5.2f} s), "
            f"{rate:5.1f} tok/s while generating"
        )
        if r.cut_short:
            line += f", {r.cut_short} cut short by the server"
        if r.errors:
            line += f", {len(r.errors)} failed: {r.errors[0]}"
        print(line)
    return total_rate


def main() -> int:
    import llama_server_process

    model = model_file()
    threads = max(1, min(4, os.cpu_count() or 1))
    print(f"model {model.name}; server threads {threads}; {REQUESTS_PER_CLIENT} requests a client,"
          f" up to {REPLY_TOKENS} tokens a reply")  # fmt: skip
    ok = True
    rates: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="coach-bench-server-") as tmp:
        scratch = Path(tmp)
        began = time.perf_counter()
        with llama_server_process.running(
            model, scratch / "server.log", n_ctx=2048, threads=threads,
            extra=["--interrupt_requests", "false"],
        ) as server:  # fmt: skip
            print(f"server ready in {time.perf_counter() - began:.1f} s at {server.url}")
            # One client again at the end: the first round also pays for the server's first
            # request, and on a shared machine the load changes under us; the best
            # single-client rate is the fair baseline.
            for round_no, clients in enumerate((*ROUNDS, 1)):
                results, wall = run_round(server.url, clients, scratch / f"r{round_no}")
                rate = report(f"{clients} client(s), interrupt off", results, wall)
                rates[clients] = max(rates.get(clients, 0.0), rate)
                served = sum(r.served for r in results)
                cut = sum(r.cut_short for r in results)
                ok &= served == clients * REQUESTS_PER_CLIENT and cut == 0
        with llama_server_process.running(
            model, scratch / "server-default.log", n_ctx=2048, threads=threads
        ) as server:
            results, wall = run_round(server.url, 2, scratch / "default")
            report("2 clients, server default (--interrupt_requests true)", results, wall)
        print(f"\ntotal time {time.perf_counter() - began:.0f} s")
    scale = rates[4] / rates[1] if rates.get(1) else 0.0
    print(f"total rate, 4 clients vs the best of 1: {scale:.2f} x (target >= 0.7)")
    print("target: every request served, none cut short (interrupt off):",
          "met" if ok else "NOT met")  # fmt: skip
    return 0 if ok and scale >= 0.7 else 1


if __name__ == "__main__":
    sys.exit(main())
