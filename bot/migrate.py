"""Moving a chat's state to a new chat id (a Telegram group upgraded to a supergroup).

Every per-chat key carries the chat in its hash tag (`<prefix>:{<platform>:<chat>}:…`), so the
move is generic: SCAN the old tag, RENAME each key to the new tag, then fix the global
references (the groups set, other groups' coordinators' channel, the member index).
RENAME overwrites: what the old chat had wins over anything the new id gathered meanwhile.
Not for Redis Cluster (the two tags live in different slots).
"""

from __future__ import annotations

import json
import logging

from bot.events import ChatRef
from bot.store import Store

log = logging.getLogger(__name__)


def _escape(pattern: str) -> str:
    """Escape glob metacharacters so a chat id matches only itself in SCAN."""
    return "".join("\\" + c if c in "*?[]\\" else c for c in pattern)


async def move_chat(store: Store, old: ChatRef, new: ChatRef) -> int:
    """Move all of `old`'s state to `new`; returns how many per-chat keys moved.
    Running it again (redelivery) moves nothing more and changes nothing."""
    if old == new:
        return 0
    r = store.redis
    k = store.keys
    old_tag, new_tag = k.chat_tag(old), k.chat_tag(new)
    old_head = f"{k.prefix}:{old_tag}:"
    new_head = f"{k.prefix}:{new_tag}:"
    moved = 0
    async for key in r.scan_iter(match=_escape(old_head) + "*", count=500):
        await r.rename(key, new_head + key[len(old_head) :])
        moved += 1
    groups = k.glob("groups")
    if await r.srem(groups, old.key):
        await r.sadd(groups, new.key)
    async for cfg in r.scan_iter(match=k.chat_pattern("cfg"), count=500):
        if await r.hget(cfg, "coordinators_channel") == json.dumps(old.key):
            await r.hset(cfg, "coordinators_channel", json.dumps(new.key))
    channels = k.glob("channels")
    for channel, served in (await r.hgetall(channels)).items():
        fixed = [new.key if g == old.key else g for g in json.loads(served)]
        await r.hset(channels, new.key if channel == old.key else channel, json.dumps(fixed))
        if channel == old.key:
            await r.hdel(channels, old.key)
    async for member in r.scan_iter(match=_escape(k.glob("member", "")) + "*", count=500):
        if await r.srem(member, old.key):
            await r.sadd(member, new.key)
    log.info("moved %d keys of a %s chat to its new id", moved, old.platform)
    return moved
