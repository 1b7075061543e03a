"""A learned second opinion for the rules whose wording varies most (accusation, vigilante).

The phrase patterns of a pack catch the wordings they were written for; on messages by new
writers they miss most accusations and calls to act oneself (held-out pools: recall 0.2-0.5).
A linear model over the words of a message, trained on the labelled corpus, generalises much
better there.  It is consulted only when the patterns find nothing, and a finding it makes
names its evidence: the words of the message that weigh most towards the rule.

Features of the base form (:func:`rules.normalize.base`), see :func:`features`: each word but
function words (``w``), each pair of neighbouring words (``b``), and the first
:data:`PREFIX` letters of each longer word (``p``: "beschuldig", "beschuldigt" and
"beschuldiging" share one, and a new writer's form of a known word still counts), as often
as they occur.
Score: ``bias + sum(weights of the features)``, a logit; the rule fires at ``score >=
threshold``.  The weights are data (``rules/packs/learned.json``), written by
``benchmarks/train_learned.py``; this module only reads them, with no dependencies.

Speed: the (at most two) rules of a model are scored in one pass over the tokens, each
token's weights looked up once (remembered per token), and a pair's weights by the numbers
of its two words (only words of pair features have one, so most pairs cost nothing).  Sums
run in message order, so a score is the same in every process.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from .memo import MEMO_MAX
from .model import PackError

# byte -> the same byte, but a space for ASCII that is not a letter, digit or apostrophe
_SEPARATORS = bytes(b if b >= 128 or chr(b).isalnum() or chr(b) == "'" else 32 for b in range(256))
SHIPPED = "learned.json"
MAX_RULES = 2
PREFIX = 5  # letters of a word's prefix feature (only for words longer than this)
# Function words of nl and en.  Alone they say more about how someone writes than about what
# is said, so they are no feature of their own (only in pairs: "die van", "het is"), and
# evidence made only of them is shown last.
_FUNCTION_WORD_LIST = (
    "de het een die dat deze dit van in op aan met voor bij naar uit te en of maar als dan "
    "ik je jij u ge gij hij zij ze we wij jullie hun hem haar mijn m'n zijn onze er hier "
    "daar is was zijn waren ben bent heb hebt heeft hebben had wordt worden zal zullen "
    "kan kunnen moet moeten wil willen gaat gaan ga niet nie geen wel ook nog al toch "
    "zo wat wie waar hoe 't da den ne nen "
    "the a an this that these those of in on at to for with from by and or but if then "
    "i you he she it we they me him her us them my your his our their is are was were "
    "be been am have has had will would can could should must do does did not no so "
    "what who where how"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORD_LIST.split())


def tokens(t: str) -> list[str]:
    """The words of base form ``t``: runs of ``a-z``, digits and apostrophes (any other
    ASCII character separates them).  Done on UTF-8 bytes: a byte table is the fastest
    translation there is, and it leaves the bytes of other characters as they are."""
    return (
        t.encode("utf-8", "surrogatepass")
        .translate(_SEPARATORS)
        .decode("utf-8", "surrogatepass")
        .split()
    )


def features(t: str) -> list[str]:
    """The features of base form ``t``, each as often as it occurs (as
    :class:`LearnedModel` adds them up)."""
    toks = tokens(t)
    out = ["w " + w for w in toks if w not in _FUNCTION_WORDS]
    out += ["b " + a + " " + b for a, b in itertools.pairwise(toks)]
    out += ["p " + w[:PREFIX] for w in _long(toks)]
    return out


def _has_prefix(w: str) -> bool:
    """Whether word ``w`` has a prefix feature."""
    return len(w) > PREFIX and w not in _FUNCTION_WORDS


def _long(toks: list[str]) -> list[str]:
    """The words of ``toks`` that have a prefix feature."""
    return [w for w in toks if _has_prefix(w)]


class _Weight:
    """A token's (or a pair's) weight for each rule, and its number among the words of
    pair features (-1: in none)."""

    __slots__ = ("pid", "w0", "w1")

    def __init__(self, w0: float, w1: float, pid: int) -> None:
        self.w0 = w0
        self.w1 = w1
        self.pid = pid


@dataclass(frozen=True)
class Judgement:
    rule_id: str
    score: float  # logit
    evidence: str  # the words that weigh most towards the rule


class LearnedModel:
    """Bias, threshold and weights of each rule (file ``label``), validated on load."""

    def __init__(self, data: Any, label: str) -> None:
        if not isinstance(data, dict) or not isinstance(data.get("rules"), dict):
            raise PackError(f"{label}: expected an object with 'rules'")
        specs = data["rules"]
        if not 1 <= len(specs) <= MAX_RULES:
            raise PackError(f"{label}: rules: expected 1 to {MAX_RULES} rules")
        self.label = label
        self.rule_ids: tuple[str, ...] = tuple(specs)
        self.bias: list[float] = []
        self.threshold: list[float] = []
        self.words: dict[str, complex] = {}
        self.pairs: dict[tuple[str, str], complex] = {}
        self.prefixes: dict[str, complex] = {}
        # token -> its word weight plus its prefix weight, remembered: one lookup per token
        self._token: dict[str, _Weight] = {}
        for i, (rid, spec) in enumerate(specs.items()):
            unit = 1 if i == 0 else 1j
            where = f"{label}: rules.{rid}"
            if not isinstance(spec, dict):
                raise PackError(f"{where}: expected an object")
            for key in ("bias", "threshold"):
                if not _is_number(spec.get(key)):
                    raise PackError(f"{where}.{key}: expected a number")
            self.bias.append(float(spec["bias"]))
            self.threshold.append(float(spec["threshold"]))
            weights = spec.get("weights")
            if not isinstance(weights, dict) or not weights:
                raise PackError(f"{where}.weights: expected a non-empty object")
            for feat, w in weights.items():
                kind, _, text = feat.partition(" ")
                a, _, b = text.partition(" ")
                if not _is_number(w) or (kind, bool(b)) not in (
                    ("w", False),
                    ("b", True),
                    ("p", False),
                ):
                    raise PackError(
                        f"{where}.weights[{feat!r}]: expected 'w <word>', 'b <word> <word>' "
                        "or 'p <prefix>': number"
                    )
                if kind == "b":
                    self.pairs[(a, b)] = self.pairs.get((a, b), 0j) + unit * w
                elif kind == "p":
                    self.prefixes[a] = self.prefixes.get(a, 0j) + unit * w
                else:
                    self.words[a] = self.words.get(a, 0j) + unit * w

        # For evidence: per rule, the features that weigh for it (weight > 0) and how much.
        self._for_rule: list[
            tuple[dict[str, float], dict[tuple[str, str], float], dict[str, float]]
        ] = [
            (
                _positive(self.words, part),
                _positive(self.pairs, part),
                _positive(self.prefixes, part),
            )
            for part in (_real, _imag)[: len(self.rule_ids)]
        ]
        # Pairs by number: each word of a pair feature has one, and a pair of two numbered
        # words is one int (hashed for nothing); a pair with any other word weighs nothing.
        vocabulary = sorted({w for pair in self.pairs for w in pair})
        self._pid = {w: i for i, w in enumerate(vocabulary)}
        self._n = len(vocabulary)
        self._pair: dict[int, _Weight] = {
            self._pid[a] * self._n + self._pid[b]: _Weight(x.real, x.imag, -1)
            for (a, b), x in self.pairs.items()
        }

    def _weight_of(self, w: str) -> _Weight:
        """The weights of token ``w``'s word and prefix features (remembered)."""
        memo = self._token
        if len(memo) >= MEMO_MAX:  # unique tokens (numbers, names) must not pile up
            memo.clear()
        x = self.words.get(w, 0j)
        if _has_prefix(w):
            x += self.prefixes.get(w[:PREFIX], 0j)
        memo[w] = got = _Weight(x.real, x.imag, self._pid.get(w, -1))
        return got

    def _weights(self, toks: list[str]) -> list[_Weight]:
        """The weights of ``toks``, each looked up once (worked out on first sight)."""
        memo = self._token
        out: list[_Weight] = []
        for tok in toks:
            got = memo.get(tok)
            out.append(self._weight_of(tok) if got is None else got)
        return out

    def weights_of(self, token: str) -> tuple[_Weight, ...]:
        """The weights of the tokens of ``token``, a piece of a message without white
        space (the gate index remembers them per piece: rules/classify.py)."""
        return tuple(self._weights(tokens(token)))

    def scores(self, t: str, weights: list[_Weight] | None = None) -> tuple[list[float], list[str]]:
        """(the logit of each rule, the tokens) for base form ``t``; ``weights``: those of
        its tokens in order, if known (:meth:`weights_of` of each white-space piece)."""
        toks = tokens(t)
        return self._scores(self._weights(toks) if weights is None else weights), toks

    def _scores(self, weights: list[_Weight]) -> list[float]:
        pairs, n = self._pair, self._n
        # word and pair sums kept apart and in message order: the same floats as summing
        # each rule's weights one by one
        w0 = w1 = p0 = p1 = 0.0
        prev = -1
        for got in weights:
            w0 += got.w0
            w1 += got.w1
            if prev >= 0 and got.pid >= 0:
                pair = pairs.get(prev * n + got.pid)
                if pair is not None:
                    p0 += pair.w0
                    p1 += pair.w1
            prev = got.pid
        return [self.bias[0] + (w0 + p0), self.bias[-1] + (w1 + p1)][: len(self.bias)]

    def judge(
        self, t: str, wanted: frozenset[str], weights: list[_Weight] | None = None
    ) -> list[Judgement]:
        """The rules among ``wanted`` that base form ``t`` scores at or above threshold;
        ``weights``: as for :meth:`scores`."""
        if weights is None:
            scores, toks = self.scores(t)
        else:  # the tokens themselves only for the evidence of a finding
            scores, toks = self._scores(weights), []
        fired = [
            i
            for i, rid in enumerate(self.rule_ids)
            if rid in wanted and scores[i] >= self.threshold[i]
        ]
        if fired and not toks:
            toks = tokens(t)
        return [Judgement(self.rule_ids[i], scores[i], self.evidence(toks, i)) for i in fired]

    def evidence(self, toks: list[str], i: int) -> str:
        """The (at most three) words or word pairs of ``toks`` weighing most for rule ``i``."""
        words, pairs, prefixes = self._for_rule[i]
        fw = _FUNCTION_WORDS
        # (telling, weight, text) of what weighs for the rule, sorted as tuples: shown to
        # coordinators, words that carry meaning first ("die", "van" may weigh, but say
        # little on their own); most words and pairs weigh nothing and are not joined
        scored = [(w not in fw, words[w], w) for w in set(toks) if w in words]
        scored += [
            (pair[0] not in fw or pair[1] not in fw, pairs[pair], f"{pair[0]} {pair[1]}")
            for pair in set(itertools.pairwise(toks))
            if pair in pairs
        ]
        # a prefix is shown as the word of the message that has it
        scored += [
            (True, prefixes[w[:PREFIX]], w) for w in set(_long(toks)) if w[:PREFIX] in prefixes
        ]
        ranked = sorted(scored, reverse=True)
        picked: list[str] = []
        shown: set[str] = set()
        for _, _, text in ranked:
            if len(picked) == 3:
                break
            if shown.isdisjoint(text.split()):  # no word twice ("weet", "ik weet")
                picked.append(text)
                shown.update(text.split())
        if not picked:  # nothing in the message weighs for it: the bias alone fired
            picked.append("…")
        return " … ".join(picked)


_K = TypeVar("_K")


def _positive(weights: dict[_K, complex], part: Callable[[complex], float]) -> dict[_K, float]:
    """The features of ``weights`` whose ``part`` (one rule's weight) is above 0."""
    return {k: x for k, w in weights.items() if (x := part(w)) > 0}


def _real(w: complex) -> float:
    return w.real


def _imag(w: complex) -> float:
    return w.imag


def _is_number(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


@functools.cache
def shipped_model() -> LearnedModel:
    """The model shipped in ``rules/packs/learned.json`` (read once)."""
    path = resources.files("rules").joinpath("packs").joinpath(SHIPPED)
    return load_model_text(path.read_text(encoding="utf-8"), SHIPPED)


def load_model_text(text: str, label: str) -> LearnedModel:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise PackError(f"{label}: invalid JSON: {exc}") from exc
    return LearnedModel(data, label)
