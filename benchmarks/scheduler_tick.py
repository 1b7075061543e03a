"""Scheduler tick cost versus number of groups and number of due reminders.

    python benchmarks/scheduler_tick.py [REDIS_URL]     (default: memory://, i.e. fakeredis)

Prints the mean time of a tick with nothing due for 100 / 1000 / 5000 groups (each with a
reminder on the last Sunday of the month), of a tick that sends 10 / 100 due reminders among
them, and of one run of all housekeeping jobs over those groups. Keys use a throw-away prefix and
are deleted afterwards.
"""

from __future__ import annotations

import asyncio
import sys
import time
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.actions import Action
from bot.clock import ManualClock
from bot.events import ChatRef, InboundEvent
from bot.pipeline import Pipeline
from bot.recurrence import parse_exact
from bot.scheduler import Scheduler
from bot.services import Services
from bot.store import Store

BXL = ZoneInfo("Europe/Brussels")


async def nothing(_: InboundEvent) -> list[Action]:
    return []


async def ignore(_: Action) -> None:
    return None


async def main(url: str) -> None:
    store = await Store.open(url, f"bbbench-{uuid.uuid4().hex[:8]}", "bench")
    clock = ManualClock(datetime(2026, 1, 5, 12, tzinfo=BXL).timestamp())
    services = Services(store=store, clock=clock, adapters={})
    sched = Scheduler(services, Pipeline(store, nothing, ignore), replica="bench")
    await sched.tick()  # claim this period's housekeeping out of the way
    made = 0
    try:
        for groups in (100, 1000, 5000):
            for i in range(made, groups):
                chat = ChatRef("console", f"g{i}")
                await services.groups.ensure(
                    chat, locale="nl-BE", timezone="Europe/Brussels", now=clock.now()
                )
                await sched.reminders.add(chat, parse_exact("elke laatste zondag om 19:00"))
            made = groups
            n = 200
            t0 = time.perf_counter()
            for _ in range(n):
                await sched.tick()
            print(
                f"{groups:5d} groups, 0 due:   {1000 * (time.perf_counter() - t0) / n:7.2f} ms/tick"
            )
        monday = parse_exact("elke maandag om 19:00")
        added = 0
        for due in (10, 100):
            for i in range(added, due):
                await sched.reminders.add(ChatRef("console", f"g{i}"), monday)
            added = due
            clock.set(monday.next_after(clock.now(), BXL) + 5)
            jobs, sched._jobs = sched._jobs, []  # reminders only; housekeeping is timed below
            t0 = time.perf_counter()
            report = await sched.tick()
            dt = time.perf_counter() - t0
            sched._jobs = jobs
            assert len(report.sent) == due, report
            print(
                f"{made:5d} groups, {due:3d} due: {1000 * dt:7.2f} ms/tick ({1000 * dt / due:.2f} ms per reminder)"
            )
        clock.advance(2 * 86400)
        t0 = time.perf_counter()
        report = await sched.tick()
        print(
            f"housekeeping, {made} groups: {time.perf_counter() - t0:.2f} s for {sorted(report.jobs)}"
        )
    finally:
        keys = [k async for k in store.redis.scan_iter(match=f"{store.keys.prefix}:*", count=1000)]
        for i in range(0, len(keys), 1000):
            await store.redis.delete(*keys[i : i + 1000])
        await store.close()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1] if len(sys.argv) > 1 else "memory://"))
