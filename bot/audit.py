"""The audit log of a group: a capped Redis Stream, trimmed by age too.

Every decision and action, automatic or by a coordinator, is one entry: who (pseudonym), what,
which rule, why, and the outcome. Coordinators read it with `/log`, operators with
`buurtbot admin audit GROUP`. Entries name people by pseudonym and hold no message text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from bot.events import ChatRef
from bot.store import Store

MAX_ENTRIES = 10_000


@dataclass(frozen=True)
class AuditEntry:
    id: str
    at: float
    actor: str  # pseudonym, "bot" or "admin-cli"
    action: str
    target: str = ""
    rule: str = ""
    reason: str = ""
    outcome: str = ""
    case: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "at": self.at,
            "actor": self.actor,
            "action": self.action,
            "target": self.target,
            "rule": self.rule,
            "reason": self.reason,
            "outcome": self.outcome,
            "case": self.case,
        }


class Audit:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _key(self, chat: ChatRef) -> str:
        return self.store.keys.chat(chat, "audit")

    async def record(
        self,
        chat: ChatRef,
        *,
        at: float,
        actor: str,
        action: str,
        target: str = "",
        rule: str = "",
        reason: str = "",
        outcome: str = "ok",
        case: str = "",
    ) -> str:
        fields = {
            "at": json.dumps(at),
            "actor": actor,
            "action": action,
            "target": target,
            "rule": rule,
            "reason": reason,
            "outcome": outcome,
            "case": case,
        }
        entry_id: str = await self.store.redis.xadd(
            self._key(chat), fields, maxlen=MAX_ENTRIES, approximate=True
        )
        return entry_id

    async def last(self, chat: ChatRef, count: int = 10) -> list[AuditEntry]:
        rows = await self.store.redis.xrevrange(self._key(chat), count=count)
        return [_entry(i, f) for i, f in reversed(rows)]

    async def all(self, chat: ChatRef) -> list[AuditEntry]:
        rows = await self.store.redis.xrange(self._key(chat))
        return [_entry(i, f) for i, f in rows]

    async def trim_older_than(self, chat: ChatRef, cutoff: float) -> int:
        """Drop entries whose clock time is before `cutoff` (the clock is injected, so
        the stream ids, which are server time, are not used for age)."""
        return await trim_stream_older_than(self.store.redis, self._key(chat), cutoff)


async def trim_stream_older_than(redis: Any, key: str, cutoff: float) -> int:
    """Delete entries of an append-only stream whose `at` field is before `cutoff`; stops at
    the first newer entry (entries are appended in time order)."""
    removed = 0
    while True:
        rows = await redis.xrange(key, count=200)
        old = [i for i, f in rows if float(f.get("at", "0")) < cutoff]
        if not old:
            return removed
        removed += int(await redis.xdel(key, *old))
        if len(old) < len(rows):
            return removed


def _entry(entry_id: str, f: dict[str, str]) -> AuditEntry:
    return AuditEntry(
        id=entry_id,
        at=float(f.get("at", "0")),
        actor=f.get("actor", ""),
        action=f.get("action", ""),
        target=f.get("target", ""),
        rule=f.get("rule", ""),
        reason=f.get("reason", ""),
        outcome=f.get("outcome", ""),
        case=f.get("case", ""),
    )
