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


def test_a_two_word_gate_opens_only_when_both_words_are_there() -> None:
    # common words alone ("het", "zijn") would open it for most messages
    rx = Rx(r"\bhet moet (?:hem|haar) (?:wel |gewoon )?zijn\b")
    assert rx.gate.word and rx.gate.also
    index = GateIndex([rx])
    assert rx.gid in index.opened("het moet hem wel zijn, die van de overkant")
    assert rx.gid not in index.opened("het is koud en het regent")
    assert rx.gid not in index.opened("ze zijn er niet, hem zag ik wel")


def test_an_alternative_with_a_two_word_gate_opens_the_regex_it_is_part_of() -> None:
    rx = Rx(r"\bhet moet (?:hem|haar) zijn\b|\bdie (?:gast|kerel) was het\b|\bkatten\b")
    (pair, other, cat) = rx.alts
    assert pair.gate.also and other.gate.also and not cat.gate.also
    index = GateIndex([rx])
    opened = index.opened("het moet haar zijn")
    assert {rx.gid, pair.gid} <= opened and other.gid not in opened
    assert rx.search("ja, het moet haar zijn", opened)
    # the first words of a pair alone open neither the alternative nor the regex
    opened = index.opened("het was een gast")
    assert rx.gid not in opened and not {pair.gid, other.gid} & opened
    assert rx.search("het was een gast", opened) is None
    opened = index.opened("twee katten")
    assert {rx.gid, cat.gid} <= opened and pair.gid not in opened


def test_the_second_words_of_two_word_gates_are_few() -> None:
    """Every set of second words costs the messages that have one a little (one more
    bit to set): a pack has a few hundred, not thousands."""
    from rules import gate

    c = load_pack("nl-BE").compiled
    two_word = [x for rx in c._all_rx() for x in (rx, *rx.alts) if x.gate.also]
    assert len(two_word) > 50  # the pack's phrase lists are full of common words
    assert len({x.gate.also for x in two_word}) <= len(gate._ALSO_IDS) < 2_000


@pytest.mark.parametrize(
    ("pattern", "opens", "stays_closed"),
    [
        # a street: the suffix is inside the word, after letters of any kind
        (r"\b[a-z\-]{3,}(?:straat|laan)\b", "in de sint-jansstraat", "in de kerk"),
        # a Belgian plate: all a match is sure to hold is its hyphens
        (
            r"\b(?=[a-z0-9-]*\d)[a-z0-9]{1,3}-[a-z0-9]{2,3}-[a-z0-9]{1,3}\b",
            "nummerplaat 1-abc-234",
            "nummerplaat 1abc234",
        ),
    ],
)
def test_a_regex_with_no_word_to_start_with_is_gated_on_a_string_inside_it(
    pattern: str, opens: str, stays_closed: str
) -> None:
    rx = Rx(pattern)
    assert not rx.gate.always and rx.gate.sub
    index = GateIndex([rx])
    assert rx.rx.search(opens) and rx.gid in index.opened(opens)
    assert rx.gid not in index.opened(stays_closed)


def test_no_regex_of_the_packs_runs_on_every_message() -> None:
    for locale in ("nl-BE", "nl-NL", "en"):
        c = load_pack(locale).compiled
        always = [x.tried[:60] for rx in c._all_rx() for x in (rx, *rx.alts) if x.gate.always]
        assert always == [], locale


def test_the_token_memo_of_an_index_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import rules.gate

    monkeypatch.setattr(rules.gate, "MEMO_MAX", 10)
    rx = Rx(r"\bkat\b")
    index = GateIndex([rx])
    for i in range(50):  # unique tokens, as numbers are
        assert rx.gid in index.opened(f"de kat van nummer {i}")
        assert len(index._memo) <= 10
    assert rx.gid not in index.opened("de hond van nummer 7")


def test_the_index_tells_which_steps_of_deobfuscate_a_message_needs() -> None:
    """GateIndex.scan or-s the tokens' needs (remembered per token): the same as
    deobfuscate works out for itself."""
    from rules.normalize import _needs

    c = load_pack("nl-BE").compiled
    texts = [*_texts(), "k u t", "k4nker", "k*t", "kuuuut", "k.u.t zeg", "a b", "1 2 3 4"]
    for text in texts:
        t = base(text)
        opened, needs, _ = c.index.scan(t)
        assert opened == c.index.opened(t)
        assert _needs(t, needs) == _needs(t), t
        assert deobfuscate(t, c.unmask, needs) == deobfuscate(t, c.unmask)
    assert any(c.index.scan(base(t))[1] for t in texts)


def test_a_regex_run_on_a_clause_is_gated_by_the_whole_message() -> None:
    """Negations are looked for in one clause of a message (``t[lo:hi]``), gated by what
    the whole message opened: a clause holds only whole words of the message."""
    from rules.classify import _clause

    c = load_pack("nl-BE").compiled
    rxs = [(x, x.compiled()) for rx in (c.not_called, c.hate_negation) for x in (rx, *rx.alts)]
    wrong = []
    for text in _texts():
        t = base(text)
        opened = c.index.opened(t)
        for start in range(0, len(t), 7):
            lo, hi = _clause(t, start, start)
            clause = t[lo:hi].strip()
            wrong += [
                (p.pattern[:40], clause) for x, p in rxs if x.gid not in opened and p.search(clause)
            ]
    assert wrong == []


def test_the_index_gives_the_learned_weights_of_a_message_in_order() -> None:
    """The words of a message for the learned model never span white space, so their
    weights are remembered per token with the gates: the same scores, the same findings."""
    c = load_pack("nl-BE").compiled
    for text in [*_texts()[:1500], "die van nr. 5,is de 'schuldige'", "", "  "]:
        t = base(text)
        _, _, weights = c.index.scan(t)
        assert c.learned.scores(t, weights) == c.learned.scores(t)
        wanted = frozenset(c.learned.rule_ids)
        assert c.learned.judge(t, wanted, weights) == c.learned.judge(t, wanted)
