"""Whether a private message can reach a member (DESIGN §8.8).

Telegram bots can't start a conversation with someone who never started the bot; WhatsApp
needs a template outside the 24-hour window. Adapters record what they learn (`mark`); where
nothing is known the adapter's `private_by_default` decides (the console: yes; Telegram: no).
"""

from __future__ import annotations

from bot.events import ChatRef
from bot.services import Services
from bot.store import Store


async def mark(store: Store, pid: str, reachable: bool) -> None:
    await store.redis.set(store.keys.glob("reach", pid), "1" if reachable else "0", ex=400 * 86400)


async def reachable(
    services: Services, chat: ChatRef, pid: str, capabilities: frozenset[str]
) -> bool:
    if "private_message" not in capabilities or not pid:
        return False
    flag = await services.store.redis.get(services.store.keys.glob("reach", pid))
    if flag is not None:
        return bool(flag == "1")
    adapter = services.adapters.get(chat.platform)
    return bool(getattr(adapter, "private_by_default", False))
