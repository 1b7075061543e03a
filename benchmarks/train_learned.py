"""Train the learned second opinion (rules/learned.py) on the labelled corpus and write
``rules/packs/learned.json``.  Needs scikit-learn (``pip install -e '.[train]'``); the bot
itself only reads the weights.

    python benchmarks/train_learned.py [--corpus tests/data/corpus.jsonl] [--holdout FILE ...] [--cv K]

Logistic regression (L2, C=1, balanced classes) on the features of rules/learned.py: words, pairs of words,
first five letters of words (each in at least 2 messages).  Deterministic: the same corpus gives the same
file.  ``--holdout`` prints precision/recall on other labelled files (never trained on), for
the model alone and together with the patterns, as the classifier uses it.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rules import classify, load_pack  # noqa: E402
from rules.learned import features, load_model_text  # noqa: E402
from rules.normalize import base  # noqa: E402

RULES = ("conduct.accusation", "conduct.vigilante")
PRUNE = 0.1  # smaller weights are left out: a smaller table, faster to look up, same verdicts
THRESHOLD = 1.5  # logit; chosen with --cv: precision first (a false finding accuses a resident)


def read(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


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


def report(label: str, rows: list[dict], model_json: str) -> None:
    model = load_model_text(model_json, "new model")
    packs = {loc: load_pack(loc) for loc in ("nl-BE", "nl-NL", "en")}
    for p in packs.values():  # classify with the new model (whether written or not)
        p.compiled.learned = model
    print(f"== {label}: {len(rows)} messages")
    for rid in RULES:
        tp = fp = fn = tp2 = fp2 = fn2 = 0
        for r in rows:
            want = rid in r["violations"]
            alone = any(j.rule_id == rid for j in model.judge(base(r["text"]), frozenset(RULES)))
            got = any(
                f.rule_id == rid for f in classify(r["text"], load_pack(r["locale"])).findings
            )
            tp, fp, fn = tp + (alone and want), fp + (alone and not want), fn + (want and not alone)
            tp2, fp2, fn2 = tp2 + (got and want), fp2 + (got and not want), fn2 + (want and not got)

        def pr(a: int, b: int, c: int) -> str:
            return f"P {a / max(a + b, 1):.2f} R {a / max(a + c, 1):.2f}"

        print(f"  {rid:22s} model alone {pr(tp, fp, fn)}   classify {pr(tp2, fp2, fn2)}")


def cross_validate(rows: list[dict], k: int, threshold: float, prune: float) -> None:
    """k-fold: each message judged by ``classify`` with a model not trained on it."""
    from rules.learned import LearnedModel

    packs = {loc: load_pack(loc) for loc in ("nl-BE", "nl-NL", "en")}
    shipped = {loc: p.compiled.learned for loc, p in packs.items()}
    rule_ids = (*RULES, "saar.police_first")
    counts = {rid: [0, 0, 0] for rid in rule_ids}
    exact = 0
    try:
        for fold in range(k):
            model = LearnedModel(
                train([r for i, r in enumerate(rows) if i % k != fold], threshold), "fold"
            )
            for p in packs.values():
                p.compiled.learned = model
            for r in rows[fold::k]:
                got = {f.rule_id for f in classify(r["text"], packs[r["locale"]]).findings}
                exact += got == set(r["violations"])
                for rid in rule_ids:
                    want, has = rid in r["violations"], rid in got
                    c = counts[rid]
                    c[0] += want and has
                    c[1] += has and not want
                    c[2] += want and not has
    finally:
        for loc, p in packs.items():
            p.compiled.learned = shipped[loc]
    print(f"== {k}-fold cross-validation on the corpus ({len(rows)} messages), classify")
    for rid, (tp, fp, fn) in counts.items():
        print(f"  {rid:22s} P {tp / max(tp + fp, 1):.3f} R {tp / max(tp + fn, 1):.3f}")
    print(f"  exactly right: {exact}/{len(rows)}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "corpus.jsonl")
    ap.add_argument("--out", type=Path, default=ROOT / "rules" / "packs" / "learned.json")
    ap.add_argument("--holdout", type=Path, nargs="*", default=[])
    ap.add_argument("--threshold", type=float, default=THRESHOLD, help="logit to fire at")
    ap.add_argument("--prune", type=float, default=PRUNE, help="leave out smaller weights")
    ap.add_argument("--cv", type=int, default=0, help="also k-fold cross-validate (k >= 2)")
    args = ap.parse_args()
    rows = read(args.corpus)
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
