"""The durable pipeline on both stores: nothing lost, nothing twice."""

from __future__ import annotations

import asyncio

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.actions import Action, ActionKind
from bot.adapter import AdapterError, IngestError, ingest
from bot.events import ChatRef, EventKind, InboundEvent, User
from bot.pipeline import Pipeline, PipelineConfig
from bot.store import Store

CHAT = ChatRef("console", "buurt")


def event(n: int, text: str = "hallo") -> InboundEvent:
    return InboundEvent(
        event_id=f"console:{n}",
        kind=EventKind.MESSAGE,
        chat=CHAT,
        at=1.0,
        user=User("anna", "Anna"),
        message_id=str(n),
        text=text,
    )


class Recorder:
    """Stands in for the core (decide) and an adapter (execute), counting calls."""

    def __init__(self) -> None:
        self.decided: list[str] = []
        self.executed: list[str] = []
        self.fail_decide: set[str] = set()
        self.transient_failures = 0
        self.permanent = False

    async def decide(self, e: InboundEvent) -> list[Action]:
        self.decided.append(e.event_id)
        if e.text in self.fail_decide:
            raise ValueError("cannot handle this event")
        return [Action(ActionKind.REPLY, e.chat, text=f"antwoord op {e.message_id}")]

    async def execute(self, a: Action) -> None:
        if self.permanent:
            raise AdapterError("chat not found")
        if self.transient_failures:
            self.transient_failures -= 1
            raise AdapterError("timed out", transient=True)
        self.executed.append(a.key)


def make(store: Store, rec: Recorder, **cfg: object) -> Pipeline:
    config = PipelineConfig(max_attempts=3, backoff_base=0.001, **cfg)  # type: ignore[arg-type]
    return Pipeline(store, rec.decide, rec.execute, config, consumer="t")


async def test_event_reaches_the_sender_once(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    await p.submit(event(1))
    await p.drain()
    assert rec.decided == ["console:1"]
    assert rec.executed == ["console:1#0"]


async def test_redelivered_event_is_processed_once(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    await p.submit(event(1))
    await p.submit(event(1))  # the platform delivered it again
    await p.drain()
    await p.submit(event(1))  # and once more, later
    await p.drain()
    assert rec.decided == ["console:1"]
    assert rec.executed == ["console:1#0"]
    stats = await p.stats()
    assert stats["inbound"]["pending"] == 0


async def test_worker_killed_between_processing_and_ack_is_reclaimed(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    entered = asyncio.Event()
    hang = asyncio.Event()
    real_decide = rec.decide

    async def decide_then_die(e: InboundEvent) -> list[Action]:
        actions = await real_decide(e)
        entered.set()
        await hang.wait()  # killed here: processed, not yet acknowledged
        return actions

    p.decide = decide_then_die
    await p.submit(event(1))
    task = asyncio.create_task(p.work_once("doomed"))
    await asyncio.wait_for(entered.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    assert (await p.stats())["inbound"]["pending"] == 1
    assert rec.executed == []

    p.decide = real_decide
    assert await p.reclaim("survivor", min_idle_ms=0) == 1
    await p.drain()
    assert rec.executed == ["console:1#0"]
    assert (await p.stats())["inbound"]["pending"] == 0
    # a late redelivery of the same event changes nothing
    await p.submit(event(1))
    await p.drain()
    assert rec.executed == ["console:1#0"]


async def test_poison_event_is_dead_lettered_and_replayed_after_a_fix(store: Store) -> None:
    rec = Recorder()
    rec.fail_decide.add("gif")
    p = make(store, rec)
    await p.submit(event(1, "gif"))
    await p.submit(event(2, "gewoon"))
    await p.drain()
    for _ in range(3):
        await p.reclaim("t2", min_idle_ms=0)
    assert rec.executed == ["console:2#0"]  # the healthy event was not held up
    dead = await p.dead_letters("in")
    assert len(dead) == 1
    assert "cannot handle this event" in dead[0][1]["error"]
    assert (await p.stats())["inbound"]["pending"] == 0

    rec.fail_decide.clear()  # the fix
    assert await p.replay("in") == 1
    await p.drain()
    assert rec.executed == ["console:2#0", "console:1#0"]
    assert await p.dead_letters("in") == []


async def test_unreadable_entry_goes_straight_to_dead_letters(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    await p.ensure_groups()
    await store.redis.xadd(p.inbound, {"e": "{not json"})
    await p.drain()
    assert len(await p.dead_letters("in")) == 1
    assert rec.decided == []


async def test_sender_retries_transient_failure_and_executes_once(store: Store) -> None:
    rec = Recorder()
    rec.transient_failures = 2
    p = make(store, rec)
    await p.submit(event(1))
    await p.drain()
    assert rec.executed == ["console:1#0"]
    assert p.metrics.retries._value.get() == 2


async def test_duplicate_outbox_entries_execute_once(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    await p.ensure_groups()
    a = Action(ActionKind.BAN, CHAT, user_id="piet", key="console:9#0").to_json()
    await store.redis.xadd(p.outbox, {"a": a})
    await store.redis.xadd(p.outbox, {"a": a})
    await p.drain()
    assert rec.executed == ["console:9#0"]


async def test_permanent_failure_is_dead_lettered(store: Store) -> None:
    rec = Recorder()
    rec.permanent = True
    p = make(store, rec)
    await p.submit(event(1))
    await p.drain()
    dead = await p.dead_letters("out")
    assert len(dead) == 1 and "chat not found" in dead[0][1]["error"]
    rec.permanent = False
    assert await p.replay("out") == 1
    await p.drain()
    assert rec.executed == ["console:1#0"]


async def test_redis_unavailable_gives_503_and_nothing_is_lost(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    await p.ensure_groups()
    broken = Pipeline(
        Store(_unreachable(), store.keys, store.secret),
        rec.decide,
        rec.execute,
        PipelineConfig(),
        consumer="t",
    )
    with pytest.raises(IngestError):
        await broken.submit(event(1))

    async def hook(request: web.Request) -> web.Response:
        sink = broken if request.query.get("down") else p
        return await ingest(sink, [event(int(request.query["n"]))])

    app = web.Application()
    app.router.add_post("/hook", hook)
    async with TestClient(TestServer(app)) as client:
        r = await client.post("/hook?n=1&down=1")
        assert r.status == 503
        r = await client.post("/hook?n=1")  # the platform retries once Redis is back
        assert r.status == 200
    await p.drain()
    assert rec.executed == ["console:1#0"]
    await broken.store.close()


def _unreachable():  # type: ignore[no-untyped-def]
    import redis.asyncio as aioredis

    return aioredis.Redis.from_url(
        "redis://127.0.0.1:1/0",
        decode_responses=True,
        socket_connect_timeout=0.2,
        retry=None,
    )


async def test_trim_keeps_pending_and_undelivered_entries(store: Store) -> None:
    rec = Recorder()
    p = make(store, rec)
    for n in range(1, 4):
        await p.submit(event(n))
    await p.work_once("w", count=1)  # entry 1 processed and acknowledged
    entered = asyncio.Event()

    async def stuck(e: InboundEvent) -> list[Action]:
        entered.set()
        await asyncio.Event().wait()
        return []

    p.decide = stuck
    task = asyncio.create_task(p.work_once("dies", count=1))  # entry 2: delivered, never acked
    await asyncio.wait_for(entered.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await p.trim()
    left = [f["e"] for _, f in await store.redis.xrange(p.inbound)]
    ids = [InboundEvent.from_json(x).event_id for x in left]
    assert ids == ["console:2", "console:3"]  # 1 is gone; pending 2 and unread 3 stay
    p.decide = rec.decide
    await p.reclaim("w2", min_idle_ms=0)
    await p.drain()
    await p.trim()
    assert await store.redis.xlen(p.inbound) <= 1
    assert sorted(rec.executed) == ["console:1#0", "console:2#0", "console:3#0"]
