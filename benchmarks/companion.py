"""Companion benchmark: `coach ask` against a bare llama-cpp-python loop, on the same model.

Prints, for the default model, the same prompt and the same threads:
- generation rate (tokens/s) and time to first token of `coach ask --json` (a real
  process, as a user runs it) and of a bare loop over `Llama.generate`;
- the time to first token at turn 10 of a conversation against turn 1;
- the peak memory (max RSS) of the `coach ask` process.
Targets: rate >= 0.9 x bare; turn 10 first token <= 1.5 x turn 1; peak memory < 400 MB.

Run: python benchmarks/companion.py   (pulls the default model once if needed)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

QUESTION = "I keep worrying about work at night and I can't switch off. What could I try?"
RUNS = 3
TURNS = 10


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


def coach_ask(home: Path, models: Path) -> tuple[dict, int]:
    """One `coach ask --json` in a child process; returns its JSON and its peak RSS in kB."""
    env = {
        **os.environ,
        "COACH_HOME": str(home),
        "COACH_MODELS": str(models),
        "LANG": "en_US.UTF-8",
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "coach", "ask", QUESTION, "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    )
    out, err = proc.communicate()
    # wait4 is already done by communicate; the children's peak is in RUSAGE_CHILDREN.
    if proc.returncode != 0:
        raise SystemExit(f"coach ask failed: {err.decode()}")
    import resource

    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return json.loads(out), peak


def bare_loop(model: Path, threads, prompt_tokens: list[int], n: int, llm=None):
    """The plainest llama-cpp-python loop: generate greedily, detokenize, count."""
    from coach.companion import runtime

    if llm is None:
        llama_cpp = runtime.import_llama()
        safe = runtime.extra_buffers_safe(llama_cpp, model, None)
        llm = runtime._build(llama_cpp, model, 4096, threads, 42, safe)
    llm.reset()
    eos = llm.token_eos()
    start = time.perf_counter()
    first = 0.0
    count = 0
    for token in llm.generate(prompt_tokens, temp=0.0, top_p=0.9, repeat_penalty=1.1):
        if token == eos:
            break
        llm.detokenize([token])
        now = time.perf_counter()
        if not first:
            first = now
        count += 1
        if count >= n:
            break
    end = time.perf_counter()
    rate = (count - 1) / (end - first) if count > 1 else 0.0
    return llm, first - start, rate, count


def note(text: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {text}", file=sys.stderr, flush=True)


def main() -> None:
    model = model_file()
    from coach.companion import prompt
    from coach.companion.runtime import LocalRuntime
    from coach.companion.threads import Threads
    from coach.context import Context

    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        models = Path(tmp) / "models"
        models.mkdir()
        (models / model.name).symlink_to(model)
        os.environ["COACH_HOME"] = str(home)
        os.environ["COACH_MODELS"] = str(models)
        context = Context.load(lang="en")

        system = prompt.build_system(context)
        messages = [{"role": "system", "content": system}, {"role": "user", "content": QUESTION}]
        asks, bare = [], []
        peak = 0
        llm = None
        tokens: list[int] = []
        # Interleaved, so a neighbour's load on this shared machine hits both sides alike.
        for _ in range(RUNS):
            data, peak_kb = coach_ask(home, models)
            asks.append(data)
            peak = max(peak, peak_kb)
            note(f"coach ask: {data['tokens']} tokens, {data['tokens_per_second']} tokens/s")
            threads = Threads(data["threads"], data["threads"])
            if llm is None:
                rt = LocalRuntime(model, "bench", threads, 4096, cache_dir=home / "cache")
                tokens = rt.tokenize(rt.format(messages))
                rt.close()
            llm, ttft, rate, count = bare_loop(model, threads, tokens, data["tokens"], llm)
            bare.append((ttft, rate))
            note(f"bare loop: {count} tokens, {rate:.1f} tokens/s")
        llm.close()
        n = asks[-1]["tokens"]

        coach_rate = statistics.median(a["tokens_per_second"] for a in asks)
        coach_ttft = statistics.median(a["seconds_to_first_token"] for a in asks)
        bare_ttft = statistics.median(b[0] for b in bare)
        bare_rate = statistics.median(b[1] for b in bare)

        rt = LocalRuntime(model, "bench", threads, 4096, cache_dir=home / "cache")
        rt.max_tokens = 64  # turn-to-turn timing needs history, not long replies
        # Turn 1 against turn 10 of one conversation, the way the TUI runs it (system prompt
        # read while the screen says "loading").
        from coach.companion.companion import Companion

        companion = Companion(context, rt)
        rt.warm([{"role": "system", "content": companion.system()}])
        conversation = companion.new_conversation()
        ttfts = []
        for i in range(TURNS):
            text = (
                f"Turn {i + 1}: {QUESTION}"
                if i == 0
                else f"Thanks. And another thought, number {i + 1}?"
            )
            result = companion.reply(conversation, text)
            ttfts.append(result.seconds_to_first_token)
            note(f"turn {i + 1}: first token {result.seconds_to_first_token:.3f} s")
        rt.close()

    print(f"model: {model.name}  threads: {threads.generation} (prompt: {threads.batch})")
    print(f"prompt tokens: {len(tokens)}  generated tokens compared: {n}  runs: {RUNS} (median)")
    print(f"coach ask : {coach_rate:7.1f} tokens/s   first token {coach_ttft:.3f} s")
    print(f"bare loop : {bare_rate:7.1f} tokens/s   first token {bare_ttft:.3f} s")
    ratio = coach_rate / bare_rate if bare_rate else 0.0
    print(f"rate ratio: {ratio:.2f}   target >= 0.90   {'OK' if ratio >= 0.9 else 'MISSED'}")
    t1, t10 = ttfts[0], ttfts[-1]
    turn_ratio = t10 / t1 if t1 else float("inf")
    print(
        f"first token turn 1: {t1:.3f} s   turn {TURNS}: {t10:.3f} s   ratio {turn_ratio:.2f}"
        f"   target <= 1.5   {'OK' if turn_ratio <= 1.5 else 'MISSED'}"
    )
    mb = peak / 1024
    verdict = "OK" if mb < 400 else "MISSED"
    print(f"peak memory of coach ask: {mb:.0f} MB   target < 400 MB   {verdict}")


if __name__ == "__main__":
    main()
