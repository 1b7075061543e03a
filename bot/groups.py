"""Per-group configuration and roles (no TTL: this is configuration, DESIGN §5).

A group registers itself on its first event with the defaults of the deployment's locale, so
nothing needs setting up before the bot works in a chat it was added to earlier.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from bot.events import ChatRef
from bot.store import Store


class Role(StrEnum):
    COORDINATOR = "coordinator"
    TRUSTED = "trusted"
    MEMBER = "member"


@dataclass
class GroupConfig:
    locale: str = "nl-BE"
    timezone: str = "Europe/Brussels"
    registered_at: float = 0.0
    name: str = ""  # the neighbourhood's short name, optional
    warn_limit: int = 3
    warn_expiry_days: int = 90
    warn_mode: str = "ban"  # or "propose"
    overrides: dict[str, Any] = field(default_factory=dict)  # rule pack overrides
    coordinators_channel: str = ""  # "<platform>:<chat id>" of the coordinators' channel
    trial: bool = False  # proefmodus: only tell the coordinators what would have been done
    paused_until: float = 0.0  # /pauze: incident mode

    def to_hash(self) -> dict[str, str]:
        return {k: json.dumps(v, ensure_ascii=False) for k, v in asdict(self).items()}

    @classmethod
    def from_hash(cls, h: dict[str, str]) -> GroupConfig:
        known = cls.__dataclass_fields__
        return cls(**{k: json.loads(v) for k, v in h.items() if k in known})


class Groups:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _cfg(self, chat: ChatRef) -> str:
        return self.store.keys.chat(chat, "cfg")

    async def ensure(self, chat: ChatRef, *, locale: str, timezone: str, now: float) -> bool:
        """Register the group with defaults if it is new; True when it was new."""
        cfg = GroupConfig(locale=locale, timezone=timezone, registered_at=now)
        r = self.store.redis
        created = bool(await r.hsetnx(self._cfg(chat), "registered_at", json.dumps(now)))
        if created:
            await r.hset(self._cfg(chat), mapping=cfg.to_hash())
            await r.sadd(self.store.keys.glob("groups"), chat.key)
        return created

    async def _index_channel(self, chat: ChatRef, before: str, after: str) -> None:
        """Keep `channels` (coordinators' channel -> the groups it serves) in step, so a case
        command typed in a channel finds its group."""
        key = self.store.keys.glob("channels")
        r = self.store.redis
        if before and before != after:
            served = [g for g in json.loads(await r.hget(key, before) or "[]") if g != chat.key]
            await (r.hset(key, before, json.dumps(served)) if served else r.hdel(key, before))
        if after:
            served = json.loads(await r.hget(key, after) or "[]")
            if chat.key not in served:
                await r.hset(key, after, json.dumps([*served, chat.key]))

    async def served_by(self, channel: ChatRef) -> list[ChatRef]:
        """The groups whose coordinators' channel this chat is."""
        raw = await self.store.redis.hget(self.store.keys.glob("channels"), channel.key)
        return [ChatRef.parse(g) for g in json.loads(raw or "[]")]

    async def get(self, chat: ChatRef) -> GroupConfig:
        h: dict[str, str] = await self.store.redis.hgetall(self._cfg(chat))
        return GroupConfig.from_hash(h)

    async def exists(self, chat: ChatRef) -> bool:
        return bool(await self.store.redis.exists(self._cfg(chat)))

    async def update(self, chat: ChatRef, **values: Any) -> None:
        known = GroupConfig.__dataclass_fields__
        for k in values:
            if k not in known:
                raise KeyError(k)
        if "coordinators_channel" in values:
            before = (await self.get(chat)).coordinators_channel
            await self._index_channel(chat, before, str(values["coordinators_channel"]))
        await self.store.redis.hset(
            self._cfg(chat),
            mapping={k: json.dumps(v, ensure_ascii=False) for k, v in values.items()},
        )

    async def all(self) -> list[ChatRef]:
        names: set[str] = await self.store.redis.smembers(self.store.keys.glob("groups"))
        return [ChatRef.parse(n) for n in sorted(names)]

    async def resolve(self, name: str) -> ChatRef:
        """A group by `<platform>:<chat id>` or by its neighbourhood's short name."""
        if ":" in name:
            return ChatRef.parse(name)
        for chat in await self.all():
            if (await self.get(chat)).name == name:
                return chat
        raise LookupError(f"no group named {name!r}")

    # -- roles ------------------------------------------------------------------------------
    async def set_role(self, chat: ChatRef, pid: str, role: Role) -> None:
        key = self.store.keys.chat(chat, "roles")
        if role is Role.MEMBER:
            await self.store.redis.hdel(key, pid)
        else:
            await self.store.redis.hset(key, pid, role.value)

    async def role_of(self, chat: ChatRef, pid: str) -> Role:
        v = await self.store.redis.hget(self.store.keys.chat(chat, "roles"), pid)
        return Role(v) if v else Role.MEMBER

    async def roles(self, chat: ChatRef) -> dict[str, Role]:
        h: dict[str, str] = await self.store.redis.hgetall(self.store.keys.chat(chat, "roles"))
        return {k: Role(v) for k, v in h.items()}
