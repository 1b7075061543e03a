"""Cheap pre-checks ("gates") that let a message skip a regex that cannot match.

For a compiled pattern we compute, once, the literal text every match must start with:
either a prefix of a word (for alternatives that start at ``\\b``) or a plain substring.
Per message we build the set of 1-3 letter prefixes of its words once; a regex whose
gate does not meet the message is not run at all.  The gate is conservative: when the
start of an alternative cannot be reduced to literals, the regex always runs.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as C
    import sre_parse

PREFIX = 3
_WORD = re.compile(r"\w+")
_MAX_CLASS = 12


def word_prefixes(text: str) -> set[str]:
    """The 1-3 character prefixes of every word of ``text``."""
    out: set[str] = set()
    for w in _WORD.findall(text):
        out.add(w[:1])
        out.add(w[:2])
        out.add(w[:3])
    return out


@dataclass(frozen=True)
class Gate:
    always: bool
    word: frozenset[str]
    sub: tuple[str, ...]

    def open(self, text: str, prefixes: set[str]) -> bool:
        if self.always or not self.word.isdisjoint(prefixes):
            return True
        return any(s in text for s in self.sub)


ALWAYS = Gate(True, frozenset(), ())


def _starts(items: list[Any], n: int, word: bool) -> set[str] | None:
    """Literal prefixes (at most ``n`` chars) of the sequence ``items``; None = unknown.

    An empty string in the result means "a match may start with anything here".
    """
    if n == 0 or not items:
        return {""}
    op, av = items[0]
    rest = items[1:]
    if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
        return _starts(rest, n, word)
    if op is C.SUBPATTERN:
        return _starts(list(av[-1]) + rest, n, word)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _starts(list(alt) + rest, n, word)
            if got is None:
                return None
            out |= got
        return out
    chars: list[str]
    if op is C.LITERAL:
        chars = [chr(av)]
    elif op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= _MAX_CLASS:
        chars = [chr(a) for _, a in av]
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, _hi, sub = av
        inner = _starts(list(sub), n, word)
        if inner is None:
            return None
        inner = {s[:1] for s in inner} if lo > 0 else inner | (_starts(rest, n, word) or {""})
        return {s for s in inner} if lo > 0 else inner
    else:
        return {""}
    out = set()
    for ch in chars:
        if word and not (ch.isalnum() or ch == "_"):
            out.add("")
            continue
        tails = _starts(rest, n - 1, word)
        if tails is None:
            return None
        out |= {ch + t for t in tails}
    return out


def _is_space(item: Any) -> bool:
    op, av = item
    if op is C.LITERAL:
        return bool(av == 32)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        body = list(av[2])
        return bool(body) and _is_space(body[-1])
    if op is C.SUBPATTERN:
        body = list(av[-1])
        return bool(body) and _is_space(body[-1])
    return op is C.AT and av is C.AT_BOUNDARY


def _score(prefixes: set[str]) -> tuple[int, int]:
    return (sum(len(p) < PREFIX for p in prefixes), len(prefixes))


def _anchor(items: list[Any], bounded: bool) -> set[str] | None:
    """The best set of word prefixes one of which every match of ``items`` contains."""
    # Descend into a lone group or alternation at the start.
    while len(items) == 1 and items[0][0] is C.SUBPATTERN:
        items = list(items[0][1][-1])
    if len(items) == 1 and items[0][0] is C.BRANCH:
        out: set[str] = set()
        for alt in items[0][1][1]:
            got = _anchor(list(alt), bounded)
            if got is None:
                return None
            out |= got
        return out
    if items and items[0][0] is C.AT and items[0][1] is C.AT_BOUNDARY:
        return _anchor(items[1:], True) if len(items) > 1 else None
    best: set[str] | None = None
    for i in range(len(items)):
        if not ((i == 0 and bounded) or (i > 0 and _is_space(items[i - 1]))):
            continue
        # "(?:word ){0,3}X": X is a word start only if what precedes the repeat is.
        if (
            i > 1
            and items[i - 1][0] in (C.MAX_REPEAT, C.MIN_REPEAT)
            and not _is_space(items[i - 2])
        ):
            continue
        if i == 0 or items[i][0] in (C.LITERAL, C.BRANCH, C.SUBPATTERN, C.IN):
            got = _starts(items[i:], PREFIX, word=True)
            if got is None or "" in got:
                continue
            if best is None or _score(got) < _score(best):
                best = got
    return best


def gate_for(pattern: re.Pattern[str]) -> Gate:
    """The gate of a compiled pattern (see module docstring)."""
    try:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
    except Exception:  # pragma: no cover - compiled already, so it parses
        return ALWAYS
    items: list[Any] = list(parsed.data)
    if len(items) == 1 and items[0][0] is C.BRANCH:
        alts = [list(a) for a in items[0][1][1]]
    else:
        alts = [items]
    word: set[str] = set()
    sub: set[str] = set()
    for alt in alts:
        got = _anchor(alt, False)
        if got is not None:
            word |= got
            continue
        first = _starts(alt, PREFIX, word=False)
        if first is None or "" in first:
            return ALWAYS
        sub |= first
    return Gate(False, frozenset(word), tuple(sorted(sub)))


class Rx:
    """A compiled regex with its gate; ``prefixes`` come from :func:`word_prefixes`."""

    __slots__ = ("gate", "rx")

    def __init__(self, rx: re.Pattern[str]) -> None:
        self.rx = rx
        self.gate = gate_for(rx)

    def search(
        self, text: str, prefixes: set[str], pos: int = 0, endpos: int = 1 << 62
    ) -> re.Match[str] | None:
        if not self.gate.open(text, prefixes):
            return None
        return self.rx.search(text, pos, endpos)

    def finditer(self, text: str, prefixes: set[str]) -> Iterator[re.Match[str]]:
        if not self.gate.open(text, prefixes):
            return iter(())
        return self.rx.finditer(text)
