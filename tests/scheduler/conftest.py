"""Replicas for scheduler tests: several Scheduler/Pipeline pairs on one store and one clock."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bot.actions import Action
from bot.clock import ManualClock
from bot.events import ChatRef, InboundEvent
from bot.pipeline import Pipeline
from bot.reminders import Reminders
from bot.scheduler import Scheduler, SchedulerConfig
from bot.services import Services
from bot.store import Store

CHAT = ChatRef("console", "buurt")


@dataclass
class Replicas:
    store: Store
    clock: ManualClock
    config: SchedulerConfig
    schedulers: list[Scheduler] = field(default_factory=list)
    executed: list[tuple[float, Action]] = field(default_factory=list)  # (clock time, action)

    def add(self, name: str, adapters: dict[str, object] | None = None) -> Scheduler:
        services = Services(store=self.store, clock=self.clock, adapters=adapters or {})  # type: ignore[arg-type]

        async def decide(event: InboundEvent) -> list[Action]:
            return []

        async def execute(action: Action) -> None:
            self.executed.append((self.clock.now(), action))

        pipeline = Pipeline(self.store, decide, execute, consumer=name)
        sched = Scheduler(services, pipeline, self.config, replica=name)
        self.schedulers.append(sched)
        return sched

    @property
    def services(self) -> Services:
        return self.schedulers[0].s

    @property
    def reminders(self) -> Reminders:
        return self.schedulers[0].reminders

    async def register(self, chat: ChatRef = CHAT, timezone: str = "Europe/Brussels") -> None:
        await self.services.groups.ensure(
            chat, locale="nl-BE", timezone=timezone, now=self.clock.now()
        )

    async def send(self) -> None:
        """The sender of one replica delivers what the ticks put in the outbox."""
        await self.schedulers[0].pipeline.drain()

    async def outbox_len(self) -> int:
        return int(await self.store.redis.xlen(self.schedulers[0].pipeline.outbox))


@pytest.fixture
def replicas(store: Store, clock: ManualClock) -> Replicas:
    r = Replicas(store, clock, SchedulerConfig(grace_seconds=120 * 60, lease_seconds=120))
    for name in ("r1", "r2", "r3"):
        r.add(name)
    return r
