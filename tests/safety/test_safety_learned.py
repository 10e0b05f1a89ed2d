"""The learned reader: wired after the rules, only ever raising, rebuilt from the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach.safety import detect, learned, training
from coach.safety.detector import prepare


@pytest.fixture
def model_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Point the reader at a model of the test's own making."""

    def write(crisis: dict[str, float], concern: dict[str, float] | None = None) -> Path:
        path = tmp_path / "learned.json"
        head = {"bias": -5.0, "threshold": 0.0}
        path.write_text(
            json.dumps(
                {
                    "format": learned.FORMAT,
                    "crisis": {**head, "weights": crisis},
                    "concern": {**head, "weights": concern or {}},
                }
            ),
            encoding="utf-8",
        )
        monkeypatch.setattr(learned, "DATA", path)
        learned.model.cache_clear()
        return path

    yield write
    learned.model.cache_clear()


def test_shipped_model_is_learned_from_the_corpus_as_it_is_now() -> None:
    assert training.up_to_date(), "the corpus changed: run python -m coach.safety.training"
    assert learned.model() is not None


def test_features_are_the_same_every_time_and_read_negation() -> None:
    plain = prepare("I would never kill myself, I just want to sleep")
    first = learned.features(plain)
    assert first == learned.features(plain)
    assert list(first) == sorted(first)
    assert "w:~kill" in first and "w:kill" not in first
    assert "k:INTENT_EN" in first


def test_a_confident_model_raises_what_the_rules_miss(model_file) -> None:
    model_file({"w:biscuit": 20.0})
    found = detect("the biscuit tin is ready", "en")
    assert found.level == "crisis"
    assert found.reasons == ["crisis.learned: 'biscuit'"]


def test_a_concern_from_the_model_only_where_the_rules_found_nothing(model_file) -> None:
    model_file({}, {"w:biscuit": 20.0})
    assert detect("the biscuit tin is ready", "en").reasons == ["concern.learned: 'biscuit'"]
    # A rule's crisis keeps its own reason; the model adds nothing below it.
    assert detect("i want to kill myself, biscuit", "en").level == "crisis"


def test_the_model_never_lowers_a_rules_crisis(model_file) -> None:
    model_file({"w:kill": -50.0, "w:myself": -50.0}, {"w:kill": -50.0})
    found = detect("I want to kill myself tonight", "en")
    assert found.level == "crisis"
    assert not any("learned" in r for r in found.reasons)


@pytest.mark.parametrize("content", ["", "{not json", '{"format": 999}'])
def test_a_missing_or_damaged_model_leaves_the_rules_working(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, content: str
) -> None:
    path = tmp_path / "learned.json"
    if content:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setattr(learned, "DATA", path)
    learned.model.cache_clear()
    try:
        assert learned.read(prepare("anything")) is None
        assert detect("I want to kill myself tonight", "en").level == "crisis"
        assert detect("lovely walk by the sea", "en").level == "none"
    finally:
        learned.model.cache_clear()


def _toy_corpus(folder: Path) -> None:
    lines = {
        "crisis": ["the purple plan is tonight", "purple plan ready now", "doing the purple thing"],
        "concern": ["feeling grey again", "so grey lately", "grey week, grey me"],
        "none": ["green tea and a walk", "a green day at the park", "green light at work"],
    }
    for n in range(5):
        for lang in ("en", "fr"):
            rows = [f"{lv} | - | {text} {n}{lang}" for lv, texts in lines.items() for text in texts]
            (folder / f"set{n}_{lang}.txt").write_text("\n".join(rows) + "\n", encoding="utf-8")


def test_training_is_deterministic_and_learns(tmp_path: Path) -> None:
    _toy_corpus(tmp_path)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    training.train(tmp_path, first, say=lambda _line: None)
    training.train(tmp_path, second, say=lambda _line: None)
    assert first.read_bytes() == second.read_bytes()
    raw = json.loads(first.read_text(encoding="utf-8"))
    crisis = raw["crisis"]
    head = learned.Head(crisis["bias"], crisis["weights"], 0.0, crisis["prior"], crisis["ratios"])
    assert head.score(learned.features(prepare("purple plan"))) > 0
    assert head.score(learned.features(prepare("green tea"))) < 0
    assert raw["trained_on"] == 90 and raw["corpus"] == training.digest(tmp_path)
    assert training.up_to_date(tmp_path, first)
    (tmp_path / "set0_en.txt").write_text("none | - | changed\n", encoding="utf-8")
    assert not training.up_to_date(tmp_path, first)


def test_check_says_whether_the_model_is_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert training.main(["--check"]) == 0
    assert "up to date" in capsys.readouterr().out


def test_the_crisis_threshold_leaves_room_for_the_rules_false_alarms() -> None:
    # 100 harmless messages a language, scored 0..99 by a stand-in model: a budget of 3%
    # lets the three highest through. If the rules already raise two of the others,
    # only one is left for the model, so its threshold must rise.
    examples = [
        training.Example(f"m{i}", "none", lang, lang, {})
        for lang in ("en", "fr")
        for i in range(100)
    ]
    scores = [float(i % 100) / 10 for i in range(200)]
    alone = training.threshold(examples, scores, "crisis")
    alarmed = [i % 100 in (10, 11) for i in range(200)]
    together = training.threshold(examples, scores, "crisis", alarmed)
    assert together > alone
    harmless = [a or s >= together for s, a in zip(scores, alarmed, strict=True)]
    assert sum(harmless) / len(harmless) <= training.BUDGET["crisis"]
