"""Periodic housekeeping, run by the scheduler once per period across all replicas.

Each job is claimed per period (`SET NX` on `rem:job:<name>:p<period index>`, the period taken
from the injected clock), so with N replicas it runs once. Age is judged from timestamps stored
in the data (DESIGN §8.6), never from Redis TTLs, which only collect garbage.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.actions import Action, ActionKind
from bot.audit import trim_stream_older_than
from bot.events import ChatRef
from bot.reminders import Reminders

if TYPE_CHECKING:
    from bot.pipeline import Pipeline
    from bot.scheduler import SchedulerConfig
    from bot.services import Services

from bot.membership import JOIN_REQUESTS
from bot.stateful import MESSAGE_DERIVED

log = logging.getLogger(__name__)

# MESSAGE_DERIVED (bot/stateful.py): per-chat keys derived from members' messages, purged after
# BUURTBOT_RETENTION_DAYS. `{chat}:<name>` and `{chat}:<name>:<anything>` (e.g. per pseudonym)
# are covered; a key may be a ZSET scored by time, a HASH whose values are a timestamp ("time|…")
# or JSON with "at", or a STREAM whose entries have an "at" field.
#: A pending join request (bot/membership.py) older than this is declined.
JOIN_REQUEST_MAX_AGE = 24 * 3600
#: Global keys that the pipeline writes with a TTL; any that lost it get one again.
DEDUPE_KEYS: tuple[str, ...] = ("seen", "done", "attempts")

HOUR = 3600.0
DAY = 24 * HOUR


@dataclass(frozen=True)
class Job:
    name: str
    period: float
    run: Callable[[float], Awaitable[int]]


def _timestamp(value: str) -> float | None:
    try:
        return float(value.split("|", 1)[0])
    except ValueError:
        pass
    try:
        d = json.loads(value)
    except ValueError:
        return None
    if isinstance(d, dict) and isinstance(d.get("at"), int | float):
        return float(d["at"])
    return None


class Housekeeping:
    def __init__(self, services: Services, pipeline: Pipeline, cfg: SchedulerConfig) -> None:
        self.s = services
        self.r = services.store.redis
        self.k = services.store.keys
        self.pipeline = pipeline
        self.cfg = cfg

    def jobs(self) -> list[Job]:
        return [
            Job("purge-messages", DAY, self.purge_message_data),
            Job("trim-audit", DAY, self.trim_audit),
            Job("refresh-admins", HOUR, self.refresh_admins),
            Job("expire-joinreq", HOUR, self.expire_join_requests),
            Job("expire-dedupe", DAY, self.expire_dedupe_keys),
            Job("reschedule", HOUR, self.reschedule_reminders),
        ]

    async def _scan(self, *patterns: str) -> list[str]:
        keys: list[str] = []
        for pattern in patterns:
            keys.extend([k async for k in self.r.scan_iter(match=pattern, count=500)])
        return keys

    async def purge_message_data(self, now: float) -> int:
        cutoff = now - self.cfg.retention_days * DAY
        removed = 0
        for name in MESSAGE_DERIVED:
            pattern = self.k.chat_pattern(name)
            for key in await self._scan(pattern, pattern + ":*"):
                removed += await self._purge_key(key, cutoff)
        return removed

    async def _purge_key(self, key: str, cutoff: float) -> int:
        kind = await self.r.type(key)
        if kind == "zset":
            return int(await self.r.zremrangebyscore(key, "-inf", f"({cutoff}"))
        if kind == "stream":
            return await trim_stream_older_than(self.r, key, cutoff)
        if kind == "hash":
            old = []
            async for field, value in self.r.hscan_iter(key, count=500):
                at = _timestamp(value)
                if at is not None and at < cutoff:
                    old.append(field)
            return int(await self.r.hdel(key, *old)) if old else 0
        log.warning("retention: a %s key cannot be purged by age", kind)
        return 0

    async def trim_audit(self, now: float) -> int:
        cutoff = now - self.cfg.audit_retention_days * DAY
        removed = 0
        for chat in await self.s.groups.all():
            removed += await self.s.audit.trim_older_than(chat, cutoff)
        return removed

    async def refresh_admins(self, now: float) -> int:
        """Ask adapters that cache administrator lists to refresh them (optional method)."""
        refreshed = 0
        for chat in await self.s.groups.all():
            adapter = self.s.adapters.get(chat.platform)
            refresh: Any = getattr(adapter, "refresh_admins", None)
            if refresh is None:
                continue
            try:
                await refresh(chat)
                refreshed += 1
            except Exception as exc:
                log.warning("refreshing admins in a %s group failed: %s", chat.platform,
                            type(exc).__name__)  # fmt: skip
        return refreshed

    async def expire_join_requests(self, now: float) -> int:
        """Join requests nobody answered within 24 h: declined where the chat can, else dropped."""
        expired = 0
        for chat in await self.s.groups.all():
            key = self.k.chat(chat, JOIN_REQUESTS)
            h: dict[str, str] = await self.r.hgetall(key)
            for pid, value in h.items():
                at = _timestamp(value)
                if at is None or now - at <= JOIN_REQUEST_MAX_AGE:
                    continue
                await self._decline(chat, pid, value, at)
                await self.r.hdel(key, pid)
                expired += 1
        return expired

    async def _decline(self, chat: ChatRef, pid: str, value: str, at: float) -> None:
        adapter = self.s.adapters.get(chat.platform)
        if adapter is None or "approve_join" not in await adapter.capabilities(chat):
            return
        try:
            user_id = json.loads(value).get("user_id")
        except (ValueError, AttributeError):
            user_id = None
        if not user_id:
            alias = await self.s.store.alias(pid)
            user_id = alias.get("id") if alias else None
        if not user_id:
            return
        action = Action(
            ActionKind.DECLINE_JOIN,
            chat,
            user_id=str(user_id),
            reason="toetredingsverzoek verlopen (24 u zonder antwoord)",
            extra={"actor": "bot"},
        )
        await self.pipeline.enqueue([action], f"joinreq-{pid}-{int(at)}")

    async def expire_dedupe_keys(self, now: float) -> int:
        """Dedupe keys have TTLs; one that lost it (a restore, a manual SET) gets the dedupe
        window again, so nothing stays forever."""
        fixed = 0
        for name in DEDUPE_KEYS:
            for key in await self._scan(self.k.glob(name) + ":*"):
                if await self.r.ttl(key) == -1:
                    await self.r.expire(key, self.cfg.dedupe_seconds)
                    fixed += 1
        return fixed

    async def reschedule_reminders(self, now: float) -> int:
        """Repair: an active reminder missing from the due ZSET is put back."""
        reminders = Reminders(self.s.store, self.s.clock)
        repaired = 0
        for chat in await self.s.groups.all():
            for rem in await reminders.all(chat):
                repaired += await reminders.ensure_scheduled(rem)
        return repaired
