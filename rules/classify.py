"""The classifier: one compiled object per pack, one pure function per message."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from .lexicon import SUFFIX, words_regex
from .model import HINT_SIGNALEMENT, SLOTS, Finding, Hint, Verdict
from .normalize import base, deobfuscate
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
_CLAUSE_SEP_RE = re.compile(r"[.!?;,\n]|\b(?:en|maar|want|and|but)\b")
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz")
_NEVER = re.compile(r"(?!x)x")


def _alt(patterns: Iterable[str]) -> str:
    pats = [p for p in patterns if p]
    if not pats:
        return r"(?!x)x"
    return "(?:" + "|".join("(?:" + p + ")" for p in pats) + ")"


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


def _in_quotes(text: str, pos: int) -> bool:
    """True if ``pos`` lies inside a "…" quotation that is not the whole message."""
    before = text.count('"', 0, pos)
    if before % 2 == 0:
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
            return re.compile(_alt(pats)) if pats else _NEVER

        # --- conduct.language ---------------------------------------------
        whole = words_regex(lx(LANG, "curse") + lx(LANG, "insult") + lx(LANG, "slur"))
        heads = words_regex(lx(LANG, "insult_head") + lx(LANG, "slur_head"), fuzzy=False)
        prefixes = words_regex(lx(LANG, "curse_prefix"))
        self.lang_words = re.compile(
            rf"\b(?:{whole}){SUFFIX}(?![a-z])|(?:{heads}){SUFFIX}(?![a-z])|\b(?:{prefixes})[a-z]{{2,}}"
        )
        self.lang_cats: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
            (cat, re.compile(rf"(?:[a-z]*(?:{words_regex(ws)}){SUFFIX})"))
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
        self.allow = re.compile(_alt(allow_alts)) if allow_alts else _NEVER
        ctx = words_regex(lx(LANG, "contextual"))
        fb = _alt(px(LANG, "frame_before"))
        fa = _alt(px(LANG, "frame_after"))
        self.lang_ctx = re.compile(
            rf"{fb}\s+(?:{ctx}){SUFFIX}(?![a-z])|\b(?:{ctx}){SUFFIX}(?![a-z])\s*{fa}"
        )
        self.lang_phrase = alt(LANG, "phrase")
        self.group = re.compile(rf"\b(?:{words_regex(lx(LANG, 'group'))}){SUFFIX}(?![a-z])")
        g = self.group.pattern
        pred = _alt(px(LANG, "hate_predicate"))
        self.hate = re.compile(rf"{g}[^.!?\n]{{0,80}}?{pred}|{pred}[^.!?\n]{{0,60}}?{g}")
        self.hate_standalone = alt(LANG, "hate_standalone")
        self.hate_negation = alt(LANG, "hate_negation")
        self.mention = alt(LANG, "mention")
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
        kinds: list[str] = []
        kind_alts: list[str] = []
        for name, pats in pack.patterns.get(SAAR, {}).items():
            if name.startswith("incident."):
                kind = name.split(".", 1)[1]
                kinds.append(kind)
                kind_alts.append(
                    f"(?P<k{len(kinds) - 1}>{_alt(pack.expand(SAAR, p) for p in pats)})"
                )
        report_words = lx(SAAR, "report")
        if report_words:
            kind_alts.append(rf"(?P<kx>\b(?:{words_regex(report_words)}){SUFFIX}(?![a-z]))")
        self.kinds = tuple(kinds)
        self.incident = re.compile("|".join(kind_alts)) if kind_alts else _NEVER
        self.exclude = alt(SAAR, "exclude")
        self.called = alt(SAAR, "called")
        self.not_called = alt(SAAR, "not_called")
        suffixes = words_regex(lx(SAAR, "street_suffix"), fuzzy=False)
        self.street = re.compile(rf"\b[a-z][a-z'\-]{{2,}}?(?:{suffixes})\b")
        self.street_stop = frozenset(base(w) for w in lx(SAAR, "street_stop"))

        # --- signalement -------------------------------------------------------
        def lex_re(section: str, name: str) -> re.Pattern[str]:
            ws = lx(section, name)
            return re.compile(rf"\b(?:{words_regex(ws)}){SUFFIX}(?![a-z])") if ws else _NEVER

        h = HINT_SIGNALEMENT
        self.person = re.compile(
            _alt([lex_re(h, "person").pattern, *[pack.expand(h, p) for p in px(h, "person")]])
        )
        self.vehicle = re.compile(
            _alt([lex_re(h, "vehicle").pattern, *[pack.expand(h, p) for p in px(h, "vehicle")]])
        )
        self.slots = {s: alt(h, "slot." + s) for s in SLOTS}

        # --- other conduct rules ------------------------------------------------
        self.acc_pointer = alt(ACC, "pointer")
        self.acc_name = alt(ACC, "name_pointer")
        self.acc_accuse = alt(ACC, "accuse")
        self.acc_direct = alt(ACC, "direct")
        self.acc_group = alt(ACC, "group_blame")
        self.vig_call = alt(VIG, "call")
        self.vig_threat = alt(VIG, "threat")
        self.vig_neg = alt(VIG, "negation")
        self.off_topic = re.compile(
            _alt([lex_re(OFF, "topic").pattern, *[pack.expand(OFF, p) for p in px(OFF, "topic")]])
        )
        self.ack_words = frozenset(tok for w in lx(OFF, "ack") for tok in base(w).split())
        self.ack_only = alt(OFF, "ack_only")
        self.share = alt(CONF, "share")
        self.share_neg = alt(CONF, "negation")

    # ---------------------------------------------------------------------------
    def unmask(self, token: str) -> str:
        rx = re.compile("".join("[a-z]{1,3}" if c in "*#" else re.escape(c) for c in token))
        for w in self._unmask_words:
            if rx.fullmatch(w):
                return w
        return token.replace("*", "").replace("#", "")

    def language(self, t: str) -> tuple[str, str] | None:
        """(kind, evidence) of the first language problem in base form ``t``."""
        d = deobfuscate(t, self.unmask)
        for m in self.lang_words.finditer(d):
            word = _word_at(d, m.start(), m.end())
            if self.allow.fullmatch(word) or self._mentioned(d, m.start(), m.end()):
                continue
            kind = "curse"
            for cat, rx in self.lang_cats:
                if rx.fullmatch(word):
                    kind = cat
                    break
            return kind, word
        for rx, kind in ((self.lang_phrase, "phrase"), (self.lang_ctx, "insult")):
            for m in rx.finditer(d):
                if not self._mentioned(d, m.start(), m.end()):
                    return kind, m.group(0).strip()
        m2 = self.hate_standalone.search(d)
        if m2 and not self._mentioned(d, m2.start(), m2.end()):
            return "hate", m2.group(0)
        if self.group.search(d):
            for m in self.hate.finditer(d):
                lo, hi = _sentence(d, m.start(), m.end())
                if self._mentioned(d, m.start(), m.end()) or self.hate_negation.search(
                    d[lo:hi].strip()
                ):
                    continue
                return "hate", m.group(0)
        return None

    def _mentioned(self, d: str, start: int, end: int) -> bool:
        """Quoted, or in a sentence that condemns rather than uses the words."""
        if _in_quotes(d, start):
            return True
        lo, hi = _sentence(d, start, end)
        return self.mention.search(d, lo, hi) is not None

    def report(self, t: str) -> tuple[bool, str | None, str]:
        """(is a report, incident kind, matched evidence).

        A message about an incident that is not a report (an update, a police tip) has
        evidence but no report: it is on topic all the same.
        """
        found: dict[str, str] = {}
        for m in self.incident.finditer(t):
            found.setdefault(m.lastgroup or "", m.group(0).strip())
        if not found:
            return False, None, ""
        if self.exclude.search(t):
            return False, None, next(iter(found.values()))
        for i, kind in enumerate(self.kinds):
            if f"k{i}" in found:
                return True, kind, found[f"k{i}"]
        return True, None, next(iter(found.values()))

    def police_called(self, t: str) -> bool:
        for m in self.called.finditer(t):
            lo, hi = _clause(t, m.start(), m.end())
            if _clause_is_question(t, hi) or self.not_called.search(t[lo:hi].strip()):
                continue
            return True
        return False

    def place(self, t: str) -> str | None:
        for m in self.street.finditer(t):
            word = m.group(0)
            if word not in self.street_stop:
                return word
        return None

    def missing_slots(self, t: str) -> tuple[str, ...]:
        person = self.person.search(t) is not None
        vehicle = self.vehicle.search(t) is not None
        if not (person or vehicle):
            return ()
        relevant = set(COMMON_SLOTS)
        if person:
            relevant.update(PERSON_SLOTS)
        if vehicle:
            relevant.update(VEHICLE_SLOTS)
        return tuple(s for s in SLOTS if s in relevant and not self.slots[s].search(t))

    def _first_unnegated(
        self, rx: re.Pattern[str], neg: re.Pattern[str], t: str, *, questions: bool
    ) -> str | None:
        """First match of ``rx`` whose clause is not negated (nor a question, unless
        ``questions`` count)."""
        for m in rx.finditer(t):
            lo, hi = _clause(t, m.start(), m.end())
            if neg.search(t, lo, hi) or (not questions and _clause_is_question(t, hi)):
                continue
            return m.group(0)
        return None

    def accusation(self, t: str, raw: str) -> str | None:
        for rx in (self.acc_direct, self.acc_group):
            m = rx.search(t)
            if m:
                return m.group(0)
        if self.acc_accuse.search(t) is None:
            return None
        for text in (t, raw):
            rx = self.acc_pointer if text is t else self.acc_name
            low = text if text is t else text.lower()
            for ptr in rx.finditer(text):
                _, hi = _sentence(low, ptr.start(), ptr.end())
                acc = self.acc_accuse.search(low, ptr.end(), hi)
                if acc:
                    return f"{ptr.group(0).strip()} … {acc.group(0).strip()}"
        return None

    def vigilante(self, t: str) -> str | None:
        return self._first_unnegated(
            self.vig_call, self.vig_neg, t, questions=True
        ) or self._first_unnegated(self.vig_threat, self.vig_neg, t, questions=True)

    def confidentiality(self, t: str) -> str | None:
        return self._first_unnegated(self.share, self.share_neg, t, questions=False)

    def off_topic_hit(self, t: str, raw: str, has_media: bool) -> str | None:
        m = self.off_topic.search(t)
        if m:
            return m.group(0)
        if has_media:
            return None
        toks = re.findall(r"[a-z0-9']+", t)
        if not toks:
            return raw.strip() or None
        if len(toks) <= 8 and all(tok in self.ack_words for tok in toks):
            return t
        m = self.ack_only.fullmatch(t.strip(" .!,"))
        return m.group(0) if m else None


def classify(text: str, pack: Pack, *, has_media: bool = False) -> Verdict:
    """Judge one message.  Pure and deterministic; never raises on any ``str``."""
    c: CompiledPack = pack.compiled
    raw = unicodedata.normalize("NFC", text) if not text.isascii() else text
    t = base(text)
    findings: list[Finding] = []

    def add(rule: str, kind: str, evidence: str) -> None:
        findings.append(Finding(rule, evidence, pack.reason(rule, kind, evidence)))

    is_report, kind, report_ev = c.report(t)
    called = c.police_called(t)
    place = c.place(t) if is_report else None
    if pack.enabled(LANG):
        hit = c.language(t)
        if hit:
            add(LANG, hit[0], hit[1])
    # An accusation or a call to act oneself is answered as such (one answer per
    # message, DESIGN §8.5): it does not also get the "did you call 101" reminder.
    acted = False
    if pack.enabled(ACC):
        ev = c.accusation(t, raw)
        if ev:
            add(ACC, "", ev)
            acted = True
    if pack.enabled(VIG):
        ev = c.vigilante(t)
        if ev:
            add(VIG, "", ev)
            acted = True
    if is_report and not called and not acted and pack.enabled(SAAR):
        add(SAAR, kind or "", report_ev)
    if pack.enabled(CONF):
        ev = c.confidentiality(t)
        if ev:
            add(CONF, "", ev)
    if not report_ev and not called and pack.enabled(OFF):
        ev = c.off_topic_hit(t, raw, has_media)
        if ev:
            add(OFF, "", ev)
    hints: tuple[Hint, ...] = ()
    if is_report:
        missing = c.missing_slots(t)
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
    return Verdict(tuple(findings), hints, is_report, called, kind, place)
