"""Quality of the rule packs: precision/recall per rule on our labelled corpus, and
hit rates of ``conduct.language`` per functionality on Multilingual HateCheck (Dutch dev
split) and on two external word lists (evaluation only; nothing is copied into packs).

    python benchmarks/eval_rules.py [--corpus PATH] [--mhc PATH] [--verbose]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from rules import RULE_IDS, classify, load_pack  # noqa: E402

STATEFUL = ("report.one_message", "report.duplicate", "report.photo_context")
LANG = "conduct.language"


def _pr(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def eval_corpus(path: Path, verbose: bool) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    counts: dict[str, Counter[str]] = {rid: Counter() for rid in RULE_IDS}
    slot_tp = slot_fp = slot_fn = exact = n_missing = 0
    errors: list[str] = []
    for row in rows:
        pack = load_pack(row.get("locale", "nl-BE"))
        v = classify(row["text"], pack)
        got, want = set(v.violations), set(row["violations"])
        for rid in RULE_IDS:
            if rid in STATEFUL:
                continue
            key = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (rid in got, rid in want), "tn"
            )
            counts[rid][key] += 1
        if got != want:
            errors.append(f"  want {sorted(want)} got {sorted(got)}: {row['text']}")
        if "missing" in row:
            n_missing += 1
            got_m = set(v.hints[0].missing) if v.hints else set()
            want_m = set(row["missing"])
            slot_tp += len(got_m & want_m)
            slot_fp += len(got_m - want_m)
            slot_fn += len(want_m - got_m)
            exact += got_m == want_m
            if got_m != want_m and verbose:
                errors.append(f"  missing want {sorted(want_m)} got {sorted(got_m)}: {row['text']}")
    locales = Counter(r.get("locale", "nl-BE") for r in rows)
    path = path.resolve()
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(
        f"== Corpus {shown}: {len(rows)} messages "
        f"({', '.join(f'{k} {n}' for k, n in locales.items())})"
    )
    print(f"{'rule':26} {'support':>7} {'prec':>6} {'recall':>6} {'F1':>6}   tp  fp  fn")
    for rid in RULE_IDS:
        if rid in STATEFUL:
            print(f"{rid:26} {'-':>7}   (stateful: decided by the bot, not by the classifier)")
            continue
        c = counts[rid]
        p, r, f = _pr(c["tp"], c["fp"], c["fn"])
        print(
            f"{rid:26} {c['tp'] + c['fn']:7d} {p:6.3f} {r:6.3f} {f:6.3f} "
            f"{c['tp']:4d}{c['fp']:4d}{c['fn']:4d}"
        )
    if n_missing:
        p, r, f = _pr(slot_tp, slot_fp, slot_fn)
        print(
            f"{'signalement.missing':26} {n_missing:7d} {p:6.3f} {r:6.3f} {f:6.3f}   "
            f"(slot level; exact list {exact}/{n_missing})"
        )
    exact_all = len(rows) - len([e for e in errors if e.startswith("  want")])
    print(f"messages with exactly the right violations: {exact_all}/{len(rows)}")
    if verbose and errors:
        print("errors:")
        print("\n".join(errors))


# MHC functionality -> expected behaviour of conduct.language under our remap
# (shared/data/mhc-dutch/SOURCE.md): 1 = must fire, 0 = must not fire, None = either.
def _expected(func: str) -> int | None:
    if func.endswith("_h") or func == "profanity_nh":
        return 1
    if func in ("target_indiv_nh", "target_group_nh"):
        return None  # insult/hostility, not discrimination: either is acceptable
    return 0


def eval_mhc(path: Path, verbose: bool) -> None:
    if not path.is_file():
        print(f"== MHC: {path} not found, section skipped (use --mhc PATH)")
        return
    pack = load_pack("nl-BE")
    hits: dict[str, list[int]] = defaultdict(list)
    misses: dict[str, list[str]] = defaultdict(list)
    with path.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            func = row["functionality"]
            hit = LANG in classify(row["test_case"], pack).violations
            hits[func].append(int(hit))
            if _expected(func) is not None and hit != bool(_expected(func)):
                misses[func].append(row["test_case"])
    print(f"\n== MHC Dutch dev ({path.name}): hit rate of {LANG} per functionality")
    print(f"{'functionality':22} {'n':>4} {'hit rate':>8}  expected")
    for func in sorted(hits):
        xs = hits[func]
        exp = _expected(func)
        label = {1: "fire", 0: "no fire (FP rate)", None: "either"}[exp]
        print(f"{func:22} {len(xs):4d} {sum(xs) / len(xs):8.3f}  {label}")

    def rate(funcs: list[str]) -> tuple[float, int]:
        xs = [x for fn in funcs for x in hits.get(fn, [])]
        return (sum(xs) / len(xs) if xs else 0.0), len(xs)

    hateful = [fn for fn in hits if fn.endswith("_h")]
    spell = [fn for fn in hits if fn.startswith("spell_")]
    for label, funcs in (
        ("slur_h", ["slur_h"]),
        ("profanity_h + profanity_nh", ["profanity_h", "profanity_nh"]),
        ("spell_* (recall)", spell),
        ("all hateful (*_h)", hateful),
        ("FP ident_neutral+ident_pos", ["ident_neutral_nh", "ident_pos_nh"]),
        ("FP counter_* + negate_neg", ["counter_quote_nh", "counter_ref_nh", "negate_neg_nh"]),
        ("FP target_obj_nh", ["target_obj_nh"]),
    ):
        r, n = rate(funcs)
        print(f"  {label:32} {r:6.3f}  (n={n})")
    if verbose:
        for func, texts in sorted(misses.items()):
            print(f"  [{func}] wrong on {len(texts)}: " + " | ".join(texts[:6]))


def eval_lexicons(data: Path) -> None:
    pack = load_pack("nl-BE")
    lists: list[tuple[str, list[str]]] = []
    grof = data / "groflex" / "groflex.tsv"
    if grof.is_file():
        with grof.open(encoding="utf-8") as f:
            lists.append(
                (
                    "GrofLex (GPL, eval only)",
                    [r["lemma"] for r in csv.DictReader(f, delimiter="\t")],
                )
            )
    ld = data / "ldnoobw-nl" / "nl"
    if ld.is_file():
        lists.append(
            (
                "LDNOOBW nl (eval only)",
                [w.strip() for w in ld.read_text().splitlines() if w.strip()],
            )
        )
    if not lists:
        return
    print("\n== External word lists: share flagged by conduct.language (coverage, not a target)")
    for name, words in lists:
        bare = sum(LANG in classify(w, pack).violations for w in words)
        framed = sum(LANG in classify(f"jij bent een {w}!", pack).violations for w in words)
        print(
            f"  {name:26} n={len(words):4d}  bare word {bare / len(words):.3f}   "
            f"'jij bent een <w>!' {framed / len(words):.3f}"
        )


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", type=Path, default=ROOT / "tests" / "data" / "corpus.jsonl")
    ap.add_argument(
        "--mhc", type=Path, default=ROOT.parent / "shared" / "data" / "mhc-dutch" / "dev.csv"
    )
    ap.add_argument("--verbose", "-v", action="store_true")
    args = ap.parse_args()
    eval_corpus(args.corpus, args.verbose)
    eval_mhc(args.mhc, args.verbose)
    eval_lexicons(args.mhc.parent.parent)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
