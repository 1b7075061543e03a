"""Rewrite plain word alternations in a regex as order-preserving tries.

``(?:gebeld|gebelt|gemeld)`` becomes ``(?:ge(?:bel(?:d|t)|meld))``: ``re`` then rejects a
position after one character instead of trying every word.  Only groups whose
alternatives are all plain literals (letters, digits, space, apostrophe, hyphen) are
rewritten, and the rewrite keeps the leftmost-first order of ``re`` exactly: alternatives
that start with different characters can never match at the same position, so grouping
by first character changes nothing, and an empty alternative keeps its place.
"""

from __future__ import annotations

import re

_GROUP = re.compile(r"\(\?:([a-z0-9 '\-]+(?:\|[a-z0-9 '\-]+)+)\)")
_FLAGS = re.compile(r"\(\?[aiLmsux]")


def _code_positions(p: str) -> list[bool]:
    """For each index of ``p``: True if that character is regex syntax (not escaped and
    not inside a character class)."""
    code = [True] * len(p)
    i, n = 0, len(p)
    in_class = False
    while i < n:
        c = p[i]
        if c == "\\":
            code[i] = False
            if i + 1 < n:
                code[i + 1] = False
            i += 2
            continue
        if in_class:
            code[i] = False
            if c == "]":
                in_class = False
            i += 1
            continue
        if c == "[":
            code[i] = False
            in_class = True
            i += 1
            # a "]" right after "[" or "[^" is a literal member of the class
            if i < n and p[i] == "^":
                code[i] = False
                i += 1
            if i < n and p[i] == "]":
                code[i] = False
                i += 1
            continue
        i += 1
    return code


def _ordered_trie(words: list[str]) -> str:
    """An alternation equivalent to ``"|".join(words)`` under leftmost-first matching."""
    parts: list[str] = []
    segment: list[str] = []

    def flush() -> None:
        groups: dict[str, list[str]] = {}
        for w in segment:
            groups.setdefault(w[0], []).append(w[1:])
        for first, tails in groups.items():
            if len(tails) == 1:
                parts.append(first + tails[0])
            else:
                parts.append(first + "(?:" + _ordered_trie(tails) + ")")
        segment.clear()

    for w in words:
        if w:
            segment.append(w)
        else:  # an empty alternative is a barrier: everything keeps its order around it
            flush()
            parts.append("")
    flush()
    return "|".join(parts)


def retrie(pattern: str) -> str:
    """``pattern`` with its plain word alternations written as tries (same matches)."""
    if "(?:" not in pattern or _FLAGS.search(pattern):
        return pattern
    code = _code_positions(pattern)
    out: list[str] = []
    last = 0
    for m in _GROUP.finditer(pattern):
        if not code[m.start()]:
            continue
        words = m.group(1).split("|")
        out.append(pattern[last : m.start()])
        out.append("(?:" + _ordered_trie(words) + ")")
        last = m.end()
    if not out:
        return pattern
    out.append(pattern[last:])
    return "".join(out)
