"""Cheap pre-checks ("gates") that let a message skip a regex that cannot match.

For each compiled pattern we derive, once, from its parsed form a set of literal word
prefixes (up to 7 letters; anchors are chosen by their first 5) one of which every match
must contain: for each alternative the best-anchored word (preferring rare words to
"de"/"het"/"is"), or else the literal text the match starts with (checked as a
substring).  ``^`` counts as a word start, like a word boundary.  All gates of a pack form one index
(prefix -> regexes, and the substrings that start with a word character); per message, one
pass over its white-space separated tokens (each looked up once, then remembered) gives the
set of regexes worth running, and the others are not run at all.  Gates are conservative: when an alternative
cannot be reduced to literals, the regex always runs.

A regex of one sequence (an alternative of a split regex, mostly) may get a two-word gate
instead: two words from different places in it, both of which every match contains
("het moet hem zijn": "het" and "zijn" rather than "het" alone), when such a pair is
rarer than its best single word (by :func:`_share`).  Its rarer words open it as
candidate; the index keeps it open only if the message also has one of the other words.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
import warnings
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, TypeVar

from ._retrie import alternatives, retrie
from .analysis_cache import remembered
from .lexicon import _trie_regex
from .memo import MEMO_MAX

with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    import sre_constants as C
    import sre_parse

PREFIX = 5  # anchors are chosen by their prefixes of this many characters
LONG = 7  # and then given as prefixes of up to this many (fewer words open them)
# Pack regexes are matched in ASCII mode: \w, \b and \d see only [a-zA-Z0-9_] (a base
# form has no accents left; a letter of another script glued to a word separates it, as
# in "жkut").  About 7 % fewer instructions per message than Unicode word tests.  Words
# for the gates are cut the same way.
FLAGS = re.ASCII
_WORD = re.compile(r"\w+", FLAGS)
_WORD_HEAD = re.compile(r"\w*", FLAGS)
_MAX_CLASS = 12
_MIN_SPLIT = 3  # alternatives worth keeping apart
# Open alternatives are searched one by one (Rx.search) when there are at most this many
# of a regex with at least this many alternatives; otherwise the whole regex is faster.
# Chosen by instructions per message (benchmarks/bench_instructions.py, session 5, the
# packs of pools k and m): 3/12 591.9k, 5/6 545.0k, 6/2 548.1k, 6/6 540.4k, 6/20 573.3k,
# 8/4 545.5k, 8/12 543.7k, 16/12 548.9k.
_MERGE_OPEN = 6
_MERGE_ALTS = 6


# Very frequent words (Dutch, English): an anchor that is a prefix of one of these opens for
# almost every message, so anchors elsewhere in the pattern are preferred.
_COMMON_TEXT = """
de het een en van ik je jij u dat die dit deze in is niet op te zijn met voor er maar ook als
aan om bij of hij zij ze we wij was waren heb hebt heeft hebben had naar wat nog al dan uit kan
kunnen moet moeten zo wel door nu geen over tot mijn ons onze hun hem haar wordt werd worden
daar hier wie waar hoe goed even weer meer heel veel iemand iets alle allemaal man vrouw
politie gebeld straat auto huis buren gaat ga gaan komt kom zag gezien net nr nummer richting
ben bent zal zullen wil willen mag laat we men ja nee toch echt gewoon weet zie kijk kijken
the a an and of to in is it you that he she was for on are with as i his they be at one have
this from or had by not but what all were we when your can there do how if will up out them
so some her would him has no my than been who its now did get come may just police called
"""
_COMMON_WORDS = _COMMON_TEXT.split()
COMMON_PREFIXES = frozenset(w[:k] for w in _COMMON_WORDS for k in range(1, PREFIX + 1))


Clause = tuple[frozenset[str], frozenset[str]]


@dataclass(frozen=True)
class Gate:
    """Open for a text when ``always``, or when the text has a word that starts with one
    of ``word`` or contains one of ``sub`` -- and, if ``also`` is not empty, has a word
    that starts with one of ``also`` as well."""

    always: bool
    word: frozenset[str]
    sub: tuple[str, ...]
    also: frozenset[str] = frozenset()


ALWAYS = Gate(True, frozenset(), ())


# Memos of the analysis functions below for one gate_of call, keyed by the identity of the
# parsed items (they stay alive, and unchanged, while gate_of runs; cleared after every
# call) and the other arguments: an alternation followed by more items is analysed once
# per alternative, each time with the same items after it.
_MEMOS: list[dict[tuple[Any, ...], Any]] = []
_R = TypeVar("_R")


def _per_call_memo(fn: Callable[..., _R]) -> Callable[..., _R]:
    memo: dict[tuple[Any, ...], _R] = {}
    _MEMOS.append(memo)

    @functools.wraps(fn)
    def memoised(items: list[Any], *args: Any) -> _R:
        key = (tuple(map(id, items)), *args)
        try:
            return memo[key]
        except KeyError:
            got = memo[key] = fn(items, *args)
            return got

    return memoised


def _starts(items: list[Any], n: int, word: bool) -> frozenset[str] | None:
    """Literal prefixes (at most ``n`` chars) of the sequence ``items``; None = unknown.

    An empty string in the result means "a match may start with anything here".
    """
    if n == 0 or not items:
        return _ANY
    return _starts_nonempty(items, n, word)


_ANY = frozenset({""})


@_per_call_memo
def _starts_nonempty(items: list[Any], n: int, word: bool) -> frozenset[str] | None:
    op, av = items[0]
    if op is C.LITERAL:
        # A run of (word) characters is taken at once: the same as one by one, with
        # fewer calls (a cold load analyses a few hundred patterns).
        k = 0
        while k < n and k < len(items) and items[k][0] is C.LITERAL:
            ch = chr(items[k][1])
            if word and not (ch.isalnum() or ch == "_"):
                break
            k += 1
        if k > 1:
            head = "".join(chr(code) for _, code in items[:k])
            after = _starts(items[k:], n - k, word)
            return None if after is None else frozenset(head + t for t in after)
    rest = items[1:]
    if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
        return _starts(rest, n, word)
    if op is C.SUBPATTERN:
        return _starts(av[-1].data + rest, n, word)
    if op is C.BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            got = _starts(alt.data + rest, n, word)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    chars: list[str]
    if op is C.LITERAL:
        chars = [chr(av)]
    elif op is C.IN and av == [(C.CATEGORY, C.CATEGORY_DIGIT)]:
        chars = list("0123456789")
    elif op is C.IN and all(o is C.LITERAL for o, _ in av) and len(av) <= _MAX_CLASS:
        chars = [chr(a) for _, a in av]
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
        lo, hi, sub = av
        if hi == 1:  # optional: with or without it
            once = _starts(sub.data + rest, n, word)
            skip = _starts(rest, n, word) if lo == 0 else frozenset()
            return None if once is None or skip is None else once | skip
        inner = _starts(sub.data, n, word)
        if inner is None:
            return None
        if lo > 0:
            return frozenset({s[:1] for s in inner})
        after = _starts(rest, n, word)
        return None if after is None else frozenset({s[:1] for s in inner}) | after
    else:
        return _ANY
    out = set()
    tails: frozenset[str] | None = None
    for ch in chars:
        if word and not (ch.isalnum() or ch == "_"):
            out.add("")
            continue
        if tails is None:  # the same for every character: computed once
            tails = _starts(rest, n - 1, word)
            if tails is None:
                return None
        out |= {ch + t for t in tails}
    return frozenset(out)


def _is_space(item: Any) -> bool:
    """True if ``item`` always ends in a space or at a word boundary (a word can start
    after it).  An optional item (`` ?``, ``(?:de )?``) is not: it may match nothing;
    see :func:`_word_start`."""
    op, av = item
    if op is C.LITERAL:
        return bool(av == 32)
    if op is C.IN:
        return bool(av) and all(
            (o is C.CATEGORY and a is C.CATEGORY_SPACE) or (o is C.LITERAL and a == 32)
            for o, a in av
        )
    if op in (C.MAX_REPEAT, C.MIN_REPEAT):
        return av[0] >= 1 and _ends_in_space(av[2].data)
    if op is C.SUBPATTERN:
        return _ends_in_space(av[-1].data)
    if op is C.BRANCH:  # "(?:een |ne |nen )": every alternative ends in a space
        return all(_ends_in_space(alt.data) for alt in av[1])
    return op is C.AT and av is C.AT_BOUNDARY


def _ends_in_space(body: Any) -> bool:
    return bool(body) and _is_space(body[-1])


def _word_start(items: list[Any], i: int, bounded: bool) -> bool:
    """True if a word character at ``items[i]`` always starts a word.

    ``bounded``: the start of ``items`` is a word start.  An optional separator before it
    (``ca ?40``, ``(?:word ){0,3}X``) counts only if what comes before that is a word start
    too, since the separator may match nothing ("ca40").
    """
    while i > 0:
        prev = items[i - 1]
        if prev[0] in (C.MAX_REPEAT, C.MIN_REPEAT) and prev[1][0] == 0:
            if not _ends_in_space(prev[1][2].data):
                return False
            i -= 1
            continue
        return _is_space(prev)
    return bounded


# Positions after which a word character starts a word: a word boundary, and the start of
# the text or of a line (``^``, ``\A``).
_WORD_START_AT = (C.AT_BOUNDARY, C.AT_BEGINNING, C.AT_BEGINNING_STRING, C.AT_BEGINNING_LINE)


def _share(prefixes: frozenset[str]) -> float:
    """A rough share of messages with a word starting with one of ``prefixes`` (common
    words often, short prefixes now and then, the others rarely): to choose anchors."""
    return min(
        1.0,
        sum(0.3 if p in COMMON_PREFIXES else 0.05 if len(p) < PREFIX else 0.01 for p in prefixes),
    )


def _score(prefixes: frozenset[str]) -> tuple[int, int, int]:
    common = sum(p in COMMON_PREFIXES for p in prefixes)
    return (common, sum(len(p) < PREFIX for p in prefixes), len(prefixes))


def _unwrapped(items: list[Any]) -> list[Any]:
    """``items`` with a lone group around them opened (``(?:(?:a b))`` -> ``a b``)."""
    while len(items) == 1 and items[0][0] is C.SUBPATTERN:
        items = items[0][1][-1].data
    return items


_ANCHOR_OPS = (C.LITERAL, C.BRANCH, C.SUBPATTERN, C.IN)


def _anchor_starts(items: list[Any], bounded: bool) -> list[int]:
    """The places in ``items`` where an anchor may start: word starts that begin with a
    literal, an alternation, a group or a class (or the very first item)."""
    return [
        i
        for i in range(len(items))
        if _word_start(items, i, bounded) and (i == 0 or items[i][0] in _ANCHOR_OPS)
    ]


@_per_call_memo
def _anchor(items: list[Any], bounded: bool, n: int = PREFIX) -> frozenset[str] | None:
    """The best set of word prefixes one of which every match of ``items`` contains.

    Anchors are chosen by their prefixes of ``PREFIX`` characters; the chosen ones are
    then given as prefixes of up to ``n`` characters (when they can be).
    """
    # Descend into a lone group or alternation at the start.
    items = _unwrapped(items)
    if len(items) == 1 and items[0][0] is C.BRANCH:
        out: set[str] = set()
        for alt in items[0][1][1]:
            got = _anchor(alt.data, bounded, n)
            if got is None:
                return None
            out |= got
        return frozenset(out)
    if items and items[0][0] is C.AT and items[0][1] in _WORD_START_AT:
        return _anchor(items[1:], True, n) if len(items) > 1 else None
    best: frozenset[str] | None = None
    best_i = 0
    for i in _anchor_starts(items, bounded):
        got = _distributed(items[i:], PREFIX)
        if got is None:
            continue
        if best is None or _score(got) < _score(best):
            best, best_i = got, i
    if best is not None and n != PREFIX:
        return _distributed(items[best_i:], n) or best
    return best


def _pair(items: list[Any], bounded: bool, n: int) -> Clause | None:
    """Two sets of word prefixes, a match of ``items`` has a word starting with one of
    each, that are together rarer than the best single anchor (:func:`_anchor`); the
    rarer set first.  ``None`` if there are none.

    Two words of different places in the pattern ("het moet hem zijn": "het" and "zijn")
    are far less often both in a message than the better of them alone.
    """
    items = _unwrapped(items)
    if items and items[0][0] is C.AT and items[0][1] in _WORD_START_AT:
        items, bounded = items[1:], True
    single = _anchor(items, bounded)
    if single is None:
        return None
    cost = _share(single)
    starts = _anchor_starts(items, bounded)
    best: tuple[int, int, bool] | None = None
    for a, i in enumerate(starts):
        for j in starts[a + 1 :]:
            head = _distributed(items[i:j])
            if head is None:
                continue
            tail = _distributed(items[j:])
            # (second words cost a message little, one bit per token: even common ones
            # pay, as long as the pair is rarer than the best single word)
            if tail is not None and _share(head) * _share(tail) < cost:
                best, cost = (i, j, _share(tail) < _share(head)), _share(head) * _share(tail)
    if best is None:
        return None
    i, j, tail_first = best
    head, tail = _distributed(items[i:j], n), _distributed(items[j:], n)
    if head is None or tail is None:  # pragma: no cover - as with PREFIX characters
        return None
    return (tail, head) if tail_first else (head, tail)


def _long(items: list[Any], short: frozenset[str], n: int) -> frozenset[str]:
    """The prefixes of up to ``n`` characters of ``items`` (a word start), if they are
    known, else ``short``, its prefixes of up to ``PREFIX`` characters."""
    if n == PREFIX:
        return short
    got = _starts(items, n, True)
    return short if got is None or "" in got or not got else got


@_per_call_memo
def _distributed(items: list[Any], n: int = PREFIX) -> frozenset[str] | None:
    """Word prefixes for ``items`` starting at a word start; an alternation at the start
    lets each alternative choose its own best anchor."""
    direct = _starts(items, PREFIX, True)
    if direct is not None and "" not in direct and not (direct & COMMON_PREFIXES):
        # already a good anchor: no need to look further (and much faster)
        return _long(items, direct, n)
    head = items[0]
    if head[0] is C.SUBPATTERN:
        return _distributed(head[1][-1].data + items[1:], n)
    if head[0] is C.BRANCH:
        out: set[str] = set()
        for alt in head[1][1]:
            got = _anchor(alt.data + items[1:], True, n) if alt else None
            if got is None:
                return None
            out |= got
        return frozenset(out)
    return None if direct is None or "" in direct else _long(items, direct, n)


def gate_of(source: str, flags: int) -> Gate:
    """The gate of the regex ``source`` (compiled with ``flags``)."""
    try:
        parsed = sre_parse.parse(source, flags)
    except Exception:  # pragma: no cover - compiled already, so it parses
        return ALWAYS
    try:
        return _gate_for(parsed)
    finally:
        for memo in _MEMOS:
            memo.clear()


def _is_gate(value: object) -> bool:
    return (
        isinstance(value, tuple)
        and len(value) == 4
        and isinstance(value[0], bool)
        and isinstance(value[1], frozenset)
        and isinstance(value[2], tuple)
        and isinstance(value[3], frozenset)
    )


def _is_str(value: object) -> bool:
    return isinstance(value, str)


def _is_str_tuple(value: object) -> bool:
    return isinstance(value, tuple) and all(isinstance(v, str) for v in value)


def trie_form(source: str) -> str:
    """``retrie(source)``, remembered between runs."""
    return remembered("trie", source, lambda: retrie(source), _is_str)


def analysed(
    source: str, flags: int, split: bool, min_split: int = _MIN_SPLIT
) -> tuple[str, tuple[str, ...], Gate]:
    """(trie form, alternatives, gate) of a pattern, remembered between runs
    (:mod:`rules.analysis_cache`).  The gate is only worked out for a pattern that is
    not split into alternatives (those get their own)."""
    tried = trie_form(source)
    parts: tuple[str, ...] = ()
    if split:
        parts = remembered("alts", source, lambda: tuple(alternatives(source)), _is_str_tuple)
    if len(parts) >= min_split:
        return tried, parts, ALWAYS
    always, word, sub, also = remembered(
        "gate",
        f"{flags}\0{source}",
        lambda: dataclasses.astuple(gate_of(source, flags)),
        _is_gate,
    )
    return tried, (), Gate(always, word, sub, also)


def _infix(items: list[Any]) -> frozenset[str] | None:
    """Literal strings one of which every match of ``items`` contains, not at its start
    (``[a-z-]{3,}(?:straat|laan)``: "straa", "laan"; a plate's "-"), or None.  Strings
    that start with a word character are looked for within the tokens of a message,
    which is remembered per token; the others in the whole text, so those come last."""
    items = _unwrapped(items)
    best: frozenset[str] | None = None
    best_key: tuple[bool, int, int] | None = None
    for i in range(1, len(items)):
        got = _starts(items[i:], PREFIX, False)
        if got is None or "" in got:
            continue
        key = (any(not _word_head(g) for g in got), -min(map(len, got)), len(got))
        if best_key is None or key < best_key:
            best, best_key = got, key
    return best


def _gate_for(parsed: Any) -> Gate:
    items: list[Any] = list(parsed.data)
    if len(items) == 1 and items[0][0] is C.BRANCH:
        alts = [a.data for a in items[0][1][1]]
    else:
        alts = [items]
    word: set[str] = set()
    sub: set[str] = set()
    for alt in alts:
        got = _anchor(alt, False, LONG)
        if got is not None:
            word |= got
            continue
        first = _starts(alt, PREFIX, False)
        if first is None or "" in first:
            first = _infix(alt)
            if first is None:
                return ALWAYS
        sub |= first
    if len(alts) == 1 and not sub:  # one sequence: two of its words, if that is better
        pair = _pair(alts[0], False, LONG)
        if pair is not None:
            return Gate(False, pair[0], (), pair[1])
    return Gate(False, frozenset(word), tuple(sorted(sub)))


_IDS = itertools.count()
_END = 1 << 62  # "to the end of the text", as pos/endpos of a search


class Rx:
    """A compiled regex with its gate and a number; see :class:`GateIndex`.

    Its gate is open for a text exactly when its number is in the set
    :meth:`GateIndex.opened` gives for that text.  A regex given as a string that is an
    alternation keeps its alternatives too, each with its own gate: only the open ones
    can match a text, and they are run alone (less to try at every position than the
    whole alternation).
    """

    __slots__ = (
        "also_id",
        "alt_ids",
        "alt_rx",
        "alts",
        "by_gid",
        "flags",
        "gate",
        "gid",
        "heads",
        "rx",
        "sub_re",
        "tried",
    )
    gate: Gate
    gid: int
    rx: re.Pattern[str] | _Uncompiled
    alts: tuple[Rx, ...]

    def __init__(
        self, rx: re.Pattern[str] | str, *, split: bool = True, min_split: int = _MIN_SPLIT
    ) -> None:
        # Matched with its word alternations written as tries (same matches, faster); the
        # gate is derived from the pattern as written.
        source = rx if isinstance(rx, str) else rx.pattern
        flags = 0 if isinstance(rx, str) else rx.flags
        tried, parts, gate = analysed(source, flags, split and isinstance(rx, str), min_split)
        self.tried = tried  # the trie form
        self.flags = (flags & ~re.UNICODE) | FLAGS
        # ``rx`` is compiled on its first use (see :class:`_Uncompiled`): many regexes,
        # alternatives above all, are never run on a given text, and compiling them all
        # made loading a pack take most of a second
        self.rx = _Uncompiled(self)
        self.alts = tuple(Rx(part, split=False) for part in parts)
        self.by_gid = {alt.gid: alt for alt in self.alts}
        self.alt_ids = frozenset(self.by_gid)
        # gid -> compiled alternative, filled on first use: one dict lookup per search
        self.alt_rx: dict[int, re.Pattern[str]] = {}
        if self.alts:  # open when one of its alternatives is
            # (those with a two-word gate open it themselves: GateIndex.opened)
            self.gate = Gate(
                any(alt.gate.always for alt in self.alts),
                frozenset().union(*(alt.gate.word for alt in self.alts if not alt.gate.also)),
                tuple(sorted(set().union(*(alt.gate.sub for alt in self.alts)))),
            )
        else:
            self.gate = gate
        self.gid = next(_IDS)
        # a two-word gate (Gate.also): the number its second words open (GateIndex)
        self.also_id = _also_id(self.gate.also) if self.gate.also else 0
        # The strings of a substring gate that start with a word character are looked for
        # word by word: a match contains the word characters its string starts with, and
        # those lie inside one word (and words repeat: that is remembered).  The others
        # ("+/-", "~") are looked for in the whole text.  Either way as a trie, "ab|ac" ->
        # "a[bc]": re scans that much faster.
        head_of = {s: _word_head(s) for s in self.gate.sub}
        self.heads = sorted({h for h in head_of.values() if h})
        rest = sorted(s for s, h in head_of.items() if not h)
        self.sub_re = _trie_re(rest) if rest else None

    def search(
        self, text: str, opened: AbstractSet[int], pos: int = 0, endpos: int = _END
    ) -> re.Match[str] | None:
        """``rx.search`` if the gate is open for ``text`` (``opened`` from the index).

        With several alternatives open, each is searched alone and the leftmost match
        wins (on a tie the earlier alternative, as in the alternation): the closed ones
        cannot match this text, and a few small regexes scan faster than the whole.
        """
        if self.gid not in opened:
            return None
        if not self.alt_ids:
            return self.rx.search(text, pos, endpos)
        open_alts = self.alt_ids.intersection(opened)
        if len(open_alts) == 1:
            (only,) = open_alts
            return (self.alt_rx.get(only) or self._alt_rx(only)).search(text, pos, endpos)
        if len(open_alts) > _MERGE_OPEN or len(self.alt_ids) < _MERGE_ALTS:
            return self.rx.search(text, pos, endpos)
        best: re.Match[str] | None = None
        for gid in sorted(open_alts):  # numbered in their order
            m = (self.alt_rx.get(gid) or self._alt_rx(gid)).search(text, pos, endpos)
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        return best

    def finditer(self, text: str, opened: AbstractSet[int]) -> Iterator[re.Match[str]]:
        """``rx.finditer`` if the gate is open for ``text``: the matches of
        :meth:`search`, each from where the one before it ended."""
        if self.gid not in opened:
            return _EMPTY_ITER
        if not self.alt_ids:
            return self.rx.finditer(text)
        open_alts = self.alt_ids.intersection(opened)
        if len(open_alts) == 1:
            (only,) = open_alts
            return (self.alt_rx.get(only) or self._alt_rx(only)).finditer(text)
        if len(open_alts) > _MERGE_OPEN or len(self.alt_ids) < _MERGE_ALTS:
            return self.rx.finditer(text)
        return self._finditer_alts(text, opened)

    def compiled(self) -> re.Pattern[str]:
        """The compiled regex (compiled now if it never was)."""
        rx = self.rx
        return rx.compile() if isinstance(rx, _Uncompiled) else rx

    def _alt_rx(self, gid: int) -> re.Pattern[str]:
        """The compiled alternative numbered ``gid`` (compiled now if it never was)."""
        self.alt_rx[gid] = rx = self.by_gid[gid].compiled()
        return rx

    def _finditer_alts(self, text: str, opened: AbstractSet[int]) -> Iterator[re.Match[str]]:
        pos = 0
        while (m := self.search(text, opened, pos)) is not None:
            if m.end() == m.start():
                # after an empty match ``re`` must move on: left to the whole regex,
                # which from here matches the same
                yield from self.rx.finditer(text, m.start())
                return
            yield m
            pos = m.end()


_ALSO_IDS: dict[frozenset[str], int] = {}


def _also_id(prefixes: frozenset[str]) -> int:
    """The number opened by a word with one of ``prefixes``, the second words of a
    two-word gate (negative: apart from the regexes' own; one per set of prefixes)."""
    got = _ALSO_IDS.get(prefixes)
    if got is None:
        got = _ALSO_IDS[prefixes] = -1 - len(_ALSO_IDS)
    return got


def _bit(also_id: int) -> int:
    """The bit of second words numbered ``also_id`` in TokenOpens.bits."""
    return 1 << (-1 - also_id)


class _Uncompiled:
    """Stands in for the regex of an :class:`Rx` until its first use, which compiles it
    and puts it in the Rx's place: from then on a search costs nothing extra.  (A plain
    attribute rather than a property or ``__getattr__``: the same in compiled builds.)"""

    __slots__ = ("owner",)

    def __init__(self, owner: Rx) -> None:
        self.owner = owner

    @property
    def pattern(self) -> str:
        return self.owner.tried

    @property
    def flags(self) -> int:
        return self.owner.flags

    def compile(self) -> re.Pattern[str]:
        owner = self.owner
        owner.rx = rx = re.compile(owner.tried, owner.flags)
        return rx

    def search(self, text: str, pos: int = 0, endpos: int = _END) -> re.Match[str] | None:
        return self.compile().search(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = _END) -> Iterator[re.Match[str]]:
        return self.compile().finditer(text, pos, endpos)


def _word_head(s: str) -> str:
    """The word characters ``s`` starts with."""
    m = _WORD_HEAD.match(s)
    return m.group(0) if m else ""


def _trie_re(strings: list[str]) -> re.Pattern[str]:
    return re.compile(_trie_regex([[re.escape(ch) for ch in s] for s in strings]))


_EMPTY_ITER: Iterator[re.Match[str]] = iter(())
_FEW_HEADS = 3  # substring gates of up to this many heads are tested with ``in``


class _Candidate:
    """A regex with a two-word gate (``gid``), opened by one of its first words: it is
    opened, with the regex it is part of (``top``), when the message has one of its
    second words too (``bit``: their bit)."""

    __slots__ = ("bit", "gid", "top")

    def __init__(self, gid: int, bit: int, top: int) -> None:
        self.gid = gid
        self.bit = bit
        self.top = top


class TokenOpens:
    """What one token opens: regexes (``ids``), two-word candidates, and second words of
    two-word gates (one bit per set of them); and its ``flags`` and ``extra`` (GateIndex)."""

    __slots__ = ("bits", "candidates", "extra", "flags", "ids")

    def __init__(
        self,
        ids: tuple[int, ...],
        candidates: tuple[_Candidate, ...],
        bits: int,
        flags: int,
        extra: tuple[Any, ...] = (),
    ) -> None:
        self.ids = ids
        self.candidates = candidates
        self.bits = bits
        self.flags = flags
        self.extra = extra


class GateIndex:
    """All gates of a pack in one dictionary: word prefix -> regexes it opens.

    Per message, one pass over its words gives the set of regexes worth running.
    """

    def __init__(
        self,
        rxs: Iterable[Rx],
        token_flags: Callable[[str], int] | None = None,
        token_extra: Callable[[str], tuple[Any, ...]] | None = None,
    ) -> None:
        """``token_flags``: a function of a token whose results :meth:`scan` or-s together
        for a text; ``token_extra``: one whose results it joins, in the order of the
        tokens (both remembered with the rest, so a message pays one lookup per token)."""
        self.token_flags = token_flags
        self.token_extra = token_extra
        tops = list(rxs)
        rxs = [x for rx in tops for x in (rx, *rx.alts)]
        by_prefix: dict[str, list[int]] = {}
        self.always: frozenset[int] = frozenset(rx.gid for rx in rxs if rx.gate.always)
        for rx in rxs:
            for p in rx.gate.word:
                by_prefix.setdefault(p, []).append(rx.gid)
        # The second words of two-word gates: one number per set of prefixes (Rx.also_id),
        # one bit in TokenOpens.bits.
        self.candidate: dict[int, _Candidate] = {}
        for top in tops:
            for rx in (top, *top.alts):
                if rx.gate.also:
                    for p in rx.gate.also:
                        by_prefix.setdefault(p, []).append(rx.also_id)
                    self.candidate[rx.gid] = _Candidate(rx.gid, _bit(rx.also_id), top.gid)
        # prefix -> what it opens, sorted out once (regexes, candidates, second-word bits)
        self.by_prefix: dict[str, TokenOpens] = {
            p: self._sorted_out(ids) for p, ids in by_prefix.items()
        }
        # regexes with the same heads share one test; a few heads are looked for with
        # ``in`` (a substring search in C), more with their trie regex
        by_heads: dict[tuple[str, ...], list[int]] = {}
        for rx in rxs:
            if rx.heads:
                by_heads.setdefault(tuple(rx.heads), []).append(rx.gid)
        self.word_subs = tuple(
            (tuple(gids), heads, _trie_re(list(heads)) if len(heads) > _FEW_HEADS else None)
            for heads, gids in by_heads.items()
        )
        # A token none of whose words holds any of their heads (most of them) is not
        # tried on each of them.
        heads = {h for rx in rxs for h in rx.heads}
        self.any_word_sub = _trie_re(sorted(heads)) if heads else None
        # regexes with the same strings (an alternative and its parent) share one search
        # (and is only run when the text has one of the characters they start with: a
        # test of ``in`` on a string is many times faster than a search)
        by_pattern: dict[str, tuple[re.Pattern[str], list[int], str]] = {}
        for rx in rxs:
            if rx.sub_re is not None:
                firsts = "".join(sorted({s[0] for s in rx.gate.sub if not _word_head(s)}))
                by_pattern.setdefault(rx.sub_re.pattern, (rx.sub_re, [], firsts))[1].append(rx.gid)
        self.text_subs = tuple(
            (tuple(ids), sub, firsts) for sub, ids, firsts in by_pattern.values()
        )
        # token -> what its words open; tokens repeat a lot, so this is mostly one
        # lookup.  Tokens are split at white space, which no word contains.
        self._memo: dict[str, TokenOpens] = {}

    def _opens(self, token: str) -> TokenOpens:
        """What ``token`` opens, worked out and remembered."""
        memo = self._memo
        if len(memo) >= MEMO_MAX:  # unique tokens (numbers, names) must not pile up
            memo.clear()
        regexes: list[int] = []
        candidates: list[_Candidate] = []
        bits = 0
        by_prefix = self.by_prefix
        for word in _WORD.findall(token):
            for k in range(1, min(len(word), LONG) + 1):
                found = by_prefix.get(word[:k])
                if found is not None:
                    regexes.extend(found.ids)
                    candidates.extend(found.candidates)
                    bits |= found.bits
        if self.any_word_sub is not None and self.any_word_sub.search(token):
            for gids, heads, sub in self.word_subs:
                if sub is not None:
                    if sub.search(token):
                        regexes.extend(gids)
                else:
                    for head in heads:
                        if head in token:
                            regexes.extend(gids)
                            break
        flags = self.token_flags(token) if self.token_flags is not None else 0
        extra = self.token_extra(token) if self.token_extra is not None else ()
        memo[token] = got = TokenOpens(
            tuple(dict.fromkeys(regexes)), tuple(dict.fromkeys(candidates)), bits, flags, extra
        )
        return got

    def _sorted_out(self, ids: list[int]) -> TokenOpens:
        """``ids`` (of a prefix) as regexes, two-word candidates and second-word bits."""
        regexes: list[int] = []
        candidates: list[_Candidate] = []
        bits = 0
        for i in dict.fromkeys(ids):
            if i < 0:
                bits |= _bit(i)
            elif i in self.candidate:
                candidates.append(self.candidate[i])
            else:
                regexes.append(i)
        return TokenOpens(tuple(regexes), tuple(candidates), bits, 0)

    def opened(self, text: str) -> set[int]:
        """The ids of the regexes whose gate ``text`` opens."""
        return self.scan(text)[0]

    def scan(self, text: str) -> tuple[set[int], int, list[Any]]:
        """(:meth:`opened`, the token flags of ``text`` or-ed together, the token extras
        of ``text`` joined)."""
        out = set(self.always)
        memo = self._memo
        candidates: list[_Candidate] = []
        bits = 0  # the second words of two-word gates that are here
        flags = 0
        extra: list[Any] = []
        for token in text.split():
            got = memo.get(token)
            if got is None:
                got = self._opens(token)
            if got.ids:
                out.update(got.ids)
            if got.candidates:
                candidates.extend(got.candidates)
            if got.bits:
                bits |= got.bits
            flags |= got.flags
            if got.extra:
                extra.extend(got.extra)
        for gids, sub, firsts in self.text_subs:
            for ch in firsts:
                if ch in text:
                    if sub.search(text):
                        out.update(gids)
                    break
        for candidate in candidates:
            if bits & candidate.bit:
                out.add(candidate.gid)
                out.add(candidate.top)
        return out, flags, extra
