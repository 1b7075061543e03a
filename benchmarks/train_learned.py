"""Train the learned second opinion (rules/learned.py) on the labelled corpus and write
``rules/packs/learned.json``.  Needs scikit-learn (``pip install -e '.[train]'``); the bot
itself only reads the weights.

    python benchmarks/train_learned.py [--corpus tests/data/corpus.jsonl] [--holdout FILE ...] [--cv K]
        [--leave-out POOL ...]

Logistic regression (L2, C=1, balanced classes) on the features of rules/learned.py: words
but function words, pairs of neighbouring words and the first 5 letters of longer words (each
in at least 2 messages).
Deterministic: the same corpus gives the same file.  ``--holdout`` prints precision/recall on other labelled files (never trained on), for
the model alone and together with the patterns, as the classifier uses it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rules import classify, load_pack  # noqa: E402
from rules.learned import LearnedModel, features, load_model_text  # noqa: E402
from rules.normalize import base  # noqa: E402

RULES = ("conduct.accusation", "conduct.vigilante")
LOCALES = ("nl-BE", "nl-NL", "en")
PRUNE = 0.1  # smaller weights are left out: a smaller table, faster to look up, same verdicts
THRESHOLD = 1.5  # logit; chosen with --cv: precision first (a false finding accuses a resident)
# Pool h (session 4) is about saar.police_first: 200 rows, 7 of them accusation or vigilante.
# Trained on as well, it lowered held-out recall (holdout f: accusation 0.46 -> 0.40,
# vigilante 0.53 -> 0.51; e and i unchanged), so the shipped model leaves it out.  Pool q
# (session 5, 200 rows on the same rule, 20 of them accusation or vigilante) likewise: trained
# on, accusation recall fell on e 0.81 -> 0.75 and n 0.71 -> 0.67 (l 0.77 -> 0.81).
LEAVE_OUT = ("pool-h", "pool-q")


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def left_out(row: dict, pools: list[str]) -> bool:
    note = str(row.get("note", ""))
    return any(note.startswith(f"{pool}:") for pool in pools)


def train(rows: list[dict], threshold: float = THRESHOLD, prune: float = PRUNE) -> dict:
    from sklearn.feature_extraction.text import CountVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    texts = [base(r["text"]) for r in rows]
    vec = CountVectorizer(analyzer=features, min_df=2)
    x = vec.fit_transform(texts)
    names = vec.get_feature_names_out()
    out: dict = {"comment": "written by benchmarks/train_learned.py; do not edit", "rules": {}}
    for rid in RULES:
        y = [rid in r["violations"] for r in rows]
        clf = LogisticRegression(C=1.0, class_weight="balanced", max_iter=5000)
        clf.fit(x, y)
        weights = {
            str(n): round(float(w), 4)
            for n, w in zip(names, clf.coef_[0], strict=True)
            if abs(w) >= prune
        }
        out["rules"][rid] = {
            "bias": round(float(clf.intercept_[0]), 4),
            "threshold": threshold,
            "trained_on": len(rows),
            "weights": dict(sorted(weights.items())),
        }
    return out


@contextmanager
def classifying_with(model: LearnedModel) -> Iterator[dict[str, object]]:
    """The packs by locale, ``classify`` using ``model``; the shipped model afterwards."""
    packs = {loc: load_pack(loc) for loc in LOCALES}
    shipped = {loc: p.compiled.learned for loc, p in packs.items()}
    for p in packs.values():
        p.compiled.learned = model
    try:
        yield packs
    finally:
        for loc, p in packs.items():
            p.compiled.learned = shipped[loc]


def tally(rows: list[dict], found: list[set[str]], rule_ids: Iterable[str]) -> dict[str, tuple]:
    """rule id -> (true positives, false positives, false negatives) of ``found`` per row."""
    out = {}
    for rid in rule_ids:
        pairs = [(rid in r["violations"], rid in f) for r, f in zip(rows, found, strict=True)]
        out[rid] = (
            sum(w and h for w, h in pairs),
            sum(h and not w for w, h in pairs),
            sum(w and not h for w, h in pairs),
        )
    return out


def pr(counts: tuple, digits: int) -> str:
    tp, fp, fn = counts
    return f"P {tp / max(tp + fp, 1):.{digits}f} R {tp / max(tp + fn, 1):.{digits}f}"


def report(label: str, rows: list[dict], model_json: str) -> None:
    model = load_model_text(model_json, "new model")
    wanted = frozenset(RULES)
    alone = [{j.rule_id for j in model.judge(base(r["text"]), wanted)} for r in rows]
    with classifying_with(model) as packs:  # the new model, whether written or not
        got = [set(classify(r["text"], packs[r["locale"]]).violations) for r in rows]
    print(f"== {label}: {len(rows)} messages")
    by_model, by_classify = tally(rows, alone, RULES), tally(rows, got, RULES)
    for rid in RULES:
        print(
            f"  {rid:22s} model alone {pr(by_model[rid], 2)}   classify {pr(by_classify[rid], 2)}"
        )


def cross_validate(rows: list[dict], k: int, threshold: float, prune: float) -> None:
    """k-fold: each message judged by ``classify`` with a model not trained on it."""
    got: list[set[str]] = [set() for _ in rows]
    for fold in range(k):
        model = LearnedModel(
            train([r for i, r in enumerate(rows) if i % k != fold], threshold, prune), "fold"
        )
        with classifying_with(model) as packs:
            for i in range(fold, len(rows), k):
                got[i] = set(classify(rows[i]["text"], packs[rows[i]["locale"]]).violations)
    print(f"== {k}-fold cross-validation on the corpus ({len(rows)} messages), classify")
    for rid, counts in tally(rows, got, (*RULES, "saar.police_first")).items():
        print(f"  {rid:22s} {pr(counts, 3)}")
    exact = sum(g == set(r["violations"]) for r, g in zip(rows, got, strict=True))
    print(f"  exactly right: {exact}/{len(rows)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "corpus.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "packs" / "learned.json")
    ap.add_argument("--holdout", type=Path, nargs="*", default=[])
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="logit to fire at")
    ap.add_argument("--prune", type=float, default=PRUNE, help="leave out smaller weights")
    ap.add_argument("--cv", type=int, default=0, help="also k-fold cross-validate (k >= 2)")
    ap.add_argument(
        "--leave-out",
        nargs="*",
        default=list(LEAVE_OUT),
        metavar="POOL",
        help=f"pools not trained on: rows whose note starts with 'POOL:' (default: {LEAVE_OUT})",
    )
    args = ap.parse_args()
    rows = [r for r in read(args.corpus) if not left_out(r, args.leave_out)]
    data = train(rows, args.threshold, args.prune)
    text = json.dumps(data, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    args.out.write_text(text, encoding="utf-8")
    sizes = {rid: len(spec["weights"]) for rid, spec in data["rules"].items()}
    print(f"wrote {args.out}: {len(rows)} messages, weights {sizes}")
    for path in args.holdout:
        report(str(path), read(path), text)
    if args.cv >= 2:
        cross_validate(rows, args.cv, args.threshold, args.prune)


if __name__ == "__main__":
    main()
