"""Throughput of the whole pipeline (ingest -> worker -> planner -> outbox -> sender) for a
console group, on the embedded store and on a real Redis, with peak Python memory.

    python benchmarks/bench_pipeline.py [--events 2000] [--redis redis://127.0.0.1:6379/0]
"""

from __future__ import annotations

import argparse
import asyncio
import io
import time
import tracemalloc
import uuid

from bot.clock import ManualClock
from bot.config import load_settings
from bot.demo import DemoSession
from bot.events import EventKind, InboundEvent, User
from bot.store import Store

MESSAGES = [
    "Verdachte man met rode jas in de Kerkstraat, kijkt in autos",
    "Verdachte wagen in de Molenstraat, 101 gebeld, grijze Audi richting station",
    "Wie komt er zaterdag mee naar de bbq?",
    "Goedemorgen allemaal",
    "Die van nummer 7 is een dief",
    "Inbraak bij de buren op nr 12, politie is ter plaatse",
]


async def run(url: str, n: int) -> tuple[float, float]:
    prefix = f"bbbench-{uuid.uuid4().hex[:8]}"
    store = await Store.open(url, prefix, "bench")
    clock = ManualClock()
    settings = load_settings(adapters="console", redis_url="memory://")
    session = await DemoSession.open(settings, store=store, clock=clock, out=io.StringIO())
    p = session.runtime.pipeline
    from adapters.console import CHAT
    from rules import classify, load_pack

    classify("warm-up", load_pack("nl-BE"))  # the pack compiles once per process: not measured

    tracemalloc.start()
    t0 = time.perf_counter()
    for i in range(n):
        clock.advance(7)
        e = InboundEvent(
            f"bench:{i}",
            EventKind.MESSAGE,
            CHAT,
            clock.now(),
            User(f"lid{i % 50}", f"lid{i % 50}"),
            message_id=str(i),
            text=MESSAGES[i % len(MESSAGES)],
        )
        await p.submit(e)
        if i % 50 == 49:
            await p.drain()
    await p.drain()
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    await p.stop()
    keys = [k async for k in store.redis.scan_iter(match=f"{prefix}:*", count=1000)]
    if keys:
        await store.redis.delete(*keys)
    await store.close()
    return n / elapsed, peak / 1e6


def _quiet() -> None:
    import logging

    logging.getLogger("bot").setLevel(logging.ERROR)


def main() -> None:
    _quiet()
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=2000)
    ap.add_argument("--redis", default="redis://127.0.0.1:6379/0")
    a = ap.parse_args()
    results = {}
    for name, url in (("memory:// (fakeredis)", "memory://"), ("real Redis", a.redis)):
        try:
            rate, peak = asyncio.run(run(url, a.events))
        except OSError as exc:
            print(f"{name:24} skipped: {exc}")
            continue
        results[name] = rate
        print(f"{name:24} {rate:8.0f} events/s end to end   peak Python memory {peak:6.1f} MB")
    if len(results) == 2:
        mem, real = results.values()
        print(f"real Redis / embedded: {real / mem:.2f}x")


if __name__ == "__main__":
    main()
