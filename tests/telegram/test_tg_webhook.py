"""The webhook route of `buurtbot run` with the telegram adapter, against the fake Bot API."""

from __future__ import annotations

import io
import json

import aiohttp
from conftest import ANNA, GROUP, SECRET, Deployment
from fakes.telegram_api import FakeTelegram
from redis.asyncio import Redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from adapters.telegram.mapping import ALLOWED_UPDATES
from bot.events import EventKind, InboundEvent


async def test_start_registers_the_webhook_with_secret_and_update_types(
    tg: Deployment, fake: FakeTelegram
) -> None:
    assert fake.webhook is not None
    assert fake.webhook["url"].endswith("/webhooks/telegram")
    assert fake.webhook["secret_token"] == SECRET
    assert fake.webhook["allowed_updates"] == list(ALLOWED_UPDATES)
    assert "chat_member" in fake.webhook["allowed_updates"]


async def test_a_message_is_acknowledged_once_it_is_in_the_inbound_stream(
    tg: Deployment, fake: FakeTelegram
) -> None:
    update = fake.message(GROUP, ANNA, "Verdachte wagen in de Kerkstraat")
    assert await fake.deliver(update) == 200
    rows = await tg.inbound()
    assert len(rows) == 1
    event = InboundEvent.from_json(rows[0]["e"])
    assert event.event_id == f"telegram:{update['update_id']}"
    assert event.kind is EventKind.MESSAGE
    assert event.chat.key == f"telegram:{GROUP}"
    assert event.user is not None and event.user.id == str(ANNA)


async def test_forged_or_unsigned_webhooks_are_refused_and_not_processed(
    tg: Deployment, fake: FakeTelegram
) -> None:
    update = fake.message(GROUP, ANNA, "hallo")
    assert await fake.deliver(update, secret="wrong-secret") == 403
    assert await fake.deliver(update, secret="") == 403
    assert await fake.deliver(update, secret=SECRET + "x") == 403
    assert await tg.inbound() == []


async def _raw(tg: Deployment, body: bytes, secret: str = SECRET) -> int:
    url = str(tg.server.make_url("/webhooks/telegram"))
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret, "Content-Type": "application/json"}
    async with (
        aiohttp.ClientSession() as s,
        s.post(url, data=io.BytesIO(body), headers=headers) as r,
    ):
        return r.status


async def test_malformed_and_oversized_updates(tg: Deployment) -> None:
    assert await _raw(tg, b"{not json") == 400
    assert await _raw(tg, b"[1, 2]") == 400
    assert await _raw(tg, json.dumps({"message": {}}).encode()) == 400
    assert await _raw(tg, b"{not json", secret="nope") == 403  # the secret is checked first
    big = json.dumps({"update_id": 1, "pad": "x" * (1024 * 1024 + 10)}).encode()
    assert await _raw(tg, big) == 413
    assert await tg.inbound() == []


async def test_redis_down_answers_503_so_telegram_retries(
    tg: Deployment, fake: FakeTelegram
) -> None:
    store = tg.runtime.store
    saved = store.redis
    dead = Redis(port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    store.redis = dead
    tg.runtime.pipeline.r = dead
    try:
        update = fake.message(GROUP, ANNA, "hallo")
        assert await fake.deliver(update) == 503
    finally:
        store.redis = saved
        tg.runtime.pipeline.r = saved
        await dead.aclose()
    assert await fake.deliver(update) == 200  # Telegram's retry
    assert len(await tg.inbound()) == 1


async def test_a_redelivered_update_is_processed_once(tg: Deployment, fake: FakeTelegram) -> None:
    update = fake.message(GROUP, ANNA, "/rules")
    assert await tg.post(update) == 200
    assert await tg.post(update) == 200
    sent = fake.calls_to("sendMessage")
    assert len(sent) == 1
    assert sent[0]["reply_parameters"]["message_id"] == update["message"]["message_id"]
