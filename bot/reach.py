"""Whether a private message can reach a user (DESIGN §8.8).

Telegram bots cannot start a conversation: a user must have opened the bot privately first
(`/start`). The flag is keyed by pseudonym: "1" reachable, "0" known unreachable (the platform
refused), absent = unknown (an adapter may try once and record the outcome).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.events import ChatRef
from bot.store import Store

if TYPE_CHECKING:
    from bot.services import Services

#: Reachability is refreshed by every private message; kept long, but not forever.
REACH_TTL = 400 * 86400


def _key(store: Store, platform: str, user_id: str) -> str:
    return store.keys.glob("reach", store.pseudonym(platform, user_id))


async def set_reachable(store: Store, platform: str, user_id: str, reachable: bool) -> None:
    await store.redis.set(_key(store, platform, user_id), "1" if reachable else "0", ex=REACH_TTL)


async def reachability(store: Store, platform: str, user_id: str) -> bool | None:
    """True: a private message can reach the user; False: it cannot; None: not known yet."""
    v = await store.redis.get(_key(store, platform, user_id))
    return None if v is None else v == "1"


async def reachable(
    services: Services, chat: ChatRef, pid: str, capabilities: frozenset[str]
) -> bool:
    """Whether the planner may send this member a private message: the chat allows private
    messages, and the member is known to be reachable — or, where nothing is known, the
    adapter's `private_by_default` (the console: yes; Telegram: no)."""
    if "private_message" not in capabilities or not pid:
        return False
    flag = await services.store.redis.get(services.store.keys.glob("reach", pid))
    if flag is not None:
        return bool(flag == "1")
    adapter = services.adapters.get(chat.platform)
    return bool(getattr(adapter, "private_by_default", False))
