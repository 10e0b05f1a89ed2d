"""How well `coach.safety.detect` separates crisis, concern and harmless messages.

    python benchmarks/safety.py                 # the development and held-out corpora
    python benchmarks/safety.py --set holdout   # only the held-out part (also: dev, train)
    python benchmarks/safety.py --set unseen    # sets never read nor trained on (the honest one)
    python benchmarks/safety.py --file x.jsonl  # any labelled set: {"text", "level", "lang"}
    python benchmarks/safety.py -v              # also list every miss and false alarm

Prints, per language: crisis recall (target >= 0.97), concern recall (flagged at
least as concern), and false-alarm rates on harmless messages (crisis target <= 3%).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from coach.safety import detect  # noqa: E402

CORPUS = ROOT / "tests" / "safety" / "corpus"


def _files(*patterns: str) -> list[str]:
    def order(name: str) -> tuple[str, int, str]:
        kind, number, lang = re.fullmatch(r"([a-z]+?)(\d*)_(en|fr)\.txt", name).groups()
        return kind, int(number or 1), lang

    return sorted({p.name for pattern in patterns for p in CORPUS.glob(pattern)}, key=order)


# dev: what the rules were first written on; holdout: sets scored once on arrival, then
# used to find missing families; train: sets written to teach the learned model;
# unseen: fresh sets kept out of the corpus, never read for rules nor trained on.
UNSEEN = Path(__file__).resolve().parent / "unseen"
SETS = {
    "dev": [CORPUS / "en.txt", CORPUS / "fr.txt"],
    "holdout": [CORPUS / f for f in _files("holdout*.txt", "harmless*.txt")],
    "train": [CORPUS / f for f in _files("train*.txt")],
    "unseen": sorted(UNSEEN.glob("*.txt")),
}
TARGET_RECALL, TARGET_FALSE_CRISIS = 0.97, 0.03
ORDER = ("crisis", "concern", "none")  # most serious first


def read_txt(path: Path) -> list[dict]:
    lang = "fr" if "fr" in path.stem else "en"
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        level, tags, text = (part.strip() for part in line.split(" | ", 2))
        rows.append({"text": text, "level": level, "lang": lang, "hard": "hard" in tags})
    return rows


def read_any(path: Path) -> list[dict]:
    if path.suffix == ".txt":
        return read_txt(path)
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            rows.append({"hard": False, "lang": "en", **row})
    return rows


def _rate(items: list, hit) -> float:
    return sum(map(hit, items)) / len(items) if items else float("nan")


def score(rows: list[dict], verbose: bool) -> bool:
    """Per language and level: recall, and the false-alarm rate (that level given wrongly)."""
    by_lang: dict[str, list[tuple[dict, str]]] = defaultdict(list)
    start = time.perf_counter()
    for row in rows:
        by_lang[row["lang"]].append((row, detect(row["text"], row["lang"]).level))
    elapsed = time.perf_counter() - start
    ok = True
    print(f"{'lang':<5}{'level':<9}{'n':>5}{'recall':>9}{'flagged':>9}{'false alarm':>13}")
    for lang in sorted(by_lang):
        results = by_lang[lang]
        for level in ("crisis", "concern", "none"):
            mine = [p for r, p in results if r["level"] == level]
            others = [p for r, p in results if r["level"] != level]
            recall = _rate(mine, lambda p, lv=level: p == lv)
            # flagged: at least as serious as the label (a crisis called a concern still alerts)
            flagged = _rate(mine, lambda p, lv=level: ORDER.index(p) <= ORDER.index(lv))
            false_alarm = _rate(others, lambda p, lv=level: p == lv)
            print(
                f"{lang:<5}{level:<9}{len(mine):>5}{recall:>9.3f}{flagged:>9.3f}{false_alarm:>13.3f}"
            )
        crisis = [p for r, p in results if r["level"] == "crisis"]
        harmless = [p for r, p in results if r["level"] == "none"]
        recall = _rate(crisis, lambda p: p == "crisis")
        false_crisis = _rate(harmless, lambda p: p == "crisis")
        any_alert = _rate(harmless, lambda p: p != "none")
        exact = sum(r["level"] == p for r, p in results) / len(results)
        print(
            f"{lang:<5}crisis recall {recall:.3f} · crisis on harmless {false_crisis:.3f} · "
            f"any alert on harmless {any_alert:.3f} · exact {exact:.3f}"
        )
        ok &= (not crisis or recall >= TARGET_RECALL) and (
            not harmless or false_crisis <= TARGET_FALSE_CRISIS
        )
        if verbose:
            for row, pred in results:
                if row["level"] != pred:
                    print(f"   [{row['level']} -> {pred}] {row['text']}")
    hard = [r for r in rows if r.get("hard")]
    if hard:
        right = sum(detect(r["text"], r["lang"]).level == r["level"] for r in hard)
        print(f"hard cases: {len(hard)} of {len(rows)}, exact {right / len(hard):.3f}")
    print(
        f"targets: crisis recall >= {TARGET_RECALL} per language, crisis on harmless <= "
        f"{TARGET_FALSE_CRISIS:.0%}  ->  {'MET' if ok else 'NOT MET'}"
    )
    print(
        f"speed: {len(rows) / elapsed:,.0f} messages/s ({elapsed * 1000 / len(rows):.2f} ms each)"
    )
    return ok


def guard_report() -> None:
    """The guard on the replies written for its tests: unsafe blocked, safe untouched."""
    import importlib.util

    from coach.safety.guard import check_reply

    path = ROOT / "tests" / "safety" / "test_safety_guard.py"
    spec = importlib.util.spec_from_file_location("guard_cases", path)
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    blocked = sum(not check_reply(text).allowed for text, _family in cases.UNSAFE)
    passed = sum(check_reply(text).allowed for text in cases.SAFE)
    print(
        f"== guard: {blocked}/{len(cases.UNSAFE)} unsafe replies blocked, "
        f"{passed}/{len(cases.SAFE)} safe replies shown untouched"
    )


def long_entry_speed() -> None:
    """A long journal entry (about 2,000 characters) with the signal in its last line."""
    entry = (
        "Today was a long day at work, my boss kept changing the deadline and I stayed late. " * 22
        + "I have the pills counted out and tonight I stop trying."
    )
    detect(entry)
    start = time.perf_counter()
    for _ in range(10):
        level = detect(entry).level
    each = (time.perf_counter() - start) / 10
    print(f"== long entry: {len(entry)} characters in {each * 1000:.1f} ms -> {level}")


def sos_startup() -> None:
    """`coach sos` must print within half a second: measured in a fresh process each time."""
    import os
    import statistics
    import subprocess
    import tempfile

    times = []
    with tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "COACH_HOME": home}
        for _ in range(5):
            start = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "coach", "sos", "--country", "FR"],
                env=env,
                capture_output=True,
                check=True,
            )
            times.append(time.perf_counter() - start)
    print(
        f"== coach sos: median {statistics.median(times):.3f} s over 5 fresh processes "
        f"(target < 0.5 s; includes the Python start-up)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--file", type=Path, action="append", help="a labelled .txt or .jsonl set")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.file:
        rows = [row for path in args.file for row in read_any(path)]
        print(f"== {', '.join(str(p) for p in args.file)}")
        return 0 if score(rows, args.verbose) else 1
    ok = True
    names = list(SETS) if args.set == "all" else [args.set]
    if args.set == "all":
        guard_report()
        long_entry_speed()
        sos_startup()
        print()
    for name in names:
        files = [path for path in SETS[name] if path.exists()]
        rows = [row for path in files for row in read_txt(path)]
        if rows:
            print(f"== {name} ({len(rows)} messages)")
            ok &= score(rows, args.verbose)
            print()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
