"""The members a group removed for good (DESIGN §8.10), so `/unban @naam` works after they left.

One hash per chat: pseudonym -> {at, by, reason, name}. `name` is the display name the member
had, so coordinators can find them back; no platform ids or phone numbers are stored here.
"""

from __future__ import annotations

import json
from typing import Any

from bot.events import ChatRef
from bot.store import Store

TTL_DAYS = 3 * 365  # garbage collection only; refreshed on every change


class Bans:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _key(self, chat: ChatRef) -> str:
        return self.store.keys.chat(chat, "banned")

    async def add(
        self, chat: ChatRef, pid: str, *, at: float, by: str, reason: str, name: str
    ) -> None:
        record = {"at": at, "by": by, "reason": reason, "name": name}
        key = self._key(chat)
        await self.store.redis.hset(key, pid, json.dumps(record, ensure_ascii=False))
        await self.store.redis.expire(key, TTL_DAYS * 86400)

    async def remove(self, chat: ChatRef, pid: str) -> bool:
        return bool(await self.store.redis.hdel(self._key(chat), pid))

    async def get(self, chat: ChatRef, pid: str) -> dict[str, Any] | None:
        raw = await self.store.redis.hget(self._key(chat), pid)
        return json.loads(raw) if raw else None

    async def all(self, chat: ChatRef) -> dict[str, dict[str, Any]]:
        h: dict[str, str] = await self.store.redis.hgetall(self._key(chat))
        return {pid: json.loads(raw) for pid, raw in h.items()}

    async def find_by_name(self, chat: ChatRef, name: str) -> str | None:
        """The pseudonym of a banned member by the display name they had (case-insensitive)."""
        wanted = name.lstrip("@").casefold()
        for pid, record in (await self.all(chat)).items():
            if str(record.get("name", "")).casefold() == wanted:
                return pid
        return None
