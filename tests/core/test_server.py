"""/readyz and /metrics report the pipeline truthfully."""

from __future__ import annotations

from aiohttp.test_utils import TestClient, TestServer

from bot.clock import ManualClock
from bot.config import load_settings
from bot.events import ChatRef, EventKind, InboundEvent, User
from bot.runtime import Runtime
from bot.server import make_app
from bot.store import Store


async def test_not_ready_without_workers_and_lag_in_metrics(
    store: Store, settings_env: None
) -> None:
    runtime = await Runtime.build(
        load_settings(adapters="console"), clock=ManualClock(), store=store
    )
    async with TestClient(TestServer(make_app(runtime))) as client:
        r = await client.get("/readyz")
        assert r.status == 503
        body = await r.json()
        assert body["workers"] is False and body["redis"] is True
        for n in range(3):
            await runtime.pipeline.submit(
                InboundEvent(
                    f"console:{n}",
                    EventKind.MESSAGE,
                    ChatRef("console", "buurt"),
                    1.0,
                    User("anna"),
                    text="hallo",
                )
            )
        metrics = await (await client.get("/metrics")).text()
        assert 'buurtbot_stream_lag{stream="inbound"} 3.0' in metrics
        assert "buurtbot_workers_running 0.0" in metrics
        runtime.pipeline.start()
        try:
            assert (await client.get("/readyz")).status == 200
        finally:
            await runtime.pipeline.stop()
        assert (await client.get("/readyz")).status == 503
