"""The labelled files the benchmarks and the learned model are built from: every row is
well-formed (tests/data/LABELLING.md), and the held-out pools share no text with the corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rules import LOCALES, RULE_IDS, SLOTS

DATA = Path(__file__).parent.parent / "data"
FILES = (
    "corpus.jsonl",
    "holdout_e.jsonl",
    "holdout_f.jsonl",
    "holdout_i.jsonl",
    "holdout_l.jsonl",
    "holdout_n.jsonl",
)
LABELS = set(RULE_IDS) - {"report.one_message", "report.duplicate", "report.photo_context"}


def rows(name: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in (DATA / name).read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("name", FILES)
def test_every_row_is_well_formed(name: str) -> None:
    for i, row in enumerate(rows(name), 1):
        where = f"{name}:{i}"
        assert isinstance(row["text"], str) and row["text"].strip(), where
        assert row.get("locale") in LOCALES, where
        violations = row["violations"]
        assert isinstance(violations, list) and violations == sorted(set(violations)), where
        assert set(violations) <= LABELS, where
        missing = row.get("missing", [])
        assert isinstance(missing, list) and set(missing) <= set(SLOTS), where


@pytest.mark.parametrize(
    ("name", "size"),
    [
        ("holdout_e.jsonl", 120),
        ("holdout_f.jsonl", 160),
        ("holdout_i.jsonl", 160),
        ("holdout_l.jsonl", 160),
        ("holdout_n.jsonl", 160),
    ],
)
def test_the_held_out_pools_are_not_in_the_corpus(name: str, size: int) -> None:
    corpus = {str(r["text"]) for r in rows("corpus.jsonl")}
    held_out = [str(r["text"]) for r in rows(name)]
    assert len(held_out) == size
    # a bare "👍" may well occur in both; a real message may not
    assert not {t for t in corpus.intersection(held_out) if len(t.split()) >= 4}
