"""The learned reader: wired after the rules, raising them, doubting them only within its veto."""

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


def test_without_a_veto_the_model_never_lowers_a_rules_crisis(model_file) -> None:
    model_file({"w:kill": -50.0, "w:myself": -50.0}, {"w:kill": -50.0})
    found = detect("I want to kill myself tonight", "en")
    assert found.level == "crisis"
    assert not any("learned" in r for r in found.reasons)


# The veto weighs only messages with some context (learned.VETO_MIN_WORDS).
LONG = "every single day at the office with the same people around me, "


def test_a_veto_never_doubts_a_message_that_is_only_its_risk_words(model_file) -> None:
    path = model_file({"w:hill": -40.0}, {"w:hill": -40.0})
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["veto"] = {"crisis": -6.0, "concern": -5.0}
    path.write_text(json.dumps(raw), encoding="utf-8")
    learned.model.cache_clear()
    assert detect("I want to die on the hill", "en").level == "crisis"
    assert detect(LONG + "I want to die on the hill", "en").level == "concern"


def test_a_veto_lowers_a_rules_crisis_to_a_concern_only_where_both_heads_agree(
    model_file,
) -> None:
    # "hill": crisis (-5 - 40 / 4) / 2 = -7.5 and concern -7.5; with "tonight" concern -2.5.
    path = model_file({"w:hill": -40.0}, {"w:hill": -40.0, "w:tonight": 40.0})
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["veto"] = {"crisis": -6.0, "concern": -5.0}
    path.write_text(json.dumps(raw), encoding="utf-8")
    learned.model.cache_clear()
    found = detect(LONG + "I want to die on the hill", "en")
    assert found.level == "concern"
    assert found.reasons[0].startswith("concern.doubted_")
    # the concern head is not sure it is harmless: the rules' crisis stands
    assert detect(LONG + "I want to die on the hill tonight", "en").level == "crisis"
    # the learned reader cannot doubt what the rules did not call a crisis
    assert detect("a walk up the hill", "en").level == "none"


def test_the_veto_spares_a_crisis_whose_own_sentence_leans_to_one(model_file) -> None:
    # A long happy day reads harmless as a whole and can still hide a plan in one
    # sentence: the veto asks the rules' sentence too, read alone.
    happy = {"w:sunny": -40.0, "w:picnic": -40.0, "w:cake": -40.0}
    path = model_file({**happy, "w:tonight": 40.0}, happy)
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["veto"] = {"crisis": -6.0, "concern": -5.0}
    path.write_text(json.dumps(raw), encoding="utf-8")
    learned.model.cache_clear()
    # "i want to kill myself tonight" alone: (-5 + 40 / 4) / 2 = +2.5, past the coin toss
    text = (
        "Sunny picnic with cake in the park with the whole family. I want to kill myself tonight."
    )
    assert detect(text, "en").level == "crisis"
    # "i want to die on the hill" alone: -2.5, harmless like the rest of the message
    found = detect(
        "Sunny picnic with cake in the park with the whole family. I want to die on the hill.", "en"
    )
    assert found.level == "concern"
    assert found.reasons[0].startswith("concern.doubted_")


def test_the_veto_lowers_no_more_held_out_crises_than_its_cost() -> None:
    # Rules' crises a language: 10 harmless ones both heads read at -10, one real crisis at
    # crisis -9 and concern -2. One crisis in one is far over VETO_COST: the veto may take
    # the harmless ones, never the crisis.
    examples, crisis, concern, alarmed = [], [], [], []
    for lang in ("en", "fr"):
        for i in range(10):
            examples.append(training.Example(f"h{i} " + LONG, "none", lang, lang, {}))
            crisis.append(-10.0)
            concern.append(-10.0)
            alarmed.append(True)
        examples.append(training.Example("c " + LONG, "crisis", lang, lang, {}))
        crisis.append(-9.0)
        concern.append(-2.0)
        alarmed.append(True)
    bar = training.veto(examples, crisis, concern, alarmed)
    assert bar.crisis >= -10.0 and bar.concern >= -10.0
    assert not (bar.crisis >= -9.0 and bar.concern >= -2.0)
    # A crisis read as harmless as the rest leaves no room for a veto at all.
    concern[10] = -10.0
    crisis[10] = -10.0
    assert training.veto(examples, crisis, concern, alarmed) == learned.Veto()


def test_the_veto_may_lower_a_rare_crisis_to_spare_many_harmless_messages() -> None:
    # A thousand crises a language read as crises, one read as harmless as 30 harmless
    # messages: lowering it (to a concern) costs 0.1% of the crises, within VETO_COST.
    examples, crisis, concern, alarmed = [], [], [], []
    for lang in ("en", "fr"):
        for i in range(30):
            examples.append(training.Example(f"h{i} " + LONG, "none", lang, lang, {}))
            crisis.append(-8.0)
            concern.append(-6.0)
            alarmed.append(True)
        for i in range(1000):
            low = i == 0
            examples.append(training.Example(f"c{i} " + LONG, "crisis", lang, lang, {}))
            crisis.append(-8.0 if low else 6.0)
            concern.append(-6.0 if low else 8.0)
            alarmed.append(True)
    assert training.VETO_COST * 1000 >= 1
    bar = training.veto(examples, crisis, concern, alarmed)
    assert bar.crisis >= -8.0 and bar.concern >= -6.0


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


def test_a_lean_needs_both_heads(model_file) -> None:
    # A score is (bias + each weight / 4) / 2: the crisis head gives "biscuit" 2.5, short of
    # its threshold of 10; the concern head gives "biscuit tin" 7.5 and "biscuit" 2.5.
    path = model_file({"w:biscuit": 40.0}, {"w:biscuit": 40.0, "w:tin": 40.0})
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw["crisis"]["threshold"] = 10.0
    raw["concern"]["threshold"] = 1.0

    def lean(crisis: float, concern: float) -> None:
        raw["lean"] = {"crisis": crisis, "concern": concern}
        path.write_text(json.dumps(raw), encoding="utf-8")
        learned.model.cache_clear()

    lean(1.0, 5.0)
    assert detect("the biscuit tin", "en").level == "crisis"
    assert detect("the biscuit tin", "en").reasons == ["crisis.learned: 'biscuit'"]
    assert detect("the biscuit", "en").level == "concern"  # the concern head is not sure
    lean(3.0, 5.0)
    assert detect("the biscuit tin", "en").level == "concern"  # the crisis head does not lean


def test_a_model_without_a_lean_reads_as_before(model_file) -> None:
    model_file({"w:biscuit": 8.0})
    m = learned.model()
    assert m is not None and m.lean == learned.Lean()
    assert not m.is_crisis(-0.5, 100.0)
    assert m.is_crisis(0.0, -100.0)


def test_the_lean_is_chosen_within_the_budget_and_only_when_it_helps() -> None:
    # 100 harmless and 100 crises a language. The crisis head alone reaches half of the
    # crises at its threshold (5); the others score 3 on it, and 9 on the concern head,
    # where harmless messages score at most 6 (two of them score 4 on the crisis head).
    examples, crisis, concern = [], [], []
    for lang in ("en", "fr"):
        for i in range(100):
            examples.append(training.Example(f"h{i}", "none", lang, lang, {}))
            crisis.append(4.0 if i < 2 else -1.0)
            concern.append(6.0 if i < 2 else 0.0)
        for i in range(100):
            examples.append(training.Example(f"c{i}", "crisis", lang, lang, {}))
            crisis.append(6.0 if i < 50 else 3.0)
            concern.append(9.0)
    alarmed = [False] * len(examples)
    bar = training.lean(examples, crisis, concern, 5.0, alarmed)
    assert bar.crisis <= 3.0 and 6.0 < bar.concern <= 9.0
    # With the budget already spent by the rules, no lean is allowed.
    spent = [e.level == "none" and e.plain in ("h10", "h11", "h12", "h13") for e in examples]
    assert training.lean(examples, crisis, concern, 5.0, spent) == learned.Lean()


def test_the_lean_raises_few_concerns_to_a_crisis(monkeypatch: pytest.MonkeyPatch) -> None:
    # Half the crises score 6 on the crisis head (its threshold is 5), the others 3 and 8
    # on the concern head; so do 10 of 100 concerns. The lean (3, 8) would catch every
    # crisis, and raise 10% of the concerns to a crisis: over CONCERN_RAISED, so no lean.
    examples, crisis, concern = [], [], []
    for lang in ("en", "fr"):
        for i in range(100):
            examples.append(training.Example(f"h{i}", "none", lang, lang, {}))
            crisis.append(-1.0)
            concern.append(0.0)
        for i in range(100):
            examples.append(training.Example(f"c{i}", "crisis", lang, lang, {}))
            crisis.append(6.0 if i < 50 else 3.0)
            concern.append(8.0)
        for i in range(100):
            examples.append(training.Example(f"k{i}", "concern", lang, lang, {}))
            crisis.append(3.0 if i < 10 else -1.0)
            concern.append(8.0 if i < 10 else 2.0)
    alarmed = [False] * len(examples)
    assert training.CONCERN_RAISED < 0.10
    assert training.lean(examples, crisis, concern, 5.0, alarmed) == learned.Lean()
    monkeypatch.setattr(training, "CONCERN_RAISED", 0.10)
    bar = training.lean(examples, crisis, concern, 5.0, alarmed)
    assert bar.crisis <= 3.0 and bar.concern <= 8.0


def test_adversarial_twins_teach_but_do_not_set_the_budget() -> None:
    # The same scores as above, but the four harmless messages scored highest come from a
    # twin set: they no longer count, so the threshold may go lower.
    examples = [
        training.Example(f"m{i}", "none", lang, "harmless9" if i >= 96 else lang, {})
        for lang in ("en", "fr")
        for i in range(100)
    ]
    scores = [float(i % 100) / 10 for i in range(200)]
    everyone = [training.Example(e.plain, e.level, e.lang, e.lang, {}) for e in examples]
    assert training.threshold(examples, scores, "crisis") < training.threshold(
        everyone, scores, "crisis"
    )
    assert not training.budgeted(examples[99]) and training.budgeted(examples[0])


def test_the_veto_is_chosen_only_among_the_crises_it_may_lower() -> None:
    texts = ["the man on the bus has been seizing for five minutes", "I want to die tonight"]
    examples = [training.Example(prepare(t), "crisis", "en", "en", {}) for t in texts]
    alarmed, doubtable = training.rules_alarm(examples)
    assert alarmed == [True, True]
    assert doubtable == [False, True]  # signs of a body in danger are never doubted
