"""`buurtbot demo`: the console adapter's simulated group on the embedded store.

Each script line is processed to completion (worker and sender drained) before the next, so a
transcript is the same on every run. Tests use `DemoSession` on fakeredis and real Redis.
"""

from __future__ import annotations

import asyncio
import sys
import time
from collections.abc import Iterable
from typing import Protocol, TextIO

from bot.clock import ManualClock
from bot.config import Settings
from bot.events import InboundEvent
from bot.runtime import Runtime
from bot.store import Store

DEMO_START = 1_767_258_000.0  # 2026-01-01 10:00 in Brussels: scripts always start here

BANNER = (
    "buurtbot demo — een gesimuleerde buurtpreventiegroep. Schrijf 'naam: bericht',\n"
    "'naam@3: /warn reden' om op bericht #3 te antwoorden, '# coordinator naam', '# +1d', …\n"
    "Alles blijft in het geheugen. Stoppen: Ctrl-D.\n"
)


class Scriptable(Protocol):
    out: TextIO

    async def feed(self, line: str, clock: ManualClock) -> InboundEvent | None: ...


class DemoError(Exception):
    pass


class DemoSession:
    """A console group wired to a full runtime (pipeline included)."""

    def __init__(self, runtime: Runtime, console: Scriptable, clock: ManualClock) -> None:
        self.runtime = runtime
        self.console = console
        self.clock = clock

    @classmethod
    async def open(
        cls,
        settings: Settings,
        *,
        store: Store | None = None,
        clock: ManualClock | None = None,
        out: TextIO | None = None,
    ) -> DemoSession:
        clock = clock or ManualClock(DEMO_START)
        runtime = await Runtime.build(settings, clock=clock, store=store)
        adapter = runtime.adapters.get("console")
        if adapter is None or not hasattr(adapter, "feed"):
            await runtime.close()
            raise DemoError("the console adapter is not enabled")
        console: Scriptable = adapter  # type: ignore[assignment]
        if out is not None:
            console.out = out
        await runtime.start_adapters()
        return cls(runtime, console, clock)

    async def feed(self, line: str) -> None:
        await self.console.feed(line, self.clock)
        await self.runtime.pipeline.drain()

    async def close(self) -> None:
        await self.runtime.close()


async def run_demo(
    settings: Settings,
    lines: Iterable[str] | None,
    *,
    coordinators: Iterable[str] = (),
    out: TextIO | None = None,
    interactive: bool = False,
) -> int:
    out = out or sys.stdout
    clock = ManualClock(time.time() if interactive else DEMO_START)
    session = await DemoSession.open(settings, clock=clock, out=out)
    try:
        for name in coordinators:
            await session.feed(f"# coordinator {name}")
        if interactive:
            out.write(BANNER)
            lines = _stdin_lines(out)
        for number, line in enumerate(lines or (), start=1):
            try:
                await session.feed(line)
            except ValueError as exc:
                if not interactive:
                    raise DemoError(f"script line {number}: {exc}") from None
                out.write(f"!  {exc}\n")
            out.flush()
    finally:
        await session.close()
    return 0


def _stdin_lines(out: TextIO) -> Iterable[str]:
    while True:
        out.write("> ")
        out.flush()
        line = sys.stdin.readline()
        if not line:
            out.write("\n")
            return
        yield line


def run(settings: Settings, script: str | None, coordinators: list[str]) -> int:
    if script is not None:
        with open(script, encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        return asyncio.run(run_demo(settings, lines, coordinators=coordinators))
    if not sys.stdin.isatty():
        lines = sys.stdin.read().splitlines()
        return asyncio.run(run_demo(settings, lines, coordinators=coordinators))
    return asyncio.run(run_demo(settings, None, coordinators=coordinators, interactive=True))
