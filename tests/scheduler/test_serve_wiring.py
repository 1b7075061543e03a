"""`buurtbot run` (serve) starts the scheduler in every replica and stops it on shutdown."""

from __future__ import annotations

import asyncio

from bot.config import load_settings
from bot.runtime import Runtime
from bot.server import serve
from bot.store import Store
from tests.core.test_run import free_port


async def test_serve_runs_the_scheduler_tick(store: Store, settings_env: None) -> None:
    settings = load_settings(adapters="console", http_port=free_port())
    runtime = await Runtime.build(settings, store=store)
    stop = asyncio.Event()
    server = asyncio.create_task(serve(runtime, stop))
    try:
        # the interval job runs once at start: it claims this period of every housekeeping job
        pattern = store.keys.glob("rem", "job") + ":*"
        for _ in range(200):  # bounded wait for an event, not a timing assertion
            claimed = [k async for k in store.redis.scan_iter(match=pattern)]
            if len(claimed) == 6:
                break
            await asyncio.sleep(0.05)
        assert len(claimed) == 6
        assert {await store.redis.get(k) for k in claimed} == {runtime.pipeline.consumer}
    finally:
        stop.set()
        await asyncio.wait_for(server, timeout=15)
