"""Public data types of the classifier: rule ids, slots, findings, hints, verdicts."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

RULE_IDS: tuple[str, ...] = (
    "saar.police_first",
    "conduct.language",
    "conduct.accusation",
    "conduct.vigilante",
    "conduct.off_topic",
    "conduct.confidentiality",
    "report.one_message",
    "report.duplicate",
    "report.photo_context",
)
"""The nine rule ids of DESIGN §2 (the hint ``signalement.missing`` is not a rule)."""

HINT_SIGNALEMENT = "signalement.missing"

SLOTS: tuple[str, ...] = (
    "gender",
    "age",
    "height",
    "build",
    "skin_colour",
    "hair",
    "face",
    "clothing",
    "vehicle",
    "plate",
    "direction",
    "time",
    "place",
)
"""The signalement slots, in DESIGN order."""

LOCALES: tuple[str, ...] = ("nl-BE", "nl-NL", "en")

POLICY_ACTIONS: tuple[str, ...] = ("remind", "delete", "warn", "notify")


def without_delete(policy: Iterable[str]) -> tuple[str, ...]:
    """``policy`` where the bot does not delete (a report, an estimate, no right to): it
    reminds and notifies instead."""
    return tuple(dict.fromkeys((*(p for p in policy if p != "delete"), "remind", "notify")))


class PackError(Exception):
    """A rule pack (or a per-group override) is invalid; the message names file and entry."""


@dataclass(frozen=True)
class Finding:
    """One broken rule: ``reason`` is one plain sentence for coordinators (pack language).
    ``learned``: found by the learned model (rules/learned.py), not by a pattern: an
    estimate, which the bot never deletes for."""

    rule_id: str
    evidence: str
    reason: str
    learned: bool = False


@dataclass(frozen=True)
class Hint:
    """A private hint to the author; never a violation."""

    id: str
    missing: tuple[str, ...]
    text: str


@dataclass(frozen=True)
class Verdict:
    findings: tuple[Finding, ...]
    hints: tuple[Hint, ...]
    is_report: bool
    police_called: bool
    incident_kind: str | None
    place: str | None

    @property
    def violations(self) -> tuple[str, ...]:
        """Sorted unique rule ids of the findings."""
        return tuple(sorted({f.rule_id for f in self.findings}))
