"""The audit log in readable Dutch, for `/log` (coordinators) and `buurtbot admin audit`.

People are shown by the display name the bot last saw for their pseudonym (the alias hash);
never by platform id or phone number. A name that looks like a phone number is not shown.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.audit import AuditEntry
from bot.store import Store

ACTIONS: dict[str, str] = {
    "register": "groep geregistreerd",
    "warn": "waarschuwing",
    "unwarn": "waarschuwing ingetrokken",
    "remove": "verwijderd",
    "unban": "ban opgeheven",
    "settings": "instelling gewijzigd",
    "reply": "antwoord",
    "private_message": "privébericht",
    "delete": "bericht verwijderd",
    "ban": "uit de groep gezet (ban)",
    "kick": "uit de groep gezet",
    "mute": "zwijgen opgelegd",
    "approve_join": "toegelaten",
    "decline_join": "geweigerd bij toetreden",
    "notify_coordinators": "coördinatoren verwittigd",
    "pin": "bericht vastgemaakt",
    "role add": "rol gegeven",
    "role remove": "rol afgenomen",
    "kanaal": "coördinatorenkanaal ingesteld",
}
ACTORS = {"bot": "buurtbot", "admin-cli": "beheerder (CLI)"}
OUTCOMES = {"ok": "", "refused": "geweigerd"}
_PHONE = re.compile(r"^\+?[0-9][0-9 .\-/()]{5,}$")


def action_label(action: str) -> str:
    if action.startswith("/"):
        return f"commando {action}"
    return ACTIONS.get(action, action)


def outcome_label(outcome: str) -> str:
    if outcome.startswith("failed:"):
        return "mislukt:" + outcome.removeprefix("failed:")
    return OUTCOMES.get(outcome, outcome)


async def display_names(store: Store, entries: Iterable[AuditEntry]) -> dict[str, str]:
    """Pseudonym -> display name for the actors and targets of these entries, where known."""
    names: dict[str, str] = {}
    for pid in {p for e in entries for p in (e.actor, e.target) if p and p not in ACTORS}:
        alias = await store.alias(pid) or {}
        name = str(alias.get("name") or alias.get("username") or "")
        if name and not _PHONE.match(name):
            names[pid] = name
    return names


def describe(
    e: AuditEntry,
    names: Mapping[str, str],
    timezone: str,
    *,
    time_format: str = "%d/%m %H:%M",
    with_pseudonyms: bool = False,
) -> str:
    """One line: when, who, what, about whom, which rule, why, and the outcome if not ok."""

    def who(pid: str) -> str:
        if pid in ACTORS:
            return ACTORS[pid]
        name = names.get(pid)
        if name is None:
            return pid
        return f"{name} ({pid})" if with_pseudonyms else name

    when = datetime.fromtimestamp(e.at, ZoneInfo(timezone)).strftime(time_format)
    bits = [when, f"{who(e.actor)}:", action_label(e.action)]
    if e.target:
        bits.append(f"→ {who(e.target)}")
    if e.rule:
        bits.append(f"[{e.rule}]")
    if e.case:
        bits.append(f"zaak {e.case}")
    if e.reason and e.reason != action_label(e.action):
        bits.append(f"— {e.reason}")
    outcome = outcome_label(e.outcome)
    if outcome:
        bits.append(f"({outcome})")
    return " ".join(bits)
