"""The labelled corpus: its size and mix, and the targets of the issue on it."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from coach.safety import detect

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("safety_benchmark", ROOT / "benchmarks" / "safety.py")
bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(bench)


def rows(name: str) -> list[dict]:
    return [r for f in bench.SETS[name] for r in bench.read_txt(bench.CORPUS / f)]


def test_corpus_is_big_enough_half_french_a_third_hard() -> None:
    everything = rows("dev") + rows("holdout") + rows("train")
    assert len(everything) >= 300
    french = sum(r["lang"] == "fr" for r in everything)
    assert abs(french - len(everything) / 2) <= len(everything) * 0.05
    assert sum(r["hard"] for r in everything) >= len(everything) / 3
    assert {r["level"] for r in everything} == {"crisis", "concern", "none"}
    texts = [r["text"] for r in everything]
    assert len(set(texts)) == len(texts), "no message twice"


@pytest.mark.parametrize("name", ["dev", "holdout"])
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_targets_per_language(name: str, lang: str) -> None:
    subset = [r for r in rows(name) if r["lang"] == lang]
    crisis = [r for r in subset if r["level"] == "crisis"]
    harmless = [r for r in subset if r["level"] == "none"]
    recall = sum(detect(r["text"], lang).level == "crisis" for r in crisis) / len(crisis)
    false_alarm = sum(detect(r["text"], lang).level == "crisis" for r in harmless) / len(harmless)
    assert recall >= bench.TARGET_RECALL
    assert false_alarm <= bench.TARGET_FALSE_CRISIS


def test_benchmark_runs_and_says_whether_targets_are_met(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert bench.score(rows("dev"), verbose=False)
    out = capsys.readouterr().out
    assert "crisis recall" in out and "MET" in out
