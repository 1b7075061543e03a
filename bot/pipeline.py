"""The durable pipeline (DESIGN §3, §8.1–8.4): inbound stream -> workers -> outbox -> sender.

* `submit` (the adapters' EventSink) XADDs an event; only then may the platform be told 200.
* A worker reads the inbound stream in a consumer group, claims the event id (`SET NX`), lets
  the core decide, and in one MULTI writes the actions to the outbox, marks the event done and
  acknowledges it. A crash before that MULTI leaves the entry pending: another worker reclaims it
  (`XAUTOCLAIM`) and, because the claim holds the stream entry id, processes it again.
* The sender executes outbox actions through the adapters. Each action has an idempotency key;
  a lease (`SET NX PX`) before and a `done` mark after make an action happen once.
* Entries that keep failing go to a dead-letter stream with the error; one event never stops a
  worker. `drain()` runs everything to completion, for the demo and tests.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import socket
import traceback
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from redis.exceptions import RedisError, ResponseError

from bot.actions import Action
from bot.adapter import AdapterError, IngestError
from bot.events import InboundEvent
from bot.metrics import Metrics
from bot.store import Store

log = logging.getLogger(__name__)

WORKERS = "workers"
SENDERS = "senders"
LEASE_MS = 30_000


@dataclass
class PipelineConfig:
    workers: int = 2
    reclaim_idle_seconds: float = 120.0
    max_attempts: int = 5
    sender_max_wait_seconds: float = 60.0
    dedupe_seconds: int = 8 * 86400
    block_ms: int = 1000
    backoff_base: float = 0.5


def _h(text: str) -> str:
    """Event ids and action keys may hold ':' and platform ids: keys use a hash of them."""
    return hashlib.sha256(text.encode()).hexdigest()[:32]


Decide = Callable[[InboundEvent], Awaitable[list[Action]]]
Execute = Callable[[Action], Awaitable[None]]


class Pipeline:
    def __init__(
        self,
        store: Store,
        decide: Decide,
        execute: Execute,
        config: PipelineConfig | None = None,
        metrics: Metrics | None = None,
        consumer: str | None = None,
    ) -> None:
        self.store = store
        self.r = store.redis
        self.k = store.keys
        self.decide = decide
        self.execute = execute
        self.cfg = config or PipelineConfig()
        self.metrics = metrics or Metrics()
        self.consumer = consumer or f"{socket.gethostname()}-{os.getpid()}"
        self.inbound = self.k.glob("in")
        self.outbox = self.k.glob("out")
        self.dead_in = self.k.glob("dead", "in")
        self.dead_out = self.k.glob("dead", "out")
        self._tasks: list[asyncio.Task[None]] = []
        self._stopping = asyncio.Event()
        self._groups_ready = False

    # -- setup ------------------------------------------------------------------------------
    async def ensure_groups(self) -> None:
        if self._groups_ready:
            return
        for stream, group in ((self.inbound, WORKERS), (self.outbox, SENDERS)):
            try:
                await self.r.xgroup_create(stream, group, id="0", mkstream=True)
            except ResponseError as exc:
                if "BUSYGROUP" not in str(exc):
                    raise
        self._groups_ready = True

    # -- ingest (the adapters' EventSink) ---------------------------------------------------
    async def submit(self, event: InboundEvent) -> None:
        try:
            await self.r.xadd(self.inbound, {"e": event.to_json()})
        except (RedisError, OSError) as exc:
            self.metrics.ingest_failed.inc()
            raise IngestError("the inbound stream could not take the event") from exc
        self.metrics.ingested.inc()

    async def enqueue(self, actions: list[Action], key_base: str) -> None:
        """Put actions decided outside an inbound event (the scheduler) in the outbox, keyed
        `f"{key_base}#{i}"`: enqueueing the same slot again after a crash sends nothing twice."""
        async with self.r.pipeline(transaction=True) as p:
            for i, action in enumerate(actions):
                p.xadd(self.outbox, {"a": action.with_key(f"{key_base}#{i}").to_json()})
            await p.execute()

    # -- workers ----------------------------------------------------------------------------
    async def work_once(
        self, consumer: str, *, block_ms: int | None = None, count: int = 10
    ) -> int:
        """Read new inbound entries for `consumer` and process them; returns how many."""
        return await self._read(self.inbound, WORKERS, consumer, block_ms, count)

    async def _read(
        self, stream: str, group: str, consumer: str, block_ms: int | None, count: int
    ) -> int:
        await self.ensure_groups()
        resp = await self.r.xreadgroup(group, consumer, {stream: ">"}, count=count, block=block_ms)
        n = 0
        for _stream, entries in resp or []:
            for entry_id, fields in entries:
                if group == WORKERS:
                    await self.process_entry(consumer, entry_id, fields)
                else:
                    await self.send_entry(entry_id, fields)
                n += 1
        return n

    async def reclaim(self, consumer: str, *, min_idle_ms: int | None = None) -> int:
        """Take over inbound entries another (dead) consumer left pending, and process them."""
        await self.ensure_groups()
        idle = int(self.cfg.reclaim_idle_seconds * 1000) if min_idle_ms is None else min_idle_ms
        n = 0
        start = "0-0"
        while True:
            nxt, entries, *_ = await self.r.xautoclaim(
                self.inbound, WORKERS, consumer, idle, start_id=start, count=50
            )
            for entry_id, fields in entries:
                if fields:
                    await self.process_entry(consumer, entry_id, fields)
                    n += 1
                else:  # deleted while pending
                    await self.r.xack(self.inbound, WORKERS, entry_id)
            if nxt in ("0-0", b"0-0") or not entries:
                return n
            start = nxt

    async def process_entry(self, consumer: str, entry_id: str, fields: dict[str, str]) -> None:
        raw = fields.get("e", "")
        try:
            event = InboundEvent.from_json(raw)
        except Exception as exc:  # malformed: retrying cannot help
            await self._dead_letter_inbound(entry_id, raw, f"unreadable event: {exc}", 1)
            return
        attempts_key = self.k.glob("attempts", _h(entry_id))
        seen = self.k.glob("seen", _h(event.event_id))
        async with self.r.pipeline(transaction=False) as p:  # one round trip
            p.incr(attempts_key)
            p.expire(attempts_key, self.cfg.dedupe_seconds)
            p.set(seen, entry_id, nx=True, ex=self.cfg.dedupe_seconds)
            p.get(seen)
            attempts, _, _, holder = await p.execute()
        attempts = int(attempts)
        if holder != entry_id:  # done, or another delivery of the same event holds it
            await self.r.xack(self.inbound, WORKERS, entry_id)
            await self.r.delete(attempts_key)
            self.metrics.duplicates.inc()
            return
        if attempts > self.cfg.max_attempts:
            await self._dead_letter_inbound(entry_id, raw, "too many attempts", attempts - 1)
            await self.r.delete(seen)
            return
        try:
            actions = await self.decide(event)
        except Exception as exc:
            self.metrics.failed.inc()
            log.warning(
                "event %s failed (attempt %d): %s",
                _h(event.event_id)[:8],
                attempts,
                type(exc).__name__,
            )
            if attempts >= self.cfg.max_attempts:
                err = "".join(traceback.format_exception_only(exc)).strip()
                await self._dead_letter_inbound(entry_id, raw, err, attempts)
                await self.r.delete(seen)
            return  # stays pending: retried by reclaim
        async with self.r.pipeline(transaction=True) as p:
            for i, action in enumerate(actions):
                keyed = action.with_key(f"{event.event_id}#{i}")
                p.xadd(self.outbox, {"a": keyed.to_json()})
            p.set(seen, "done", ex=self.cfg.dedupe_seconds)
            p.xack(self.inbound, WORKERS, entry_id)
            p.delete(attempts_key)
            await p.execute()
        self.metrics.processed.inc()

    async def _dead_letter_inbound(
        self, entry_id: str, raw: str, error: str, attempts: int
    ) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.xadd(
                self.dead_in,
                {"e": raw, "error": error[:2000], "attempts": str(attempts), "entry": entry_id},
                maxlen=10_000,
                approximate=True,
            )
            p.xack(self.inbound, WORKERS, entry_id)
            p.delete(self.k.glob("attempts", _h(entry_id)))
            await p.execute()
        self.metrics.dead_lettered.labels("inbound").inc()
        log.error("event moved to the dead-letter stream after %d attempt(s)", attempts)

    # -- sender -----------------------------------------------------------------------------
    async def send_once(
        self, consumer: str, *, block_ms: int | None = None, count: int = 10
    ) -> int:
        return await self._read(self.outbox, SENDERS, consumer, block_ms, count)

    async def reclaim_outbox(self, consumer: str, *, min_idle_ms: int | None = None) -> int:
        await self.ensure_groups()
        idle = int(self.cfg.reclaim_idle_seconds * 1000) if min_idle_ms is None else min_idle_ms
        _nxt, entries, *_ = await self.r.xautoclaim(
            self.outbox, SENDERS, consumer, idle, start_id="0-0", count=100
        )
        for entry_id, fields in entries:
            if fields:
                await self.send_entry(entry_id, fields)
            else:
                await self.r.xack(self.outbox, SENDERS, entry_id)
        return len(entries)

    async def send_entry(self, entry_id: str, fields: dict[str, str]) -> None:
        raw = fields.get("a", "")
        try:
            action = Action.from_json(raw)
        except Exception as exc:
            await self._dead_letter_outbox(entry_id, raw, f"unreadable action: {exc}")
            return
        done = self.k.glob("done", _h(action.key or entry_id))
        async with self.r.pipeline(transaction=False) as p:  # one round trip
            p.get(done)
            p.set(done, f"lease:{entry_id}", nx=True, px=LEASE_MS)
            state, leased = await p.execute()
        if state == "done":
            await self.r.xack(self.outbox, SENDERS, entry_id)
            self.metrics.duplicates.inc()
            return
        if not leased and not (state or "").endswith(entry_id):
            return  # another sender is executing it right now; its entry stays pending
        error = await self._execute_with_retries(action)
        if error is None:
            async with self.r.pipeline(transaction=True) as p:
                p.set(done, "done", ex=self.cfg.dedupe_seconds)
                p.xack(self.outbox, SENDERS, entry_id)
                await p.execute()
            self.metrics.sent.labels(action.kind.value).inc()
            return
        await self.r.delete(done)
        await self._dead_letter_outbox(entry_id, raw, error)

    async def _execute_with_retries(self, action: Action) -> str | None:
        """Execute; retry transient failures with backoff (waits happen here, never while
        an inbound event is held). Returns None on success, else the error."""
        waited = 0.0
        attempt = 0
        while True:
            attempt += 1
            try:
                await self.execute(action)
                return None
            except AdapterError as exc:
                if not exc.transient or attempt >= self.cfg.max_attempts:
                    return f"{type(exc).__name__}: {exc}"
                delay = exc.retry_after or self.cfg.backoff_base * 2 ** (attempt - 1)
                if waited + delay > self.cfg.sender_max_wait_seconds:
                    return f"gave up after waiting {waited:.0f}s: {exc}"
                self.metrics.retries.inc()
                await asyncio.sleep(delay)
                waited += delay
            except Exception as exc:
                return f"{type(exc).__name__}: {exc}"

    async def _dead_letter_outbox(self, entry_id: str, raw: str, error: str) -> None:
        async with self.r.pipeline(transaction=True) as p:
            p.xadd(
                self.dead_out,
                {"a": raw, "error": error[:2000], "entry": entry_id},
                maxlen=10_000,
                approximate=True,
            )
            p.xack(self.outbox, SENDERS, entry_id)
            await p.execute()
        self.metrics.dead_lettered.labels("outbox").inc()
        log.error("action moved to the dead-letter stream: %s", error.split(":")[0])

    # -- running ----------------------------------------------------------------------------
    async def drain(self, max_rounds: int = 100) -> None:
        """Process and send until both streams are empty (demo, tests)."""
        for _ in range(max_rounds):
            n = await self.work_once(self.consumer + "-drain", count=100)
            n += await self.send_once(self.consumer + "-drain", count=100)
            if n == 0:
                return
        raise RuntimeError("the pipeline did not drain")

    def start(self) -> None:
        self._stopping.clear()
        for i in range(self.cfg.workers):
            self._tasks.append(asyncio.create_task(self._worker_loop(f"{self.consumer}-w{i}")))
        self._tasks.append(asyncio.create_task(self._sender_loop(f"{self.consumer}-s")))

    @property
    def running(self) -> bool:
        return bool(self._tasks) and all(not t.done() for t in self._tasks)

    async def stop(self, timeout: float = 8.0) -> None:
        """Finish in-flight work, then stop (the loops check between entries)."""
        self._stopping.set()
        if self._tasks:
            _done, pending = await asyncio.wait(self._tasks, timeout=timeout)
            for t in pending:
                t.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        self._tasks.clear()

    async def _worker_loop(self, consumer: str) -> None:
        await self._loop(consumer, self.reclaim, self.work_once)

    async def _sender_loop(self, consumer: str) -> None:
        await self._loop(consumer, self.reclaim_outbox, self.send_once)

    async def _loop(
        self,
        consumer: str,
        reclaim: Callable[[str], Awaitable[int]],
        read: Callable[..., Awaitable[int]],
    ) -> None:
        """Reclaim now and then, read with a short BLOCK, survive Redis outages."""
        last_reclaim = 0.0
        loop = asyncio.get_running_loop()
        while not self._stopping.is_set():
            try:
                if loop.time() - last_reclaim > self.cfg.reclaim_idle_seconds / 2:
                    last_reclaim = loop.time()
                    await reclaim(consumer)
                    await self.trim()
                await read(consumer, block_ms=self.cfg.block_ms)
            except (RedisError, OSError) as exc:
                log.warning("%s: redis unavailable (%s); retrying", consumer, type(exc).__name__)
                await asyncio.sleep(1.0)

    async def trim(self) -> int:
        """Drop stream entries every consumer has acknowledged, never one still pending or
        not yet delivered (XTRIM MINID to the oldest entry that may still be needed)."""
        await self.ensure_groups()
        removed = 0
        for stream, group in ((self.inbound, WORKERS), (self.outbox, SENDERS)):
            keep_from = None
            for g in await self.r.xinfo_groups(stream):
                if g.get("name") == group:
                    keep_from = g.get("last-delivered-id")
            summary = await self.r.xpending(stream, group)
            if summary["pending"] and summary["min"]:
                keep_from = summary["min"]
            if keep_from and keep_from != "0-0":
                removed += int(await self.r.xtrim(stream, minid=keep_from, approximate=False))
        return removed

    # -- operators --------------------------------------------------------------------------
    async def dead_letters(
        self, which: str = "in", count: int = 100
    ) -> list[tuple[str, dict[str, str]]]:
        stream = self.dead_in if which == "in" else self.dead_out
        rows: list[tuple[str, dict[str, str]]] = await self.r.xrange(stream, count=count)
        return rows

    async def replay(self, which: str, entry_id: str | None = None) -> int:
        """Put dead-lettered entries back (all, or one by id); returns how many."""
        await self.ensure_groups()
        stream = self.dead_in if which == "in" else self.dead_out
        rows = await self.dead_letters(which, count=10_000)
        n = 0
        for did, fields in rows:
            if entry_id and did != entry_id:
                continue
            async with self.r.pipeline(transaction=True) as p:
                if which == "in":
                    event = json.loads(fields["e"]) if fields.get("e") else {}
                    if event.get("event_id"):
                        p.delete(self.k.glob("seen", _h(str(event["event_id"]))))
                    p.xadd(self.inbound, {"e": fields.get("e", "")})
                else:
                    p.xadd(self.outbox, {"a": fields.get("a", "")})
                p.xdel(stream, did)
                await p.execute()
            n += 1
        return n

    async def stats(self) -> dict[str, Any]:
        """Lag and pending per stream, and dead-letter counts (for /metrics and /readyz)."""
        await self.ensure_groups()
        out: dict[str, Any] = {}
        for name, stream, group in (
            ("inbound", self.inbound, WORKERS),
            ("outbox", self.outbox, SENDERS),
        ):
            pending = await self.r.xpending(stream, group)
            lag = 0
            for g in await self.r.xinfo_groups(stream):
                if g.get("name") == group:
                    lag = int(g.get("lag") or 0)
            out[name] = {"pending": int(pending["pending"]), "lag": lag}
        out["dead_inbound"] = int(await self.r.xlen(self.dead_in))
        out["dead_outbox"] = int(await self.r.xlen(self.dead_out))
        return out
