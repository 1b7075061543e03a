"""Speed of the Telegram path: webhook requests answered (secret checked, update parsed and
mapped, XADDed) per second, then /rules commands processed end to end (worker, core, sender
through the real PTB client to the fake Bot API) per second.

    python benchmarks/telegram_webhook.py [--redis URL] [-n 500] [--concurrency 20]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("PTB_TIMEDELTA", "true")

import aiohttp  # noqa: E402
from aiohttp.test_utils import TestServer  # noqa: E402
from fakes.telegram_api import FULL_RIGHTS, FakeTelegram  # noqa: E402

from adapters.telegram import TelegramAdapter  # noqa: E402
from adapters.telegram.limits import Limits  # noqa: E402
from bot.adapter import AdapterContext  # noqa: E402
from bot.clock import SystemClock  # noqa: E402
from bot.config import load_settings  # noqa: E402
from bot.runtime import Runtime  # noqa: E402
from bot.server import make_app  # noqa: E402
from bot.store import Store  # noqa: E402

GROUP, SECRET = -1001234567890, "bench-secret"


async def main(redis_url: str, n: int, concurrency: int) -> None:
    fake = FakeTelegram()
    await fake.start()
    fake.add_chat(GROUP, rights=dict(FULL_RIGHTS))
    fake.add_user(GROUP, 2222222, "Anna")
    prefix = f"bbbench-{uuid.uuid4().hex[:8]}"
    store = await Store.open(redis_url, prefix, "bench")
    settings = load_settings(
        adapters="telegram",
        telegram_token=fake.token,
        telegram_webhook_secret=SECRET,
        telegram_api_url=fake.url,
    )
    # Telegram's flood limits (20 messages/min per group) would make this a test of waiting:
    # lifted here to measure our own path.
    unlimited = Limits(overall_per_second=10**6, group_per_minute=10**6)
    adapter = TelegramAdapter(AdapterContext(settings, store, SystemClock()), limits=unlimited)
    runtime = await Runtime.build(settings, store=store, adapters={"telegram": adapter})
    server = TestServer(make_app(runtime), host="127.0.0.1")
    await server.start_server()
    await runtime.start_adapters()
    url = str(server.make_url("/webhooks/telegram"))
    updates = [fake.message(GROUP, 2222222, "/rules") for _ in range(n)]
    sem = asyncio.Semaphore(concurrency)
    try:
        async with aiohttp.ClientSession() as s:

            async def post(u: dict[str, object]) -> int:
                async with (
                    sem,
                    s.post(url, json=u, headers={"X-Telegram-Bot-Api-Secret-Token": SECRET}) as r,
                ):
                    return r.status

            t0 = time.perf_counter()
            statuses = await asyncio.gather(*(post(u) for u in updates))
            t1 = time.perf_counter()
        assert statuses.count(200) == n, statuses
        await runtime.pipeline.drain(max_rounds=10_000)
        t2 = time.perf_counter()
        assert len(fake.calls_to("sendMessage")) == n
        print(f"redis: {redis_url.split('://')[0]}  updates: {n}  concurrency: {concurrency}")
        print(
            f"webhook ingest: {n / (t1 - t0):8.0f} updates/s  ({(t1 - t0) / n * 1000:.2f} ms each)"
        )
        print(
            f"process + send: {n / (t2 - t1):8.0f} commands/s ({(t2 - t1) / n * 1000:.2f} ms each)"
        )
    finally:
        keys = [k async for k in store.redis.scan_iter(match=f"{prefix}:*", count=500)]
        if keys:
            await store.redis.delete(*keys)
        await adapter.stop()
        await server.close()
        await store.close()
        await fake.stop()


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--redis", default="memory://")
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--concurrency", type=int, default=20)
    a = ap.parse_args()
    asyncio.run(main(a.redis, a.n, a.concurrency))
