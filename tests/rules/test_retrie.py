"""The trie rewrite of pack regexes must not change a single match."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rules._retrie import alternatives, retrie

PATTERNS = [
    r"\b(?:gebeld|gebelt|verwittigd|gemeld|melding gedaan|pol|politie|po)\b",
    r"(?:pol|politie|po)[a-z ]*x|(?:ab|a|abc)c",
    r"(?:jaar oud|tiener|tieners|bejaard\w*|bejaarde)\b",
    r"(?:a|\w+|ab)b|(?:x{1,2}|xy|x)z",
    r"(?<![\d])(?:1[ .\-/]?0[ .\-/]?1|1[ .\-/]?1[ .\-/]?2)(?![\d])",
    r"(?:\b(?:(?:po|pol)|(?:a(?:b|x)c)|(?:x{1,2}|xy)z)|(?:(?<!\d)1[ .]?1))",
]
ALPHABET = "abcdegijlmnoprstxyz 0129.-'"


def test_rewrites_word_alternations() -> None:
    assert retrie(r"\b(?:gebeld|gebelt|gemeld)\b") == r"\b(?:g(?:e(?:b(?:e(?:l(?:d|t)))|meld)))\b"
    assert retrie("(a|b)") == "(a|b)"  # capturing groups: left alone


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_same_matches(text: str) -> None:
    for p in PATTERNS:
        a = [m.span() for m in re.finditer(p, text)]
        b = [m.span() for m in re.finditer(retrie(p), text)]
        assert a == b, p


def test_alternatives_open_groups_and_share_the_word_boundary() -> None:
    assert alternatives(r"(?:\b(?:(?:a|b)|c\b)|(?:(?<!\d)1))") == [
        r"\ba",
        r"\bb",
        r"\bc\b",
        r"(?<!\d)1",
    ]
    assert alternatives(r"\b(?:foo|bar)\b") == [r"\b(?:foo|bar)\b"]
    assert alternatives("(a|b)") == ["(a|b)"]


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=40))
def test_alternatives_same_matches(text: str) -> None:
    for p in PATTERNS:
        a = [m.span() for m in re.finditer(p, text)]
        b = [m.span() for m in re.finditer("|".join(alternatives(p)), text)]
        assert a == b, p
