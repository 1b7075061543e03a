"""The classifier: one compiled object per pack, one pure function per message."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from .gate import FLAGS, GateIndex, Rx, trie_form
from .learned import shipped_model
from .lexicon import SUFFIX, words_regex
from .model import HINT_SIGNALEMENT, SLOTS, Finding, Hint, Verdict
from .normalize import base, deobfuscate, token_needs
from .pack import Pack

LANG = "conduct.language"
SAAR = "saar.police_first"
ACC = "conduct.accusation"
VIG = "conduct.vigilante"
OFF = "conduct.off_topic"
CONF = "conduct.confidentiality"

PERSON_SLOTS = ("gender", "age", "height", "build", "skin_colour", "hair", "face", "clothing")
VEHICLE_SLOTS = ("vehicle", "plate")
COMMON_SLOTS = ("direction", "time", "place")
_CLAUSE_SEP_RE = re.compile(r"[.!?;,\n]|\b(?:en|maar|want|and|but)\b", FLAGS)
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz")
_NEVER = re.compile(r"(?!x)x")
_TOKENS_RE = re.compile(r"[a-z0-9']+")


def _ids(*rxs: Rx) -> frozenset[int]:
    """The ids of ``rxs``: when none of them is in a message's opened set, none of them can
    match and the step that needs one of them is skipped."""
    return frozenset(rx.gid for rx in rxs)


def _alt(patterns: Iterable[str]) -> str:
    """One alternation of ``patterns``.  A leading ``\\b`` shared by several patterns is
    factored out so that ``re`` tests it once per position instead of once per pattern."""
    # "\\bA|B" is taken as two patterns, so that "\\bA" shares the factored "\\b" and B
    # keeps none (the same matches)
    pats = [part for p in patterns if p for part in _top_level_parts(p)]
    if not pats:
        return r"(?!x)x"
    bounded = [p[2:] for p in pats if p.startswith("\\b")]
    others = [p for p in pats if not p.startswith("\\b")]
    parts = ["(?:" + p + ")" for p in others]
    if bounded:
        parts.insert(0, "\\b(?:" + "|".join("(?:" + p + ")" for p in bounded) + ")")
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _top_level_parts(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (``[pattern]`` if it has none)."""
    parts: list[str] = []
    depth = start = 0
    in_class = escaped = False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]" or pattern[i - 1] == "["
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            parts.append(pattern[start:i])
            start = i + 1
    parts.append(pattern[start:])
    return parts


def _rc(pattern: str) -> re.Pattern[str]:
    """Compile a pack regex, its plain word alternations written as tries (same matches)."""
    return re.compile(trie_form(pattern), FLAGS)


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause around ``text[start:end]``.

    Punctuation, newlines and the conjunctions en/maar/want split clauses.
    """
    lo = 0
    for m in _CLAUSE_SEP_RE.finditer(text, 0, start):
        lo = m.end()
    m2 = _CLAUSE_SEP_RE.search(text, end)
    return lo, (m2.start() if m2 else len(text))


def _clause_is_question(text: str, hi: int) -> bool:
    return hi < len(text) and text[hi] == "?"


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    his = [i for i in (text.find(c, end) for c in ".!?\n") if i != -1]
    return lo, (min(his) if his else len(text))


def _word_at(text: str, start: int, end: int) -> str:
    while start > 0 and text[start - 1] in _WORD_CHARS:
        start -= 1
    while end < len(text) and text[end] in _WORD_CHARS:
        end += 1
    return text[start:end]


# A '…' quotation: opens after a space, "(" or ":" (not an elision such as 's or 't) and
# closes before a non-letter (not the apostrophe of auto's).
_SQUOTE_RE = re.compile(r"(?<![^\s(:])'(?![stkn] )[^'\n]*[^\s']'(?![a-z])")


def _in_quotes(text: str, pos: int) -> bool:
    """True if ``pos`` lies inside a "…" or '…' quotation that is not the whole message."""
    if "'" in text:
        for m in _SQUOTE_RE.finditer(text):
            if m.start() < pos < m.end():
                return not (m.start() == 0 and m.end() >= len(text.rstrip(".!? ")))
    before = text.count('"', 0, pos)
    if before % 2 == 0 or text.find('"', pos) == -1:
        return False
    first = text.find('"')
    last = text.rfind('"')
    return not (first <= 0 and last >= len(text.rstrip(".!? ")) - 1)


class CompiledPack:
    """All regexes of a pack, compiled once (kept on the :class:`Pack`)."""

    def __init__(self, pack: Pack) -> None:
        self.pack = pack
        lx = pack.lexicon
        px = pack.pattern_list

        def alt(section: str, name: str) -> re.Pattern[str]:
            pats = [pack.expand(section, p) for p in px(section, name)]
            return _rc(_alt(pats)) if pats else _NEVER

        def galt(section: str, name: str) -> Rx:
            # Rx derives its gate from the pattern as written, then compiles it as tries.
            pats = [pack.expand(section, p) for p in px(section, name)]
            return Rx(_alt(pats) if pats else _NEVER)

        # --- conduct.language ---------------------------------------------
        whole = words_regex(lx(LANG, "curse") + lx(LANG, "insult") + lx(LANG, "slur"))
        heads = words_regex(lx(LANG, "insult_head") + lx(LANG, "slur_head"), fuzzy=False)
        prefixes = words_regex(lx(LANG, "curse_prefix"))
        self.lang_words = tuple(
            Rx(p)
            for p in (
                rf"\b(?:{whole}){SUFFIX}(?![a-z])",
                rf"(?:{heads}){SUFFIX}(?![a-z])",
                rf"\b(?:{prefixes})[a-z]{{2,}}",
            )
        )
        self.lang_cats: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
            (cat, _rc(rf"(?:[a-z]*(?:{words_regex(ws)}){SUFFIX})"))
            for cat, ws in (
                ("slur", lx(LANG, "slur") + lx(LANG, "slur_head")),
                ("insult", lx(LANG, "insult") + lx(LANG, "insult_head")),
            )
            if ws
        )
        allow = lx(LANG, "allow")
        allow_alts = [
            re.escape(base(a[:-1])) + "[a-z]*" if a.endswith("*") else re.escape(base(a))
            for a in allow
        ]
        self.allow = _rc(_alt(allow_alts)) if allow_alts else _NEVER
        ctx = words_regex(lx(LANG, "contextual"))
        fa = _alt(px(LANG, "frame_after"))
        # One alternative per frame (the same matches as "(?:frame|frame…) word"), kept
        # apart: each needs a word of its frame and a contextual word (a two-word gate),
        # and each alone scans faster than all at once.
        ctx_after = rf"\s+(?:{ctx}){SUFFIX}(?![a-z])"
        self.lang_ctx = Rx(
            "|".join(
                [
                    *(_alt([frame]) + ctx_after for frame in px(LANG, "frame_before")),
                    rf"\b(?:{ctx}){SUFFIX}(?![a-z])\s*{fa}",
                ]
            ),
            min_split=2,
        )
        self.lang_phrase = galt(LANG, "phrase")
        self.group = Rx(rf"\b(?:{words_regex(lx(LANG, 'group'), digraphs=True)}){SUFFIX}(?![a-z])")
        self.hate_pred = Rx(_alt(px(LANG, "hate_predicate")))
        self.hate_standalone = galt(LANG, "hate_standalone")
        self.hate_negation = galt(LANG, "hate_negation")
        self.mention = galt(LANG, "mention")
        unmask_words = [
            base(w)
            for w in lx(LANG, "curse")
            + lx(LANG, "insult")
            + lx(LANG, "slur")
            + lx(LANG, "curse_prefix")
            if " " not in w
        ]
        self._unmask_words = tuple(dict.fromkeys(unmask_words))

        # --- saar.police_first / report -------------------------------------
        # One gated regex per incident kind, most specific first; the extra report words
        # of the pack or the group give a report without a kind.
        kinds: list[tuple[str | None, Rx]] = [
            (name.split(".", 1)[1], galt(SAAR, name))
            for name in pack.patterns.get(SAAR, {})
            if name.startswith("incident.")
        ]
        report_words = lx(SAAR, "report")
        if report_words:
            rx = re.compile(rf"\b(?:{words_regex(report_words)}){SUFFIX}(?![a-z])")
            kinds.append((None, Rx(rx)))
        self.kinds = tuple(kinds)
        self.exclude = galt(SAAR, "exclude")
        self.called = galt(SAAR, "called")
        self.not_called = galt(SAAR, "not_called")
        suffixes = words_regex(lx(SAAR, "street_suffix"), fuzzy=False)
        self.street = Rx(rf"\b[a-z][a-z'\-]{{2,}}?(?:{suffixes})\b")
        self.street_stop = frozenset(base(w) for w in lx(SAAR, "street_stop"))

        # --- signalement -------------------------------------------------------
        def lex_re(section: str, name: str) -> re.Pattern[str]:
            ws = lx(section, name)
            return re.compile(rf"\b(?:{words_regex(ws)}){SUFFIX}(?![a-z])") if ws else _NEVER

        h = HINT_SIGNALEMENT
        self.person = Rx(
            _alt([lex_re(h, "person").pattern, *[pack.expand(h, p) for p in px(h, "person")]])
        )
        self.vehicle = Rx(
            _alt([lex_re(h, "vehicle").pattern, *[pack.expand(h, p) for p in px(h, "vehicle")]])
        )
        # One gated regex per slot list; a list may serve several slots at once
        # ("slot.gender+age" for "jongens").
        self.slot_rx: tuple[tuple[frozenset[str], Rx], ...] = tuple(
            (frozenset(name[5:].split("+")), galt(h, name))
            for name in pack.patterns.get(h, {})
            if name.startswith("slot.")
        )

        # --- other conduct rules ------------------------------------------------
        self.acc_pointer = galt(ACC, "pointer")
        self.acc_name = alt(ACC, "name_pointer")
        self.acc_accuse = galt(ACC, "accuse")
        self.acc_direct = galt(ACC, "direct")
        self.acc_group = galt(ACC, "group_blame")
        self.vig_call = galt(VIG, "call")
        self.vig_threat = galt(VIG, "threat")
        self.vig_neg = galt(VIG, "negation")
        self.vig_innocent = galt(VIG, "innocent")
        self.off_topic = Rx(
            _alt([lex_re(OFF, "topic").pattern, *[pack.expand(OFF, p) for p in px(OFF, "topic")]])
        )
        self.ack_words = frozenset(tok for w in lx(OFF, "ack") for tok in base(w).split())
        self.ack_only = alt(OFF, "ack_only")
        self.off_exclude = galt(OFF, "exclude")
        self.share = galt(CONF, "share")
        self.share_neg = galt(CONF, "negation")
        # The index also tells which steps of deobfuscate a message needs, and gives the
        # learned model's weights of the message's words (both remembered per token).
        self.learned = shipped_model()
        self.index = GateIndex(self._all_rx(), token_needs, self.learned.weights_of)
        # Groups of regexes that, all closed for a message, let a step be skipped.
        self.kind_ids = _ids(*(rx for _, rx in self.kinds))
        self.called_ids = _ids(self.called)
        self.lang_ids = _ids(
            *self.lang_words, self.lang_phrase, self.lang_ctx, self.hate_standalone, self.group
        )
        self.acc_ids = _ids(self.acc_direct, self.acc_group, self.acc_accuse)
        self.vig_ids = _ids(self.vig_call, self.vig_threat)
        self.share_ids = _ids(self.share)
        self.signalement_ids = _ids(self.person, self.vehicle)
        # Which rules are on, read once (the pack is not changed after it is compiled).
        self.on = {rid: pack.enabled(rid) for rid in (LANG, SAAR, ACC, VIG, OFF, CONF)}
        # (accusation still open, vigilante still open) -> the rules to ask the model about
        self.learned_for: dict[tuple[bool, bool], frozenset[str]] = {
            (a, v): frozenset(r for r, want in ((ACC, a), (VIG, v)) if want)
            for a in (False, True)
            for v in (False, True)
        }

    def _all_rx(self) -> list[Rx]:
        """Every gated regex of the pack: the gate index is built from these, and a
        regex left out of it would never run (a test compares this list with the
        attributes)."""
        return [
            *self.lang_words,
            self.lang_ctx,
            self.lang_phrase,
            self.group,
            self.hate_pred,
            self.hate_standalone,
            *(rx for _, rx in self.kinds),
            self.exclude,
            self.called,
            self.street,
            self.person,
            self.vehicle,
            *(rx for _, rx in self.slot_rx),
            self.acc_pointer,
            self.acc_accuse,
            self.acc_direct,
            self.acc_group,
            self.vig_call,
            self.vig_threat,
            self.off_topic,
            self.share,
            self.hate_negation,
            self.mention,
            self.not_called,
            self.vig_neg,
            self.vig_innocent,
            self.off_exclude,
            self.share_neg,
        ]

    # ---------------------------------------------------------------------------
    def unmask(self, token: str) -> str:
        rx = re.compile("".join("[a-z]{1,3}" if c in "*#" else re.escape(c) for c in token))
        for w in self._unmask_words:
            if rx.fullmatch(w):
                return w
        return token.replace("*", "").replace("#", "")

    def language(self, t: str, wp: set[int], needs: int) -> tuple[str, str] | None:
        """(kind, evidence) of the first language problem in base form ``t``, whose
        tokens need ``needs`` of deobfuscate (GateIndex.scan)."""
        d = deobfuscate(t, self.unmask, needs)
        if d is not t and d != t:
            wp = self.index.opened(d)
        if self.lang_ids.isdisjoint(wp):
            return None
        for wrx in self.lang_words:
            if wrx.gid not in wp:
                continue
            for m in wrx.finditer(d, wp):
                word = _word_at(d, m.start(), m.end())
                if self.allow.fullmatch(word) or self._mentioned(d, wp, m.start(), m.end()):
                    continue
                kind = "curse"
                for cat, rx in self.lang_cats:
                    if rx.fullmatch(word):
                        kind = cat
                        break
                return kind, word
        for grx, kind in ((self.lang_phrase, "phrase"), (self.lang_ctx, "insult")):
            for m in grx.finditer(d, wp):
                if not self._mentioned(d, wp, m.start(), m.end()):
                    return kind, m.group(0).strip()
        m2 = self.hate_standalone.search(d, wp)
        if m2 and not self._mentioned(d, wp, m2.start(), m2.end()):
            return "hate", m2.group(0)
        # A group noun and a hate predicate in the same sentence, the predicate at most
        # 80 characters after or 60 characters before the group noun.  (No predicate can
        # match when its gate is shut: then the group nouns are not looked for at all.)
        if self.hate_pred.gid not in wp:
            return None
        for g in self.group.finditer(d, wp):
            lo, hi = _sentence(d, g.start(), g.end())
            p = self.hate_pred.search(d, wp, max(lo, g.start() - 60), min(hi, g.end() + 80))
            if p is None:
                continue
            start, end = min(g.start(), p.start()), max(g.end(), p.end())
            if self._mentioned(d, wp, start, end) or self.hate_negation.search(
                d[lo:hi].strip(), wp
            ):
                continue
            return "hate", d[start:end]
        return None

    def _mentioned(self, d: str, wp: set[int], start: int, end: int) -> bool:
        """Quoted, or in a sentence that condemns rather than uses the words."""
        if _in_quotes(d, start):
            return True
        lo, hi = _sentence(d, start, end)
        return self.mention.search(d, wp, lo, hi) is not None

    def report(self, t: str, wp: set[int]) -> tuple[bool, str | None, str]:
        """(is a report, incident kind, matched evidence); only for ``t`` that opens one of
        :attr:`kind_ids`.

        A message about an incident that is not a report (an update, a police tip) has
        evidence but no report: it is on topic all the same.
        """
        for kind, rx in self.kinds:
            if rx.gid not in wp:  # gate closed: skip the call
                continue
            m = rx.search(t, wp)
            if m:
                if self.exclude.search(t, wp):
                    return False, None, m.group(0).strip()
                return True, kind, m.group(0).strip()
        return False, None, ""

    def police_called(self, t: str, wp: set[int]) -> bool:
        """Only for ``t`` that opens :attr:`called_ids`."""
        for m in self.called.finditer(t, wp):
            lo, hi = _clause(t, m.start(), m.end())
            # (a clause holds words of the message only: its gates still hold)
            if _clause_is_question(t, hi) or self.not_called.search(t[lo:hi].strip(), wp):
                continue
            return True
        return False

    def place(self, t: str, wp: set[int]) -> str | None:
        for m in self.street.finditer(t, wp):
            word = m.group(0)
            if word not in self.street_stop:
                return word
        return None

    def missing_slots(self, t: str, wp: set[int]) -> tuple[str, ...]:
        if self.signalement_ids.isdisjoint(wp):
            return ()
        person = self.person.search(t, wp) is not None
        vehicle = self.vehicle.search(t, wp) is not None
        if not (person or vehicle):
            return ()
        relevant = set(COMMON_SLOTS)
        if person:
            relevant.update(PERSON_SLOTS)
        if vehicle:
            relevant.update(VEHICLE_SLOTS)
        present: set[str] = set()
        for slots, rx in self.slot_rx:
            if (
                rx.gid in wp
                and not slots <= present
                and not slots.isdisjoint(relevant)
                and rx.search(t, wp) is not None
            ):
                present |= slots
        return tuple(s for s in SLOTS if s in relevant and s not in present)

    def _first_unnegated(
        self,
        rx: Rx,
        neg: Rx,
        t: str,
        wp: set[int],
        *,
        questions: bool,
        innocent: Rx | None = None,
    ) -> str | None:
        """First match of ``rx`` whose clause is not negated (nor a question, unless
        ``questions`` count) and whose sentence is not about something ``innocent``."""
        for m in rx.finditer(t, wp):
            lo, hi = _clause(t, m.start(), m.end())
            if neg.search(t, wp, lo, hi) or (not questions and _clause_is_question(t, hi)):
                continue
            if innocent is not None and innocent.search(t, wp, *_sentence(t, m.start(), m.end())):
                continue
            return m.group(0)
        return None

    def accusation(self, t: str, raw: str, wp: set[int]) -> str | None:
        """Only for ``t`` that opens one of :attr:`acc_ids`."""
        for rx in (self.acc_direct, self.acc_group):
            m = rx.search(t, wp)
            if m:
                return m.group(0)
        if self.acc_accuse.search(t, wp) is None:
            return None
        accuse = self.acc_accuse.compiled()
        for text in (t, raw):
            pointers = (
                self.acc_pointer.finditer(t, wp) if text is t else self.acc_name.finditer(raw)
            )
            low = text if text is t else text.lower()
            for ptr in pointers:
                _, hi = _sentence(low, ptr.start(), ptr.end())
                acc = accuse.search(low, ptr.end(), hi)
                if acc:
                    return f"{ptr.group(0).strip()} … {acc.group(0).strip()}"
        return None

    def vigilante(self, t: str, wp: set[int]) -> str | None:
        """Only for ``t`` that opens one of :attr:`vig_ids`."""
        neg, innocent = self.vig_neg, self.vig_innocent
        return self._first_unnegated(
            self.vig_call, neg, t, wp, questions=True, innocent=innocent
        ) or self._first_unnegated(self.vig_threat, neg, t, wp, questions=True, innocent=innocent)

    def confidentiality(self, t: str, wp: set[int]) -> str | None:
        """Only for ``t`` that opens :attr:`share_ids`."""
        return self._first_unnegated(self.share, self.share_neg, t, wp, questions=False)

    def off_topic_hit(self, t: str, raw: str, has_media: bool, wp: set[int]) -> str | None:
        ev = self._off_topic_ev(t, raw, has_media, wp)
        # A message that speaks of the police or an emergency number is about safety, not
        # chatter (checked only after a hit, so clean messages pay nothing for it).
        return None if ev is None or self.off_exclude.search(t, wp) else ev

    def _off_topic_ev(self, t: str, raw: str, has_media: bool, wp: set[int]) -> str | None:
        m = self.off_topic.search(t, wp)
        if m:
            return m.group(0)
        if has_media:
            return None
        toks = _TOKENS_RE.findall(t)
        if not toks:
            return raw.strip() or None
        if len(toks) <= 8 and all(tok in self.ack_words for tok in toks):
            return t
        m = self.ack_only.fullmatch(t.strip(" .!,"))
        return m.group(0) if m else None


_NO_VERDICT = Verdict((), (), False, False, None, None)
_NONE: frozenset[str] = frozenset()


def classify(text: str, pack: Pack, *, has_media: bool = False) -> Verdict:
    """Judge one message.  Pure and deterministic; never raises on any ``str``."""
    c: CompiledPack = pack.compiled
    raw = unicodedata.normalize("NFC", text) if not text.isascii() else text
    t = base(text)
    wp, needs, weights = c.index.scan(t)
    on = c.on
    findings: list[Finding] = []
    reason = pack.reason

    if c.kind_ids.isdisjoint(wp):
        is_report, kind, report_ev = False, None, ""
    else:
        is_report, kind, report_ev = c.report(t, wp)
    called = not c.called_ids.isdisjoint(wp) and c.police_called(t, wp)
    place = c.place(t, wp) if is_report else None
    if on[LANG]:
        hit = c.language(t, wp, needs)
        if hit:
            findings.append(Finding(LANG, hit[1], reason(LANG, hit[0], hit[1])))
    # An accusation or a call to act oneself is answered as such (one answer per
    # message, DESIGN §8.5): it does not also get the "did you call 101" reminder.
    acc_ev = c.accusation(t, raw, wp) if on[ACC] and not c.acc_ids.isdisjoint(wp) else None
    vig_ev = c.vigilante(t, wp) if on[VIG] and not c.vig_ids.isdisjoint(wp) else None
    # What the patterns miss, the learned model may still see (rules/learned.py).
    unseen = c.learned_for[(on[ACC] and acc_ev is None, on[VIG] and vig_ev is None)]
    learned: AbstractSet[str] = _NONE
    if unseen:
        judged = c.learned.judge(t, unseen, weights)
        if judged:  # a pet that ran off, a match, the bus: no estimate of vigilantism either
            judged = [j for j in judged if j.rule_id != VIG or not c.vig_innocent.search(t, wp)]
        if judged:
            learned = {j.rule_id for j in judged}
            for j in judged:
                if j.rule_id == ACC:
                    acc_ev = j.evidence
                else:
                    vig_ev = j.evidence
    if acc_ev:
        how = "learned" if ACC in learned else ""
        findings.append(Finding(ACC, acc_ev, reason(ACC, how, acc_ev), bool(how)))
    if vig_ev:
        how = "learned" if VIG in learned else ""
        findings.append(Finding(VIG, vig_ev, reason(VIG, how, vig_ev), bool(how)))
    acted = bool(acc_ev or vig_ev)
    if is_report and not called and not acted and on[SAAR]:
        findings.append(Finding(SAAR, report_ev, reason(SAAR, kind or "", report_ev)))
    if on[CONF] and not c.share_ids.isdisjoint(wp):
        ev = c.confidentiality(t, wp)
        if ev:
            findings.append(Finding(CONF, ev, reason(CONF, "", ev)))
    # Off-topic is the mildest finding: a message that breaks another rule is answered
    # for that rule only (one answer per message, DESIGN §8.5).
    if not report_ev and not called and not findings and on[OFF]:
        ev = c.off_topic_hit(t, raw, has_media, wp)
        if ev:
            findings.append(Finding(OFF, ev, reason(OFF, "", ev)))
    hints: tuple[Hint, ...] = ()
    if is_report:
        missing = c.missing_slots(t, wp)
        if missing:
            names = [pack.slot_names[s] for s in missing]
            joined = (
                names[0]
                if len(names) == 1
                else (", ".join(names[:-1]) + f" {pack.text('and')} " + names[-1])
            )
            hints = (
                Hint(
                    HINT_SIGNALEMENT,
                    missing,
                    pack.text("signalement_hint").replace("{missing}", joined),
                ),
            )
    if not findings and not hints and not is_report and not called and kind is None:
        return _NO_VERDICT  # frozen, so one shared instance serves every clean message
    return Verdict(tuple(findings), hints, is_report, called, kind, place)
