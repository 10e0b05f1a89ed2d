"""Learn `data/learned.json` from the labelled corpus (a developer's tool).

    python -m coach.safety.training                # retrain and write the model
    python -m coach.safety.training --check        # only say whether it is up to date

Two heads, "crisis" and "at least a concern", each a logistic regression
(fitted with AdaGrad in a fixed order) voting with naive Bayes, so the same
corpus always gives the same file. Each head's threshold is chosen on held-out
folds (whole files left out, the way a fresh set of messages arrives): the
lowest one whose false alarms on harmless messages (the adversarial `harmless*`
twins aside, see `budgeted`) stay within the budget in both languages. For the
crisis head the budget is the whole detector's: a harmless message the rules
already call a crisis counts against it too. A lean (learned.Lean) then lets the
two heads decide together where both point to a crisis.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import random
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coach.safety import learned
from coach.safety.detector import UNDOUBTED, analyse, prepare

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "safety" / "corpus"
EPOCHS = 30
RATE = 0.5
L2 = 1e-5
FOLDS = 5
# False alarms allowed, on held-out harmless messages, for each head: for the crisis head,
# the rules' and the model's together, since the user meets both (the issue's target is
# at most 3% of harmless messages called a crisis). A missed crisis costs more than an SOS
# screen closed with one key, which is why the budget is not lower.
BUDGET = {"crisis": 0.03, "concern": 0.03}
# Held-out crises the veto may lower to a concern (still an alert, and the SOS screen one key
# away), in each language. The rules are written from the corpus, so there they raise almost
# no harmless message, while on fresh sets they raise 1-3%, most of which the learned reader
# reads as plainly harmless; a veto that might lower no crisis at all spared almost none of them.
VETO_COST = 0.002
# Held-out concerns the lean may leave raised to a crisis (rules included), in each language.
# A concern ("my friend told me she's been cutting") keeps the conversation going with the plan
# offered; a crisis stops it for the SOS screen. Without a lean the rules and the bar raise about
# 3% of them; an unbounded lean (-2.50, concern +11.00) raised 6.3% / 5.4% for 0.1 point of
# recall more than this bound allows (docs/safety.md).
CONCERN_RAISED = 0.05
PRUNE = 1e-3  # smaller weights change no decision and only weigh on the file


@dataclass
class Example:
    plain: str
    level: str
    lang: str
    group: str
    feats: dict[str, float]


def read_corpus(folder: Path = CORPUS) -> list[Example]:
    rows = []
    for path in sorted(folder.glob("*.txt")):
        lang = "fr" if path.stem.endswith("fr") else "en"
        group = path.stem.rsplit("_", 1)[0] if "_" in path.stem else "dev"
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            level, _tags, text = (part.strip() for part in line.split(" | ", 2))
            plain = prepare(text)
            rows.append(Example(plain, level, lang, group, learned.features(plain)))
    return rows


# What the features are made of: a change to the text's plain form or to a lexicon
# changes what the model reads, so it calls for a new model as much as new messages do.
_READS = [learned.DATA.parent / name for name in ("slang.toml", "idioms.toml", "rules.toml")]
_READS.append(Path(learned.__file__))


def digest(folder: Path = CORPUS) -> str:
    """What the model was learned from: the corpus files and what reads them."""
    h = hashlib.sha256()
    for path in [*sorted(folder.glob("*.txt")), *_READS]:
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def fit(examples: list[Example], target: str) -> tuple[float, dict[str, float]]:
    """(bias, weights) for "is this `target`?", classes weighed equally."""
    ys = [_is(e.level, target) for e in examples]
    positives = sum(ys) or 1
    negatives = (len(ys) - sum(ys)) or 1
    class_weight = {True: len(ys) / (2 * positives), False: len(ys) / (2 * negatives)}
    weights: dict[str, float] = {}
    squares: dict[str, float] = {}
    bias, bias_square = 0.0, 1e-8
    order = list(range(len(examples)))
    shuffle = random.Random(1)
    for _ in range(EPOCHS):
        shuffle.shuffle(order)
        for i in order:
            feats, y = examples[i].feats, ys[i]
            z = bias + sum(weights.get(k, 0.0) * v for k, v in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * class_weight[y]
            for k, v in feats.items():
                w = weights.get(k, 0.0)
                gk = g * v + L2 * w
                squares[k] = squares.get(k, 1e-8) + gk * gk
                weights[k] = w - RATE * gk / math.sqrt(squares[k])
            bias_square += g * g
            bias -= RATE * g / math.sqrt(bias_square)
    return bias, weights


def fit_bayes(examples: list[Example], target: str) -> tuple[float, dict[str, float]]:
    """(prior log-odds, each feature's log-odds ratio), add-one smoothed.

    Features seen in fewer than two messages are left out: their ratio is mostly
    the smoothing, and they would only weigh on the file.
    """
    yes: dict[str, int] = {}
    no: dict[str, int] = {}
    n_yes = n_no = 0
    for e in examples:
        positive = _is(e.level, target)
        counts = yes if positive else no
        for k in e.feats:
            counts[k] = counts.get(k, 0) + 1
        n_yes += positive
        n_no += not positive
    vocab = sorted(set(yes) | set(no))
    total_yes = sum(yes.values()) + len(vocab)
    total_no = sum(no.values()) + len(vocab)
    ratios = {}
    for k in vocab:
        if yes.get(k, 0) + no.get(k, 0) >= 2:
            ratios[k] = math.log((yes.get(k, 0) + 1) / total_yes) - math.log(
                (no.get(k, 0) + 1) / total_no
            )
    return math.log(max(n_yes, 1) / max(n_no, 1)), ratios


def fit_head(examples: list[Example], target: str, threshold: float = 0.5) -> learned.Head:
    bias, weights = fit(examples, target)
    prior, ratios = fit_bayes(examples, target)
    return learned.Head(bias, weights, threshold, prior, ratios)


def budgeted(e: Example) -> bool:
    """Whether a message counts in the false-alarm budget: a harmless one, as people write them.

    The `harmless*` sets are adversarial twins, written against particular rules
    to share every risk word with a crisis ("the rope for the climbing trip"). They
    teach both readers, but they are not the mix of messages users send. Letting
    them set the budget cost 1.3-1.4 points of held-out recall; on sixteen fresh
    sets it missed 2-3 more crises in a hundred to spare one harmless message in
    two hundred (docs/safety.md).
    """
    return e.level == "none" and not e.group.startswith("harmless")


def _is(level: str, target: str) -> bool:
    return level == "crisis" if target == "crisis" else level != "none"


def held_out_scores(examples: list[Example], target: str) -> list[float]:
    """Each message's score from a model that never saw its file."""
    groups = sorted({e.group for e in examples})
    scores = [0.0] * len(examples)
    for fold in range(FOLDS):
        out = {g for i, g in enumerate(groups) if i % FOLDS == fold}
        head = fit_head([e for e in examples if e.group not in out], target)
        for i, e in enumerate(examples):
            if e.group in out:
                scores[i] = head.score(e.feats)
    return scores


def rules_alarm(examples: list[Example]) -> tuple[list[bool], list[bool]]:
    """Whether the rules alone already call each message a crisis, and whether the veto
    may lower that crisis (not when one of its rules is never doubted)."""
    alarmed, doubtable = [], []
    for e in examples:
        crises = [rid for level, rid, _words in analyse("", e.plain) if level == "crisis"]
        alarmed.append(bool(crises))
        doubtable.append(bool(crises) and not any(rid in UNDOUBTED for rid in crises))
    return alarmed, doubtable


def threshold(
    examples: list[Example], scores: list[float], target: str, alarmed: list[bool] | None = None
) -> float:
    """The lowest threshold (log-odds) whose false alarms on harmless messages fit the budget.

    `alarmed` marks the messages already raised without the model (the rules'
    crises): they count as false alarms whatever the threshold.
    """
    alarmed = alarmed or [False] * len(examples)
    best = 20.0
    for step in range(80, -41, -1):
        t = step / 4
        for lang in ("en", "fr"):
            rows = zip(examples, scores, alarmed, strict=True)
            harmless = [a or s >= t for e, s, a in rows if e.lang == lang and budgeted(e)]
            if harmless and sum(harmless) / len(harmless) > BUDGET[target]:
                return best
        best = t
    return best


def report(
    examples: list[Example], scores: list[float], target: str, t: float, alarmed: list[bool]
) -> Iterable[str]:
    def rate(pairs: list[tuple[float, bool]], with_rules: bool) -> str:
        hits = sum((a and with_rules) or s >= t for s, a in pairs)
        return f"{hits / max(1, len(pairs)):.3f}"

    for lang in ("en", "fr"):
        rows = zip(examples, scores, alarmed, strict=True)
        mine = [(e, s, a) for e, s, a in rows if e.lang == lang]
        pos = [(s, a) for e, s, a in mine if _is(e.level, target)]
        harmless = [(s, a) for e, s, a in mine if budgeted(e)]
        line = f"{target:<8}{lang}  threshold {t:+.2f}  held-out recall {rate(pos, False)}"
        if any(alarmed):
            line += f" (with the rules {rate(pos, True)})"
        line += f"  false alarms {rate(harmless, False)}"
        if any(alarmed):
            line += f" (with the rules {rate(harmless, True)})"
        yield line


def lean(
    examples: list[Example],
    crisis: list[float],
    concern: list[float],
    t: float,
    alarmed: list[bool],
) -> learned.Lean:
    """The pair of bars (crisis, concern) that catches most held-out crises within budget.

    A message is already a crisis when the rules say so or its crisis score reaches
    `t`; the lean adds those whose crisis score reaches a lower bar while the concern
    head is sure. It stays within the false-alarm budget and raises at most
    CONCERN_RAISED of the held-out concerns. The worse language decides; on a tie the
    higher bars win.
    """
    raised = [a or c >= t for a, c in zip(alarmed, crisis, strict=True)]
    langs = ("en", "fr")
    crises = {
        lang: [i for i, e in enumerate(examples) if e.lang == lang and e.level == "crisis"]
        for lang in langs
    }
    harmless = {
        lang: [i for i, e in enumerate(examples) if e.lang == lang and budgeted(e)]
        for lang in langs
    }
    concerns = {
        lang: [i for i, e in enumerate(examples) if e.lang == lang and e.level == "concern"]
        for lang in langs
    }

    def rate(rows: list[int], a: float, b: float) -> float:
        return sum(caught(i, a, b) for i in rows) / max(1, len(rows))

    def caught(i: int, a: float, b: float) -> bool:
        return raised[i] or (crisis[i] >= a and concern[i] >= b)

    best, best_recall = (
        learned.Lean(),
        min(sum(raised[i] for i in crises[lang]) / max(1, len(crises[lang])) for lang in langs),
    )
    for a_step in range(int(t * 4) - 1, int(t * 4) - 33, -1):
        for b_step in range(80, -1, -2):
            a, b = a_step / 4, b_step / 4
            if any(
                rate(harmless[lang], a, b) > BUDGET["crisis"]
                or rate(concerns[lang], a, b) > CONCERN_RAISED
                for lang in langs
            ):
                break  # lower concern bars only let more through
            recall = min(rate(crises[lang], a, b) for lang in langs)
            if recall > best_recall:
                best, best_recall = learned.Lean(a, b), recall
    return best


def veto(
    examples: list[Example], crisis: list[float], concern: list[float], alarmed: list[bool]
) -> learned.Veto:
    """The bars under which the rules' crises are doubted, or none.

    Among the pairs that lower at most VETO_COST of the held-out crises in each
    language, the one that lowers the most harmless messages; on a tie the stricter
    bars win.
    """
    langs = ("en", "fr")
    crises = {lang: sum(e.level == "crisis" and e.lang == lang for e in examples) for lang in langs}
    best, spared_best = learned.Veto(), 0
    alarmed = [r and learned.has_context(e.plain) for r, e in zip(alarmed, examples, strict=True)]
    for a_step in range(-16, 1):
        for b_step in range(-8, 5):
            a, b = float(a_step), float(b_step)
            doubted = [
                r and c <= a and k <= b for r, c, k in zip(alarmed, crisis, concern, strict=True)
            ]
            lost = {lang: 0 for lang in langs}
            for d, e in zip(doubted, examples, strict=True):
                lost[e.lang] += d and e.level == "crisis"
            if any(lost[lang] > VETO_COST * crises[lang] for lang in langs):
                break  # higher concern bars only doubt more
            spared = sum(d and budgeted(e) for d, e in zip(doubted, examples, strict=True))
            if spared > spared_best:
                best, spared_best = learned.Veto(a, b), spared
    return best


def train(folder: Path = CORPUS, out: Path = learned.DATA, say=print) -> dict:
    examples = read_corpus(folder)
    model: dict = {"format": learned.FORMAT, "trained_on": len(examples), "corpus": digest(folder)}
    rules, doubtable = rules_alarm(examples)
    scores = {target: held_out_scores(examples, target) for target in ("crisis", "concern")}
    bars = {}
    for target in ("crisis", "concern"):
        alarmed = rules if target == "crisis" else [False] * len(examples)
        t = bars[target] = threshold(examples, scores[target], target, alarmed)
        for line in report(examples, scores[target], target, t, alarmed):
            say(line)
        head = fit_head(examples, target, t)
        model[target] = {
            "bias": round(head.bias, 4),
            "prior": round(head.prior, 4),
            "threshold": t,
            "weights": _kept(head.weights),
            "ratios": _kept(head.ratios),
        }
    bar = lean(examples, scores["crisis"], scores["concern"], bars["crisis"], rules)
    if bar.crisis < math.inf:
        model["lean"] = {"crisis": bar.crisis, "concern": bar.concern}
        raised = [
            r or c >= bars["crisis"] or (c >= bar.crisis and k >= bar.concern)
            for r, c, k in zip(rules, scores["crisis"], scores["concern"], strict=True)
        ]
        for lang in ("en", "fr"):
            mine = [(e, r) for e, r in zip(examples, raised, strict=True) if e.lang == lang]
            pos = [r for e, r in mine if e.level == "crisis"]
            harmless = [r for e, r in mine if budgeted(e)]
            concerns = [r for e, r in mine if e.level == "concern"]
            say(
                f"crisis  {lang}  + lean {bar.crisis:+.2f} & concern {bar.concern:+.2f}:"
                f"  with the rules {sum(pos) / max(1, len(pos)):.3f}"
                f"  false alarms {sum(harmless) / max(1, len(harmless)):.3f}"
                f"  concerns raised {sum(concerns) / max(1, len(concerns)):.3f}"
            )
    doubt = veto(examples, scores["crisis"], scores["concern"], doubtable)
    if doubt.crisis > -math.inf:
        model["veto"] = {"crisis": doubt.crisis, "concern": doubt.concern}
        doubted = [
            r and c <= doubt.crisis and k <= doubt.concern and learned.has_context(e.plain)
            for r, c, k, e in zip(
                doubtable, scores["crisis"], scores["concern"], examples, strict=True
            )
        ]
        for lang in ("en", "fr"):
            mine = [(e, d) for e, d in zip(examples, doubted, strict=True) if e.lang == lang]
            say(
                f"veto    {lang}  crisis <= {doubt.crisis:+.2f} & concern <= {doubt.concern:+.2f}:"
                f"  lowers {sum(d for e, d in mine if budgeted(e))} harmless rules' crises,"
                f" {sum(d for e, d in mine if e.level == 'concern')} concerns,"
                f" {sum(d for e, d in mine if e.level == 'crisis')} crises"
            )
    out.write_text(json.dumps(model, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    say(f"wrote {out} ({len(examples)} messages)")
    return model


def _kept(values: dict[str, float]) -> dict[str, float]:
    return {k: round(v, 3) for k, v in sorted(values.items()) if abs(v) >= PRUNE}


def up_to_date(folder: Path = CORPUS, path: Path = learned.DATA) -> bool:
    try:
        return json.loads(path.read_text(encoding="utf-8")).get("corpus") == digest(folder)
    except (OSError, ValueError):
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the model is current")
    args = parser.parse_args(argv)
    if args.check:
        ok = up_to_date()
        print("up to date" if ok else "stale: run python -m coach.safety.training")
        return 0 if ok else 1
    train()
    return 0


if __name__ == "__main__":
    sys.exit(main())
