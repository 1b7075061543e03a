"""Compile word lists into fast regular expressions.

Lexicon entries are plain words (never regexes).  They are normalised like messages,
expanded with spelling variants and folded into a character trie, so that a whole
list becomes one alternation that Python's ``re`` can reject at a position after
reading a single character.

Variants per word (all generated, none listed by hand):

* a doubled letter may be written single or double (``kloot`` ~ ``klot``), which
  together with the message normaliser (runs of 3+ letters become one) covers
  emphatic spelling (``kloooot``);
* for words of six or more letters, one single vowel between consonants may be
  left out (``kanker`` ~ ``knker``/``kankr``) — a common way to dodge filters.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from .normalize import normalise_word

VOWELS = frozenset("aeiouy")
# Endings that inflect or diminish a Dutch/English noun or adjective.  The last
# consonant may be doubled before a vowel ending (zak -> zakken).
SUFFIX = (
    r"(?:(?:[bdfgklmnprstz]?(?:en|e|er|ers|es|ie|ies|ing|ed|y)|s|'s|je|jes|tje|tjes|ke|kes)\b)?"
)


def deletion_variants(word: str, digraphs: bool = False) -> set[str]:
    """``word`` and its one-vowel deletions (see module docstring).  With ``digraphs`` a
    vowel next to another vowel may go too (``vrouw`` ~ ``vrow``), from five letters on."""
    out = {word}
    if len(word) < (5 if digraphs else 6):
        return out
    for i in range(1, len(word)):
        ch = word[i]
        if ch not in VOWELS:
            continue
        prev = word[i - 1]
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if not prev.isalpha() or (not digraphs and (prev in VOWELS or (nxt and nxt in VOWELS))):
            continue
        variant = word[:i] + word[i + 1 :]
        if len(re.sub(r"(.)\1", r"\1", variant)) >= 5:
            out.add(variant)
    return out


def _tokens(word: str) -> list[str]:
    """Split into regex atoms; a doubled letter becomes one ``xx?`` atom.

    (``xx?`` rather than ``x{1,2}`` so that every alternative starts with a literal and
    ``re`` can skip impossible start positions with its first-character set.)
    """
    toks: list[str] = []
    i = 0
    while i < len(word):
        ch = word[i]
        if i + 1 < len(word) and word[i + 1] == ch and ch.isalpha():
            toks.append(re.escape(ch) * 2 + "?")
            i += 2
        else:
            toks.append(re.escape(ch))
            i += 1
    return toks


def _trie_regex(seqs: Iterable[list[str]]) -> str:
    trie: dict[str, object] = {}
    end = ""
    for seq in seqs:
        node: dict[str, object] = trie
        for tok in seq:
            child = node.setdefault(tok, {})
            assert isinstance(child, dict)
            node = child
        node[end] = {}

    def emit(node: dict[str, object], top: bool = False) -> str:
        has_end = end in node
        branches = [k for k in node if k != end]
        if not branches:
            return ""
        parts: list[str] = []
        singles: list[str] = []
        for k in sorted(branches):
            child = node[k]
            assert isinstance(child, dict)
            sub = emit(child)
            if not top and not sub and end in child and len(k) == 1 and k.isalnum():
                singles.append(k)
            else:
                parts.append(k + sub)
        if singles:
            parts.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        body = parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"
        if has_end:
            body = "(?:" + body + ")?"
        return body

    return emit(trie, top=True)


def words_regex(words: Iterable[str], *, fuzzy: bool = True, digraphs: bool = False) -> str:
    """One regex alternation (no anchors) matching any of ``words`` and their variants."""
    return _words_regex(tuple(words), fuzzy, digraphs)


@lru_cache(maxsize=1024)
def _words_regex(words: tuple[str, ...], fuzzy: bool, digraphs: bool) -> str:
    seqs: list[list[str]] = []
    seen: set[str] = set()
    for w in words:
        nw = normalise_word(w)
        if not nw:
            continue
        for v in deletion_variants(nw, digraphs) if fuzzy else {nw}:
            if v not in seen:
                seen.add(v)
                seqs.append(_tokens(v))
    if not seqs:
        return r"(?!x)x"  # matches nothing
    return _trie_regex(seqs)
