"""Property tests: classify never raises, is deterministic, on any Unicode input."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rules import LOCALES, RULE_IDS, SLOTS, Verdict, classify, load_pack
from rules.gate import GateIndex, Rx

PACKS = [load_pack(loc) for loc in LOCALES]
# Mix arbitrary Unicode with the characters the rules care about.
alphabet = st.one_of(
    st.characters(),
    st.sampled_from([*"kut anker101 .,!?*@$0134-_\n\"'", "\u200b", "\u0430", "👍", "🖕"]),
)
texts = st.one_of(st.text(), st.text(alphabet=alphabet, max_size=200))


def check(v: Verdict) -> None:
    assert set(v.violations) <= set(RULE_IDS)
    assert list(v.violations) == sorted(set(v.violations))
    for f in v.findings:
        assert f.reason
    for h in v.hints:
        assert h.id == "signalement.missing"
        assert list(h.missing) == [s for s in SLOTS if s in h.missing]
        assert h.text
    if v.hints:
        assert v.is_report


@settings(max_examples=300, deadline=None)
@given(text=texts, media=st.booleans())
def test_never_raises_and_is_deterministic(text: str, media: bool) -> None:
    for pack in PACKS:
        first = classify(text, pack, has_media=media)
        check(first)
        assert classify(text, pack, has_media=media) == first


# Quotation marks are left out: a curse inside quotes is a mention and deliberately skipped.
noise = st.text(st.characters(blacklist_characters='"\u00ab\u00bb\u201c\u201d\u201e'), max_size=30)


@settings(max_examples=100, deadline=None)
@given(prefix=noise, suffix=noise)
def test_curse_found_among_noise(prefix: str, suffix: str) -> None:
    pack = PACKS[0]
    v = classify(f"{prefix} \n godverdomme \n {suffix}", pack)
    check(v)
    assert "conduct.language" in v.violations


# A split alternation (more than 12 alternatives, overlapping starts, one that matches the
# empty string): searching the open alternatives one by one finds what the whole does.
_SPLIT = "|".join(
    [
        r"\bfoo bar",
        r"\bfoo",
        "bar",
        r"\bba+z",
        r"qux?\b",
        "oba",
        r"\bzap(?= foo)",
        "ab",
        "ba",
        r"\bnee\b",
        "zo+",
        r"\bquux",
        "(?<=qu)x*",
    ]
)
_SPLIT_RX = Rx(_SPLIT)
_SPLIT_INDEX = GateIndex([_SPLIT_RX])
_pieces = st.sampled_from(["foo", "bar", "baaz", "qu", "qux", "ob", "zap", "nee", "zoo", "x", " "])


@settings(max_examples=300, deadline=None)
@given(text=st.lists(_pieces, max_size=12).map("".join), pos=st.integers(0, 5))
def test_open_alternatives_match_as_the_whole(text: str, pos: int) -> None:
    opened = _SPLIT_INDEX.opened(text)
    whole = re.compile(_SPLIT)
    got = _SPLIT_RX.search(text, opened, pos)
    want = whole.search(text, pos)
    assert (got and got.span()) == (want and want.span())
    spans = [m.span() for m in _SPLIT_RX.finditer(text, opened)]
    assert spans == [m.span() for m in whole.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.text(alphabet=st.sampled_from([*"ab ", "\f", "\v", "\n", "\t"]), max_size=40))
def test_runs_of_spaces_become_one_space(text: str) -> None:
    """base() collapses each run of spaces (and form feeds) to one space; its regex leaves
    lone spaces alone instead of replacing each with itself (the same string)."""
    from rules.normalize import _SPACE_RE

    assert _SPACE_RE.sub(" ", text) == re.sub(r"[ \f\v]+", " ", text)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from([*"aB ", "\f", "\v", "\n", "\t", "\r", "é", "\u2028"]))
)
def test_base_collapses_white_space_as_its_regexes_say(text: str) -> None:
    """base() skips its white-space regexes where they cannot match; the result is the
    same as running them always."""
    import unicodedata

    from rules.normalize import _NL_RE, _SPACE_RE, _TABLE, base

    if text.isascii() and not any(c in text for c in ("  ", "\t", "\r", "\n", "`")):
        expected = text.lower().strip()
    elif text.isascii():
        s = text.lower().replace("\t", " ").replace("\r", "\n").replace("`", "'")
        expected = _NL_RE.sub("\n", _SPACE_RE.sub(" ", s)).strip()
    else:
        s = unicodedata.normalize("NFKD", text).casefold().translate(_TABLE)
        s = unicodedata.normalize("NFC", s) if not s.isascii() else s
        expected = _NL_RE.sub("\n", _SPACE_RE.sub(" ", s)).strip()
    assert base(text) == expected
