"""Telegram's flood limits, shared by every replica through Redis.

Fixed-window counters checked and incremented in one Lua script (so two replicas cannot both
take the last slot): about 30 calls a second overall, and 20 messages a minute per group
(only sends count there: deletes and bans must not wait behind a spam wave). A `RetryAfter`
pauses one chat for all replicas with a key whose TTL is the pause.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from bot.store import Store

# KEYS: counters; ARGV: limit1, window_ms1, limit2, window_ms2, ...
# Returns 0 when a slot was taken in every window, else the ms until one frees up.
_TAKE = """
for i, key in ipairs(KEYS) do
  local n = tonumber(redis.call('GET', key) or '0')
  if n >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('PTTL', key)
    if ttl < 0 then ttl = tonumber(ARGV[2 * i]) end
    return ttl
  end
end
for i, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then
    redis.call('PEXPIRE', key, ARGV[2 * i])
  end
end
return 0
"""


@dataclass(frozen=True)
class Limits:
    overall_per_second: int = 30
    group_per_minute: int = 20


class RateLimiter:
    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self.store = store
        self.limits = limits or Limits()
        self._take = store.redis.register_script(_TAKE)

    async def try_take(self, group_key: str | None) -> float:
        """Take one call (and one group message when `group_key` is given); 0.0 when
        taken, else the seconds to wait before trying again."""
        keys = [self.store.keys.glob("tg", "rl", "all")]
        args: list[int] = [self.limits.overall_per_second, 1000]
        if group_key is not None:
            keys.append(group_key)
            args += [self.limits.group_per_minute, 60_000]
        wait_ms = int(await self._take(keys=keys, args=args))
        return wait_ms / 1000.0

    async def take(self, group_key: str | None, max_wait: float = 25.0) -> float:
        """Wait until a call may be made (runs in the sender, never in a worker). Returns 0.0
        once taken; after waiting `max_wait` (kept under the sender's lease on the action)
        returns the seconds still to wait instead, for the caller to retry later."""
        waited = 0.0
        while (wait := await self.try_take(group_key)) > 0:
            if waited + wait > max_wait:
                return wait
            await asyncio.sleep(wait)
            waited += wait
        return 0.0

    async def pause(self, pause_key: str, seconds: float) -> None:
        await self.store.redis.set(pause_key, "1", px=max(1, int(seconds * 1000)))

    async def paused_for(self, pause_key: str) -> float:
        """Seconds this chat stays paused after a RetryAfter (0.0 when not paused)."""
        ttl = int(await self.store.redis.pttl(pause_key))
        return ttl / 1000.0 if ttl > 0 else 0.0
