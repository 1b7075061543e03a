"""Text normalisation, done once per message before any rule matches.

Two forms are produced:

* :func:`base` — for every rule: case-folded, diacritics removed, zero-width and
  variation-selector characters dropped, look-alike (homoglyph) letters mapped to
  Latin, typographic quotes unified, emoji replaced by a space (a few mapped to a word),
  whitespace collapsed.  Digits and punctuation are kept (phone numbers, times, plates).
* :func:`deobfuscate` — for ``conduct.language`` only, applied to the base form:
  leetspeak inside words (``k4nker``), masking (``k*t``, ``k.u.t``), spaced letters
  (``k u t``), hyphens inside words and emphatic letter runs (``kuuuut``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_REMOVE_RANGES: tuple[tuple[int, int], ...] = (
    (0x0300, 0x036F),  # combining diacritics
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
    (0xFE00, 0xFE0F),  # variation selectors
    (0x200B, 0x200F),  # zero-width space/joiners, direction marks
    (0x202A, 0x202E),
    (0x2060, 0x2064),
    (0x180E, 0x180E),
    (0xFEFF, 0xFEFF),
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),
    (0xE0000, 0xE007F),  # tags
)

_HOMOGLYPHS = {
    # Cyrillic
    "\u0430": "a",
    "\u0432": "b",
    "\u0435": "e",
    "\u0451": "e",
    "\u0437": "3",
    "\u0438": "u",
    "\u0456": "i",
    "\u0457": "i",
    "\u0458": "j",
    "\u043a": "k",
    "\u043c": "m",
    "\u043d": "h",
    "\u043e": "o",
    "\u043f": "n",
    "\u0440": "p",
    "\u0441": "c",
    "\u0442": "t",
    "\u0443": "y",
    "\u0445": "x",
    "\u0455": "s",
    "\u0501": "d",
    "\u0261": "g",
    "\u04cf": "l",
    "\u051b": "q",
    "\u051d": "w",
    "\u044c": "b",
    "\u0433": "r",
    # Greek
    "\u03b1": "a",
    "\u03b2": "b",
    "\u03b3": "y",
    "\u03b5": "e",
    "\u03b7": "n",
    "\u03b9": "i",
    "\u03ba": "k",
    "\u03bd": "v",
    "\u03bf": "o",
    "\u03c1": "p",
    "\u03c4": "t",
    "\u03c5": "u",
    "\u03c7": "x",
    "\u03c9": "w",
    "\u03bc": "u",
    "\u03c2": "s",
    "\u03c3": "o",
    # Latin look-alikes and typography
    "\u0131": "i",
    "\u0142": "l",
    "\u00f8": "o",
    "\u0111": "d",
    "\u00df": "ss",
    "\u00e6": "ae",
    "\u0153": "oe",
    "\u2019": "'",
    "\u2018": "'",
    "`": "'",
    "\u00b4": "'",
    "\u02bc": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2010": "-",
    "\u2011": "-",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\t": " ",
    "\r": "\n",
}

_EMOJI_WORDS = {"🖕": " fuck ", "🤬": " fuck "}


def _build_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for lo, hi in _REMOVE_RANGES:
        for cp in range(lo, hi + 1):
            table[cp] = None
    for src, dst in _HOMOGLYPHS.items():
        table[ord(src)] = dst
    for src, dst in _EMOJI_WORDS.items():
        table[ord(src)] = dst
    return table


_TABLE = _build_table()
_EMOJI_RE = re.compile(
    "[\U0001f000-\U0001faff\u2600-\u27bf\u2b00-\u2bff\u2300-\u23ff\u3030\u303d"
    "\u3297\u3299\U0001f1e6-\U0001f1ff]"
)
# Runs of spaces become one space; a lone space, most of them, is no match (re would
# otherwise replace every space with a space, and build a new string of the pieces).
_SPACE_RE = re.compile(r" [ \f\v]+|[\f\v][ \f\v]*")
_NL_RE = re.compile(r"\s*\n\s*")


def base(text: str) -> str:
    """The base form used by every rule (see module docstring)."""
    if text.isascii():
        s = text.lower()
        if "  " not in s and "\t" not in s and "\r" not in s and "\n" not in s and "`" not in s:
            return s.strip()
        s = s.replace("\t", " ").replace("\r", "\n").replace("`", "'")
    else:
        # Case fold after NFKD: mathematical letters (𝐊, 𝓚) decompose to capitals.
        s = unicodedata.normalize("NFKD", text).casefold().translate(_TABLE)
        s = _EMOJI_RE.sub(" ", s)
        if not s.isascii():
            # Whatever is left that is not a letter or digit or punctuation we know
            # stays as is; the rules only match ASCII patterns.
            s = unicodedata.normalize("NFC", s)
    # (each regex only where it can match: a test of ``in`` is much cheaper than a scan)
    if "  " in s or "\f" in s or "\v" in s:
        s = _SPACE_RE.sub(" ", s)
    if "\n" in s:
        s = _NL_RE.sub("\n", s)
    return s.strip()


_LEET = str.maketrans(
    {
        "0": "o",
        "1": "i",
        "3": "e",
        "4": "a",
        "5": "s",
        "7": "t",
        "9": "g",
        "@": "a",
        "$": "s",
        "€": "e",
        "|": "l",
    }
)
# A token with at least one letter and at least one leet character in it.
_LEET_TOKEN = re.compile(r"(?<![\w@$€|])(?=[\w@$€|]*[a-z])(?=[\w@$€|]*[0-9@$€|])[\w@$€|]+")
_MASKED = re.compile(r"(?<![a-z*#])[a-z]+(?:[*#]+[a-z]*)+(?![a-z*#])")
_SPACED = re.compile(r"(?<![a-z])[a-z](?:[ .\-_*][a-z]){2,}(?![a-z])")
_SEP = re.compile(r"[ .\-_*]")
_INNER_HYPHEN = re.compile(r"(?<=[a-z])-(?=[a-z])")
_RUNS = re.compile(r"([a-z])\1{2,}")
# Cheap checks that tell which of the rarely needed steps below a message needs.  Each
# looks at a character and its neighbours, never across white space, so they are made once
# per token (tokens repeat a lot) and the message needs what its tokens need.  Only
# spaced letters span tokens: a token that is one letter calls for the check on the text.
_LEETCHAR = re.compile(r"[0-9@$€|]")
_RUN3 = re.compile(r"([a-z])\1\1")
_SPACED3 = re.compile(r" [a-z] [a-z] [a-z] ")
# "[a-z][._*#-][a-z]", written to start with the rare separator so that re skips fast.
_SEPCHAR = re.compile(r"[._*#-](?<=[a-z].)(?=[a-z])")
# A superset of "a leet character next to a letter" (the exact test is ``str.isalpha``).
_LEET_NEXT_TO_LETTER = re.compile(r"[0-9@$€|](?:(?<=[^\W\d_].)|(?=[^\W\d_]))")
# "[a-z][*#]|[*#][a-z]", written to start with the rare mask character.
_MASKCHAR = re.compile(r"[*#](?:(?<=[a-z].)|(?=[a-z]))")
LEET, MASK, RUNS, SPACED = 1, 2, 4, 8
_LONE_LETTER = 16
_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyz")
# Tokens that need nothing (most), and what the others need.
_PLAIN: set[str] = set()
_TOKEN_NEEDS: dict[str, int] = {}
_MEMO_MAX = 100_000


def token_needs(tok: str) -> int:
    """Which steps of :func:`deobfuscate` token ``tok`` calls for (LEET, MASK, RUNS,
    SPACED, and _LONE_LETTER: a one-letter token, which may be spaced letters)."""
    need = 0
    n = len(tok)
    for m in _LEETCHAR.finditer(tok) if _LEET_NEXT_TO_LETTER.search(tok) else ():
        i = m.start()
        if (i > 0 and tok[i - 1].isalpha()) or (i + 1 < n and tok[i + 1].isalpha()):
            need |= LEET
            break
    if ("*" in tok or "#" in tok) and _MASKCHAR.search(tok):
        need |= MASK
    if _RUN3.search(tok):
        need |= RUNS
    if _SEPCHAR.search(tok):
        need |= SPACED
    if tok in _LETTERS:
        need |= _LONE_LETTER
    return need


def _token_needs(tok: str) -> int:
    need = token_needs(tok)
    if need:
        if len(_TOKEN_NEEDS) >= _MEMO_MAX:
            _TOKEN_NEEDS.clear()
        _TOKEN_NEEDS[tok] = need
    else:
        if len(_PLAIN) >= _MEMO_MAX:
            _PLAIN.clear()
        _PLAIN.add(tok)
    return need


def _needs(s: str, tokens_need: int | None = None) -> int:
    """Which steps of :func:`deobfuscate` ``s`` needs (LEET, MASK, RUNS, SPACED);
    ``tokens_need``: what its tokens need together, if known (GateIndex.scan)."""
    need = 0
    if tokens_need is not None:
        need = tokens_need
    else:
        toks = s.split()
        if _PLAIN.issuperset(toks):  # the common case, without a loop in Python
            return 0
        get = _TOKEN_NEEDS.get
        for tok in set(toks).difference(_PLAIN):
            got = get(tok)
            need |= _token_needs(tok) if got is None else got
    if need & _LONE_LETTER:
        need ^= _LONE_LETTER
        if _SPACED3.search(f" {s} "):
            need |= SPACED
    return need


def _leet_token(m: re.Match[str]) -> str:
    tok = m.group(0)
    if tok.isdigit():
        return tok
    return tok.translate(_LEET)


def deobfuscate(
    s: str, unmask: Callable[[str], str] | None = None, tokens_need: int | None = None
) -> str:
    """Undo common obfuscations of the base form ``s`` (for the language rule).
    ``tokens_need``: what the tokens of ``s`` need (:func:`token_needs` of each, or-ed),
    when the caller knows it already."""
    need = _needs(s, tokens_need)
    if not need:
        return s
    if need & LEET:
        s = _LEET_TOKEN.sub(_leet_token, s)
    if need & MASK and unmask is not None:
        s = _MASKED.sub(lambda m: unmask(m.group(0)), s)
    if need & (SPACED | MASK):
        s = _SPACED.sub(lambda m: _SEP.sub("", m.group(0)), s)
    if need & SPACED:
        s = _INNER_HYPHEN.sub("", s)
    if need & (RUNS | LEET | MASK):
        s = _RUNS.sub(r"\1", s)
    return s


def normalise_word(word: str) -> str:
    """How lexicon entries are normalised at compile time (same steps as messages)."""
    w = base(word)
    w = _INNER_HYPHEN.sub("", w)
    return _RUNS.sub(r"\1", w)
