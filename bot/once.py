"""At-least-once processing (DESIGN §8.3) means a handler can run twice for one event.
`once(ctx, what)` is True only the first time an event does `what`: it guards audit entries and
one-shot changes (withdrawing "the last" warning) against redelivery."""

from __future__ import annotations

import hashlib

from bot.context import EventContext

TTL_SECONDS = 8 * 86400  # as long as the pipeline's dedupe keys


async def once(ctx: EventContext, what: str) -> bool:
    h = hashlib.sha256(f"{ctx.event.event_id}|{what}".encode()).hexdigest()[:32]
    key = ctx.services.store.keys.chat(ctx.chat, "once", "e" + h)
    return bool(await ctx.services.store.redis.set(key, "1", nx=True, ex=TTL_SECONDS))
