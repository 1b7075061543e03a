"""A Telegram deployment under test: the fake Bot API, and `buurtbot run`'s HTTP app with the
telegram adapter on the test's store (the pipeline is drained explicitly)."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest_asyncio
from aiohttp.test_utils import TestServer
from fakes.telegram_api import FULL_RIGHTS, FakeTelegram

from adapters.telegram import TelegramAdapter
from adapters.telegram.limits import Limits
from bot.adapter import AdapterContext
from bot.clock import ManualClock
from bot.config import Settings, load_settings
from bot.runtime import Runtime
from bot.server import make_app
from bot.store import Store

SECRET = "s3cret-Token_for-tests"
GROUP = -1001234567890  # a supergroup
BASIC = -4455667788  # a basic group
CARLA, ANNA, PIET = 1111111, 2222222, 3333333


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def tg_settings(fake: FakeTelegram, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "adapters": "telegram",
        "telegram_token": fake.token,
        "telegram_webhook_secret": SECRET,
        "telegram_api_url": fake.url,
        **overrides,
    }
    return load_settings(**values)


class Deployment:
    """One replica: runtime + HTTP server, talking to the shared fake."""

    def __init__(self, fake: FakeTelegram, runtime: Runtime, server: TestServer) -> None:
        self.fake = fake
        self.runtime = runtime
        self.server = server

    @property
    def adapter(self) -> TelegramAdapter:
        a = self.runtime.adapters["telegram"]
        assert isinstance(a, TelegramAdapter)
        return a

    async def post(self, update: dict[str, Any]) -> int:
        """Telegram delivers the update to our webhook; then the pipeline runs to the end."""
        status = await self.fake.deliver(update)
        await self.runtime.pipeline.drain()
        return status

    async def inbound(self) -> list[dict[str, str]]:
        rows = await self.runtime.store.redis.xrange(self.runtime.pipeline.inbound)
        return [f for _id, f in rows]


async def deploy(
    fake: FakeTelegram,
    store: Store,
    clock: ManualClock,
    *,
    mode: str = "webhook",
    **adapter_kw: Any,
) -> Deployment:
    port = free_port()
    settings = tg_settings(
        fake,
        telegram_mode=mode,
        telegram_webhook_url=f"http://127.0.0.1:{port}/webhooks/telegram"
        if mode == "webhook"
        else None,
    )
    adapter_kw.setdefault("limits", Limits())
    adapter = TelegramAdapter(AdapterContext(settings, store, clock), **adapter_kw)
    runtime = await Runtime.build(
        settings, clock=clock, store=store, adapters={"telegram": adapter}
    )
    runtime.pipeline.cfg.backoff_base = 0.01
    server = TestServer(make_app(runtime), host="127.0.0.1", port=port)
    await server.start_server()
    await runtime.start_adapters()
    return Deployment(fake, runtime, server)


@pytest_asyncio.fixture
async def fake(clock: ManualClock) -> AsyncIterator[FakeTelegram]:
    f = FakeTelegram(now=clock.now)
    await f.start()
    f.add_chat(GROUP, rights=dict(FULL_RIGHTS))
    f.add_user(GROUP, CARLA, "Carla", admin=True)
    f.add_user(GROUP, ANNA, "Anna")
    f.add_user(GROUP, PIET, "Piet")
    try:
        yield f
    finally:
        await f.stop()


@pytest_asyncio.fixture
async def tg(
    fake: FakeTelegram, store: Store, clock: ManualClock, settings_env: None
) -> AsyncIterator[Deployment]:
    d = await deploy(fake, store, clock)
    try:
        yield d
    finally:
        await close(d)


async def close(d: Deployment) -> None:
    await d.runtime.pipeline.stop()
    for a in d.runtime.adapters.values():
        await a.stop()
    await d.server.close()
