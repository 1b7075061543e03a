"""Polling mode (`BUURTBOT_TELEGRAM_MODE=polling`), safe with several replicas.

Only the replica holding the lease (`SET NX PX`, renewed with a compare-and-set script) calls
`getUpdates`; when it dies, the lease runs out and another replica takes over. The offset lives
in Redis and advances only after an update is in the inbound stream, so a new poller continues
where the old one stopped; an update both saw is deduped by its event id in the pipeline.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Awaitable, Callable

from redis.exceptions import RedisError
from telegram import Bot, Update
from telegram.error import Conflict, RetryAfter, TelegramError

from adapters.telegram.mapping import ALLOWED_UPDATES
from bot.store import Store

log = logging.getLogger(__name__)

_RENEW = """if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0"""
_RELEASE = """if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1]) end return 0"""


class Poller:
    def __init__(
        self,
        bot: Bot,
        store: Store,
        accept: Callable[[Update], Awaitable[None]],
        *,
        lease_ms: int = 15_000,
        timeout: int = 5,
    ) -> None:
        self.bot = bot
        self.r = store.redis
        self.lease_key = store.keys.glob("tg", "poller")
        self.offset_key = store.keys.glob("tg", "offset")
        self.accept = accept
        self.lease_ms = lease_ms
        self.timeout = timeout  # long-poll seconds; must stay well under the lease
        self.me = uuid.uuid4().hex
        self.leader = False
        self.polls = 0  # getUpdates calls made by this replica
        self._renew = self.r.register_script(_RENEW)
        self._release = self.r.register_script(_RELEASE)
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run())

    async def stop(self, *, release: bool = True) -> None:
        """Stop polling; `release=False` leaves the lease to expire (as a crash would)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        if release and self.leader:
            with contextlib.suppress(RedisError, OSError):
                await self._release(keys=[self.lease_key], args=[self.me])
        self.leader = False

    async def _run(self) -> None:
        while True:
            try:
                if not await self._hold_lease():
                    await asyncio.sleep(self.lease_ms / 3000)
                    continue
                if await self.poll_once() == 0 and self.timeout == 0:
                    await asyncio.sleep(0.05)  # no long poll (tests): don't spin
            except asyncio.CancelledError:
                raise
            except RetryAfter as exc:
                await asyncio.sleep(float(getattr(exc.retry_after, "total_seconds", lambda: 1)()))
            except Conflict:
                log.warning("telegram getUpdates conflict (a webhook or another poller); retrying")
                await asyncio.sleep(1.0)
            except (TelegramError, RedisError, OSError) as exc:
                log.warning("telegram polling failed (%s); retrying", type(exc).__name__)
                await asyncio.sleep(1.0)

    async def _hold_lease(self) -> bool:
        if self.leader:
            if await self._renew(keys=[self.lease_key], args=[self.me, self.lease_ms]):
                return True
            self.leader = False
            log.warning("telegram poller lease lost; another replica polls now")
            return False
        if await self.r.set(self.lease_key, self.me, nx=True, px=self.lease_ms):
            self.leader = True
            log.info("this replica polls Telegram now")
            await self.bot.delete_webhook()  # getUpdates is refused while a webhook is set
            return True
        return False

    async def poll_once(self) -> int:
        """One getUpdates round; returns how many updates were taken in."""
        offset = int(await self.r.get(self.offset_key) or 0)
        self.polls += 1
        updates = await self.bot.get_updates(
            offset=offset or None, timeout=self.timeout, allowed_updates=ALLOWED_UPDATES
        )
        for update in updates:
            await self.accept(update)  # in the inbound stream now
            await self.r.set(self.offset_key, update.update_id + 1)
        return len(updates)
