"""Rule packs: loading, validation, per-group overrides, compilation and caching.

The schema is documented in ``rules/README.md``.  A pack is a TOML file; packs shipped
with the package live in ``rules/packs/<locale>.toml``.  A pack may ``extends`` another
shipped pack: tables are merged key by key, lists and strings of the child replace
those of the parent.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path
from typing import Any

from . import analysis_cache
from .analysis_cache import remembered
from .model import HINT_SIGNALEMENT, LOCALES, POLICY_ACTIONS, RULE_IDS, SLOTS, PackError

SECTIONS = (*RULE_IDS, HINT_SIGNALEMENT)

# Which named word lists and pattern lists each section may carry.  A name ending in
# "." is a prefix: any name starting with it is allowed (e.g. "incident.inbraak").
LEXICON_NAMES: dict[str, frozenset[str]] = {
    "conduct.language": frozenset(
        {
            "curse",
            "curse_prefix",
            "insult",
            "insult_head",
            "slur",
            "slur_head",
            "contextual",
            "group",
            "allow",
        }
    ),
    "saar.police_first": frozenset({"report", "street_suffix", "street_stop"}),
    "conduct.accusation": frozenset({"crime", "group"}),
    "conduct.vigilante": frozenset({"weapon", "violence"}),
    "conduct.off_topic": frozenset({"topic", "ack"}),
    "conduct.confidentiality": frozenset({"platform"}),
    HINT_SIGNALEMENT: frozenset({"person", "vehicle"}),
}
PATTERN_NAMES: dict[str, frozenset[str]] = {
    "conduct.language": frozenset(
        {
            "phrase",
            "frame_before",
            "frame_after",
            "hate_predicate",
            "hate_standalone",
            "hate_negation",
            "mention",
        }
    ),
    "saar.police_first": frozenset({"called", "not_called", "exclude", "incident."}),
    "conduct.accusation": frozenset({"pointer", "name_pointer", "accuse", "direct", "group_blame"}),
    "conduct.vigilante": frozenset({"call", "threat", "negation", "innocent"}),
    "conduct.off_topic": frozenset({"topic", "ack_only", "exclude"}),
    "conduct.confidentiality": frozenset({"share", "negation"}),
    HINT_SIGNALEMENT: frozenset({"person", "vehicle", "slot."}),
}
# The lexicon that override ``words.add`` extends, per rule.
PRIMARY_LEXICON: dict[str, str] = {
    "conduct.language": "insult",
    "saar.police_first": "report",
    "conduct.accusation": "crime",
    "conduct.vigilante": "weapon",
    "conduct.off_topic": "topic",
    "conduct.confidentiality": "platform",
}
REQUIRED_TEXTS = ("rules_summary", "reminder_default", "signalement_hint", "and")
TOP_KEYS = frozenset({"pack", "texts", "slot_names", "rules", "lexicons", "patterns"})
_PLACEHOLDER = re.compile(r"\{@([a-z_]+)\}")
_NUMBER_OK = re.compile(r"^\+?[0-9][0-9 .\-/]{1,18}$")


def _name_allowed(section: str, name: str, table: Mapping[str, frozenset[str]]) -> bool:
    allowed = table.get(section, frozenset())
    if name in allowed:
        return True
    return any(a.endswith(".") and name.startswith(a) and len(name) > len(a) for a in allowed)


@dataclass(frozen=True)
class RuleConf:
    enabled: bool
    policy: tuple[str, ...]
    reply: str
    reason: str
    reasons: tuple[tuple[str, str], ...]


def _deep_merge(base: Mapping[str, Any], child: Mapping[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for k, v in child.items():
        if isinstance(v, Mapping) and isinstance(out.get(k), Mapping):
            out[k] = _deep_merge(out[k], v)
        else:
            out[k] = v
    return out


def _shipped_path(locale: str) -> Any:
    return resources.files("rules").joinpath("packs").joinpath(f"{locale}.toml")


def _read_toml(path: Any, label: str) -> dict[str, Any]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise PackError(f"{label}: cannot read pack file: {exc}") from exc
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise PackError(f"{label}: invalid TOML: {exc}") from exc


def _read_with_extends(path: Any, label: str, depth: int = 0) -> dict[str, Any]:
    data = _read_toml(path, label)
    meta = data.get("pack", {})
    parent = meta.get("extends") if isinstance(meta, Mapping) else None
    if parent:
        if not isinstance(parent, str) or parent not in LOCALES or depth > 3:
            raise PackError(f"{label}: [pack] extends: unknown or cyclic pack {parent!r}")
        base = _read_with_extends(_shipped_path(parent), f"{parent}.toml", depth + 1)
        data = _deep_merge(base, data)
    return data


def _compiles(source: str) -> bool:
    re.compile(source)  # raises re.error
    return True


def _is_true(value: object) -> bool:
    return value is True


def _err(label: str, entry: str, msg: str) -> PackError:
    return PackError(f"{label}: {entry}: {msg}")


def _str_list(label: str, entry: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(x, str) and x.strip() for x in value):
        raise _err(label, entry, "must be a list of non-empty strings")
    return tuple(value)


def numbers_regex(numbers: tuple[str, ...]) -> str:
    """Regex for emergency numbers, allowing separators between digits (1-1-2, 0900 8844)."""
    alts = []
    for n in sorted({re.sub(r"\D", "", x) for x in numbers}, key=lambda d: (-len(d), d)):
        if n:
            alts.append(r"[ .\-/]?".join(n))
    if not alts:
        return r"(?!x)x"
    return r"(?<![\d])(?:" + "|".join(alts) + r")(?![\d])"


def validate_overrides(overrides: Mapping[str, Any]) -> None:
    """Raise ``ValueError`` with a clear message if ``overrides`` is not valid."""
    if not isinstance(overrides, Mapping):
        raise ValueError("overrides must be a mapping")
    unknown = set(overrides) - {"rules", "words", "emergency_numbers"}
    if unknown:
        raise ValueError(f"unknown override key(s): {', '.join(sorted(unknown))}")
    rules = overrides.get("rules", {})
    if not isinstance(rules, Mapping):
        raise ValueError("overrides.rules must be a mapping of rule id to settings")
    for rid, conf in rules.items():
        if rid not in RULE_IDS:
            raise ValueError(f"overrides.rules: unknown rule id {rid!r}")
        if not isinstance(conf, Mapping):
            raise ValueError(f"overrides.rules.{rid} must be a mapping")
        extra = set(conf) - {"enabled", "policy"}
        if extra:
            raise ValueError(f"overrides.rules.{rid}: unknown key(s) {', '.join(sorted(extra))}")
        if "enabled" in conf and not isinstance(conf["enabled"], bool):
            raise ValueError(f"overrides.rules.{rid}.enabled must be true or false")
        if "policy" in conf:
            pol = conf["policy"]
            if not isinstance(pol, list | tuple) or not all(p in POLICY_ACTIONS for p in pol):
                raise ValueError(
                    f"overrides.rules.{rid}.policy must be a list of {', '.join(POLICY_ACTIONS)}"
                )
    words = overrides.get("words", {})
    if not isinstance(words, Mapping):
        raise ValueError("overrides.words must be a mapping with 'add' and/or 'remove'")
    extra = set(words) - {"add", "remove"}
    if extra:
        raise ValueError(f"overrides.words: unknown key(s) {', '.join(sorted(extra))}")
    for op in ("add", "remove"):
        per_rule = words.get(op, {})
        if not isinstance(per_rule, Mapping):
            raise ValueError(f"overrides.words.{op} must be a mapping of rule id to words")
        for rid, lst in per_rule.items():
            if rid not in PRIMARY_LEXICON:
                raise ValueError(f"overrides.words.{op}: rule {rid!r} has no word list")
            if not isinstance(lst, list | tuple) or not all(
                isinstance(w, str) and w.strip() and len(w) <= 60 for w in lst
            ):
                raise ValueError(f"overrides.words.{op}.{rid} must be a list of words")
    nums = overrides.get("emergency_numbers")
    if nums is not None and (
        not isinstance(nums, list | tuple)
        or not nums
        or not all(isinstance(n, str) and _NUMBER_OK.match(n.strip()) for n in nums)
    ):
        raise ValueError("overrides.emergency_numbers must be a non-empty list of numbers")


class Pack:
    """A validated, merged and compiled rule pack.  Build it with :func:`load_pack`."""

    locale: str
    emergency_numbers: tuple[str, ...]

    def __init__(self, data: Mapping[str, Any], label: str) -> None:
        self.source = label
        for key in data:
            if key not in TOP_KEYS:
                raise _err(label, key, f"unknown top-level table (allowed: {sorted(TOP_KEYS)})")
        meta = data.get("pack")
        if not isinstance(meta, Mapping):
            raise _err(label, "[pack]", "missing table")
        locale = meta.get("locale")
        if not isinstance(locale, str) or not locale:
            raise _err(label, "[pack] locale", "missing")
        self.locale = locale
        nums = _str_list(label, "[pack] emergency_numbers", meta.get("emergency_numbers"))
        for n in nums:
            if not _NUMBER_OK.match(n):
                raise _err(label, "[pack] emergency_numbers", f"not a phone number: {n!r}")
        self.emergency_numbers = nums
        self.language = str(meta.get("language", locale.split("-")[0]))

        texts = data.get("texts")
        if not isinstance(texts, Mapping):
            raise _err(label, "[texts]", "missing table")
        for key in REQUIRED_TEXTS:
            if not isinstance(texts.get(key), str) or not texts[key].strip():
                raise _err(label, f"[texts] {key}", "missing text")
        if "{missing}" not in texts["signalement_hint"]:
            raise _err(label, "[texts] signalement_hint", "must contain {missing}")
        self._texts: dict[str, str] = {}
        for k, v in texts.items():
            if not isinstance(v, str):
                raise _err(label, f"[texts] {k}", "must be a string")
            self._texts[k] = v

        slot_names = data.get("slot_names")
        if not isinstance(slot_names, Mapping):
            raise _err(label, "[slot_names]", "missing table")
        for s in SLOTS:
            if not isinstance(slot_names.get(s), str):
                raise _err(label, f"[slot_names] {s}", "missing name of slot")
        for s in slot_names:
            if s not in SLOTS:
                raise _err(label, f"[slot_names] {s}", "unknown slot")
        self.slot_names: dict[str, str] = {s: str(slot_names[s]) for s in SLOTS}

        rules = data.get("rules")
        if not isinstance(rules, Mapping):
            raise _err(label, "[rules]", "missing table")
        for rid in rules:
            if rid not in RULE_IDS:
                raise _err(label, f'[rules."{rid}"]', "unknown rule id")
        self._rules: dict[str, RuleConf] = {}
        self._templates: dict[tuple[str, str], str] = {}  # (rule id, kind) -> reason text
        for rid in RULE_IDS:
            conf = rules.get(rid)
            entry = f'[rules."{rid}"]'
            if not isinstance(conf, Mapping):
                raise _err(label, entry, "missing rule")
            extra = set(conf) - {"enabled", "policy", "reply", "reason", "reasons"}
            if extra:
                raise _err(label, entry, f"unknown key(s) {sorted(extra)}")
            enabled = conf.get("enabled", True)
            if not isinstance(enabled, bool):
                raise _err(label, f"{entry} enabled", "must be true or false")
            policy = _str_list(label, f"{entry} policy", conf.get("policy"))
            for p in policy:
                if p not in POLICY_ACTIONS:
                    raise _err(label, f"{entry} policy", f"unknown action {p!r}")
            reply = conf.get("reply")
            if not isinstance(reply, str) or not reply.strip():
                raise _err(label, f"{entry} reply", "missing reply text")
            reason = conf.get("reason")
            if not isinstance(reason, str) or not reason.strip():
                raise _err(label, f"{entry} reason", "missing reason text")
            reasons = conf.get("reasons", {})
            if not isinstance(reasons, Mapping) or not all(
                isinstance(v, str) for v in reasons.values()
            ):
                raise _err(label, f"{entry} reasons", "must be a table of texts")
            self._rules[rid] = RuleConf(
                enabled, policy, reply, reason, tuple(sorted(reasons.items()))
            )

        self.lexicons: dict[str, dict[str, tuple[str, ...]]] = {}
        self.patterns: dict[str, dict[str, tuple[str, ...]]] = {}
        for table_name, names, target in (
            ("lexicons", LEXICON_NAMES, self.lexicons),
            ("patterns", PATTERN_NAMES, self.patterns),
        ):
            table = data.get(table_name, {})
            if not isinstance(table, Mapping):
                raise _err(label, f"[{table_name}]", "must be a table")
            for section, entries in table.items():
                if section not in SECTIONS:
                    raise _err(label, f'[{table_name}."{section}"]', "unknown rule id")
                if not isinstance(entries, Mapping):
                    raise _err(label, f'[{table_name}."{section}"]', "must be a table")
                target[section] = {}
                for name, value in entries.items():
                    entry = f'[{table_name}."{section}"] {name}'
                    if not _name_allowed(section, name, names):
                        raise _err(label, entry, "unknown list name for this rule")
                    if name.startswith("slot.") and not all(
                        s in SLOTS for s in name[5:].split("+")
                    ):
                        raise _err(label, entry, f"unknown slot (slots: {', '.join(SLOTS)})")
                    target[section][name] = _str_list(label, entry, value)
        self._validate_patterns(label)
        self._compiled: Any = None

    # -- validation of regexes -------------------------------------------------
    def expand(self, section: str, pattern: str) -> str:
        """Replace ``{@name}`` placeholders by the compiled word list / numbers."""
        from .lexicon import words_regex

        def repl(m: re.Match[str]) -> str:
            name = m.group(1)
            if name == "numbers":
                return numbers_regex(self.emergency_numbers)
            for sec in (section, "conduct.language"):
                lst = self.lexicons.get(sec, {}).get(name)
                if lst is not None:
                    return "(?:" + words_regex(lst, fuzzy=False) + ")"
            raise KeyError(name)

        return _PLACEHOLDER.sub(repl, pattern)

    def _validate_patterns(self, label: str) -> None:
        for section, entries in self.patterns.items():
            for name, pats in entries.items():
                for i, pat in enumerate(pats):
                    entry = f'[patterns."{section}"] {name}[{i}]'
                    try:
                        source = self.expand(section, pat)
                        # Remembered between runs: only a pattern that compiled is stored.
                        remembered("valid", source, partial(_compiles, source), _is_true)
                    except KeyError as exc:
                        name = exc.args[0]
                        raise _err(label, entry, f"unknown placeholder {{@{name}}}") from None
                    except re.error as exc:
                        raise _err(label, entry, f"bad pattern {pat!r}: {exc}") from None

    # -- public accessors --------------------------------------------------------
    def enabled(self, rule_id: str) -> bool:
        return self._rule(rule_id).enabled

    def policy(self, rule_id: str) -> tuple[str, ...]:
        return self._rule(rule_id).policy

    def reply(self, rule_id: str) -> str:
        return self._rule(rule_id).reply

    def reason(self, rule_id: str, kind: str = "", evidence: str = "") -> str:
        try:  # called for every finding: the template is looked up once per kind
            template = self._templates[rule_id, kind]
        except KeyError:
            conf = self._rule(rule_id)
            template = self._templates[rule_id, kind] = dict(conf.reasons).get(kind, conf.reason)
        return template.replace("{evidence}", evidence)

    def text(self, key: str) -> str:
        try:
            return self._texts[key]
        except KeyError:
            raise KeyError(f"pack {self.locale}: no text {key!r}") from None

    def _rule(self, rule_id: str) -> RuleConf:
        try:
            return self._rules[rule_id]
        except KeyError:
            raise KeyError(f"unknown rule id {rule_id!r}") from None

    def lexicon(self, section: str, name: str) -> tuple[str, ...]:
        return self.lexicons.get(section, {}).get(name, ())

    def pattern_list(self, section: str, name: str) -> tuple[str, ...]:
        return self.patterns.get(section, {}).get(name, ())

    @property
    def compiled(self) -> Any:
        if self._compiled is None:
            from .classify import CompiledPack

            self._compiled = CompiledPack(self)
            analysis_cache.save()
        return self._compiled

    def __repr__(self) -> str:
        return f"<Pack {self.locale} from {self.source}>"


def _apply_overrides(data: dict[str, Any], overrides: Mapping[str, Any]) -> dict[str, Any]:
    from .normalize import normalise_word

    data = _deep_merge(data, {})
    rules = {k: dict(v) for k, v in data.get("rules", {}).items()}
    for rid, conf in overrides.get("rules", {}).items():
        if "enabled" in conf:
            rules[rid]["enabled"] = conf["enabled"]
        if "policy" in conf:
            rules[rid]["policy"] = list(conf["policy"])
    data["rules"] = rules
    lex = {k: dict(v) for k, v in data.get("lexicons", {}).items()}
    words = overrides.get("words", {})
    for rid, lst in words.get("add", {}).items():
        name = PRIMARY_LEXICON[rid]
        section = lex.setdefault(rid, {})
        section[name] = list(section.get(name, [])) + [w.strip() for w in lst]
    for rid, lst in words.get("remove", {}).items():
        gone = {normalise_word(w) for w in lst}
        section = lex.setdefault(rid, {})
        for name in list(section):
            if name == "allow":
                continue
            section[name] = [w for w in section[name] if normalise_word(w) not in gone]
            if not section[name]:
                del section[name]
    data["lexicons"] = lex
    if overrides.get("emergency_numbers"):
        meta = dict(data["pack"])
        meta["emergency_numbers"] = [n.strip() for n in overrides["emergency_numbers"]]
        data["pack"] = meta
    return data


@lru_cache(maxsize=8)
def _shipped_data(locale: str) -> dict[str, Any]:
    return _read_with_extends(_shipped_path(locale), f"{locale}.toml")


def overrides_key(overrides: Mapping[str, Any] | None) -> str:
    """Stable hash of an overrides mapping (key order does not matter)."""
    if not overrides:
        return ""
    blob = json.dumps(overrides, sort_keys=True, ensure_ascii=True, default=list)
    return hashlib.sha256(blob.encode()).hexdigest()


@lru_cache(maxsize=256)
def _load_cached(locale: str, key: str, blob: str) -> Pack:
    data = _shipped_data(locale)
    if blob:
        data = _apply_overrides(data, json.loads(blob))
    pack = Pack(data, f"{locale}.toml" + (f" (+overrides {key[:8]})" if key else ""))
    pack.compiled  # noqa: B018 - compile once, inside the cache
    return pack


def load_pack(locale: str = "nl-BE", overrides: Mapping[str, Any] | None = None) -> Pack:
    """The shipped pack for ``locale`` with ``overrides`` merged; compiled and cached."""
    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r} (known: {', '.join(LOCALES)})")
    if overrides:
        validate_overrides(overrides)
        blob = json.dumps(overrides, sort_keys=True, ensure_ascii=True, default=list)
    else:
        blob = ""
    return _load_cached(locale, overrides_key(overrides), blob)


def load_pack_file(path: str | Path) -> Pack:
    """Load and validate a pack file from disk (no overrides, not cached)."""
    p = Path(path)
    pack = Pack(_read_with_extends(p, p.name), p.name)
    pack.compiled  # noqa: B018
    return pack
