"""Gates are conservative: a regex whose gate is closed for a text never matches it."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest

from rules import Pack, classify, load_pack
from rules.gate import GateIndex, Rx, _Uncompiled
from rules.normalize import base, deobfuscate

CORPUS = Path(__file__).parent.parent / "data" / "corpus.jsonl"


@pytest.mark.parametrize(
    ("pattern", "text"),
    [
        # the age slot of nl-BE: "ca40" has no word start before "40"
        (
            r"(?:\b(?:begin|eind|midden|rond|ongeveer|ca|circa)|[±~]|\+/?-) ?(?:de )?"
            r"(?:\d0|twintig|dertig|veertig|vijftig|zestig)\b",
            "ca40 jaar",
        ),
        (r"(?:\b(?:nr|nummer)|\+/?-) ?\d+\b", "bij nr12"),
        (r"(?:\bdoor|\+/?-) ?geknipt\b", "slot doorgeknipt"),
    ],
)
def test_a_word_after_an_optional_space_is_no_word_start(pattern: str, text: str) -> None:
    rx = Rx(pattern)
    assert rx.rx.search(text)
    assert rx.gid in GateIndex([rx]).opened(text)


def _texts() -> list[str]:
    texts = [json.loads(line)["text"] for line in CORPUS.read_text("utf-8").splitlines()]
    rnd = random.Random(7)
    variants = []
    for t in texts:  # words glued together and split apart, as people type them
        w = t.split()
        if len(w) > 2:
            i = rnd.randrange(len(w) - 1)
            variants.append(" ".join([*w[:i], w[i] + w[i + 1], *w[i + 2 :]]))
            j = rnd.randrange(len(w))
            if len(w[j]) > 5:
                k = rnd.randrange(2, len(w[j]) - 2)
                variants.append(" ".join([*w[:j], w[j][:k], w[j][k:], *w[j + 1 :]]))
    return texts + variants


@pytest.mark.parametrize("locale", ["nl-BE", "en"])
def test_no_pack_regex_matches_where_its_gate_is_closed(locale: str) -> None:
    c = load_pack(locale).compiled
    # each regex, and each alternative of a split one
    rxs = [(x.gid, x.compiled()) for rx in c._all_rx() for x in (rx, *rx.alts)]
    wrong = []
    for text in _texts():
        t = base(text)
        for s in {t, deobfuscate(t, c.unmask)}:
            opened = c.index.opened(s)
            wrong += [(p.pattern[:60], s) for gid, p in rxs if gid not in opened and p.search(s)]
    assert wrong == []


def test_a_shared_word_boundary_is_only_factored_out_of_one_sequence() -> None:
    from rules.classify import _alt

    # "\bA|B": the boundary belongs to A only, so B still matches inside a word
    joined = re.compile(_alt([r"\bkat", r"\bhond|xyz"]))
    assert joined.search("abcxyz")
    assert joined.search("de kat") and not joined.search("dekat")


def test_pack_regexes_see_ascii_words(be: Pack) -> None:
    # ASCII mode (gate.FLAGS): a letter of another script glued to a word separates it,
    # for the regex and its gate alike
    assert "conduct.language" in classify("жkut, wat een weer", be).violations
    assert Rx(r"\bkut\b").rx.flags & re.ASCII


def _is_compiled(rx: Rx) -> bool:
    return not isinstance(rx.rx, _Uncompiled)


def test_regexes_are_compiled_on_first_use_only() -> None:
    """Loading a pack compiles none of its regexes (that took most of a second); a regex
    is compiled when it is first run, and then matches as the pattern says."""
    from rules.pack import load_pack_file

    pack = load_pack_file(Path(__file__).parents[2] / "rules" / "packs" / "nl-BE.toml")
    c = pack.compiled
    every = [x for rx in c._all_rx() for x in (rx, *rx.alts)]
    assert every and not any(map(_is_compiled, every))
    v = classify("Kerel in zwarte jas trekt aan alle autodeuren in de Kerkstraat", pack)
    assert v.is_report and "saar.police_first" in v.violations
    used = [x for x in every if _is_compiled(x)]
    assert used and len(used) < len(every)
    assert all(x.rx.pattern == x.tried for x in used)


def test_every_gated_regex_of_a_pack_is_in_its_gate_index(be: Pack) -> None:
    """``_all_rx`` lists the regexes by hand (compiled builds have no ``vars``); one
    missing there would have no gate in the index and never run."""
    c = be.compiled
    attrs: list[Rx] = []
    for value in vars(c).values():
        for item in value if isinstance(value, tuple) else (value,):
            attrs += [
                x for x in (item if isinstance(item, tuple) else (item,)) if isinstance(x, Rx)
            ]
    assert attrs and sorted(x.gid for x in c._all_rx()) == sorted(x.gid for x in attrs)
