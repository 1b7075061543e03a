"""Polling mode with two replicas on one Redis: one polls, the other takes over when it dies,
and the offset in Redis makes the new poller continue where the old one stopped."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from conftest import ANNA, GROUP, Deployment, close, deploy
from fakes.telegram_api import FakeTelegram

from bot.clock import ManualClock
from bot.events import InboundEvent
from bot.store import Store


async def until(cond: Callable[[], bool], what: str) -> None:
    """Wait for the pollers (real tasks on this loop) to get somewhere; fail after 10 s."""
    for _ in range(500):
        if cond():
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


async def test_two_replicas_poll_once_and_fail_over(
    fake: FakeTelegram, store: Store, clock: ManualClock, settings_env: None
) -> None:
    a = await deploy(fake, store, clock, mode="polling", lease_ms=400, poll_timeout=0)
    b = await deploy(fake, store, clock, mode="polling", lease_ms=400, poll_timeout=0)
    replicas = [a, b]
    try:
        first = fake.message(GROUP, ANNA, "/rules")
        fake.queue(first)
        await until(lambda: a.adapter.poller.leader or b.adapter.poller.leader, "a leader")
        leader, follower = (a, b) if a.adapter.poller.leader else (b, a)
        offset_key = store.keys.glob("tg", "offset")
        offset = 0

        async def read_offset() -> None:
            nonlocal offset
            offset = int(await store.redis.get(offset_key) or 0)

        while offset <= first["update_id"]:
            await read_offset()
            await asyncio.sleep(0.02)
        assert follower.adapter.poller.polls == 0
        assert fake.calls_to("deleteWebhook")  # getUpdates needs the webhook gone

        await leader.adapter.poller.stop(release=False)  # the leader dies, lease and all
        later = [fake.message(GROUP, ANNA, "/rules"), fake.message(GROUP, ANNA, "/help")]
        for u in later:
            fake.queue(u)
        await until(lambda: follower.adapter.poller.leader, "the follower to take over")
        while offset <= later[-1]["update_id"]:
            await read_offset()
            await asyncio.sleep(0.02)
        assert follower.adapter.poller.polls > 0

        rows = await follower.inbound()
        ids = [InboundEvent.from_json(f["e"]).event_id for f in rows]
        expected = [f"telegram:{u['update_id']}" for u in (first, *later)]
        assert ids == expected  # each update taken in once, in order
        await follower.adapter.poller.stop()
        await follower.runtime.pipeline.drain()
        answered = [p["reply_parameters"]["message_id"] for p in fake.calls_to("sendMessage")]
        assert sorted(answered) == sorted(u["message"]["message_id"] for u in (first, *later))
    finally:
        for d in replicas:
            await close(d)


async def test_a_stopped_poller_hands_over_at_once(
    fake: FakeTelegram, store: Store, clock: ManualClock, settings_env: None
) -> None:
    a = await deploy(fake, store, clock, mode="polling", lease_ms=60_000, poll_timeout=0)
    try:
        await until(lambda: a.adapter.poller.leader, "a leader")
        await a.adapter.poller.stop()  # clean stop releases the lease
        assert await store.redis.get(store.keys.glob("tg", "poller")) is None
    finally:
        await close(a)


async def test_polling_respects_a_webhook_conflict(tg: Deployment, fake: FakeTelegram) -> None:
    # webhook mode registered a webhook; a poll now is refused with 409 by Telegram
    fake.queue(fake.message(GROUP, ANNA, "hallo"))
    try:
        await tg.adapter.bot.get_updates(timeout=0)
    except Exception as exc:
        assert type(exc).__name__ == "Conflict"
    else:
        raise AssertionError("getUpdates should conflict with the webhook")
