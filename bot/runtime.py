"""Wiring: settings -> store, adapters, core, executor and pipeline, for `run` and `demo`."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from bot.adapter import Adapter, AdapterContext, find_adapter
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.core import Core
from bot.executor import Executor
from bot.metrics import Metrics
from bot.pipeline import Pipeline, PipelineConfig
from bot.services import Services
from bot.store import Store

log = logging.getLogger(__name__)

MEMORY_WARNING = (
    "BUURTBOT_REDIS_URL is memory://: state lives in this process only and is lost at exit"
)


@dataclass
class Runtime:
    settings: Settings
    store: Store
    clock: Clock
    services: Services
    core: Core
    pipeline: Pipeline
    metrics: Metrics
    adapters: dict[str, Adapter] = field(default_factory=dict)

    @classmethod
    async def build(
        cls,
        settings: Settings,
        *,
        clock: Clock | None = None,
        store: Store | None = None,
        adapters: dict[str, Adapter] | None = None,
        adapter_options: dict[str, Any] | None = None,
    ) -> Runtime:
        clock = clock or SystemClock()
        if store is None:
            if settings.is_memory:
                log.warning(MEMORY_WARNING)
            secret = settings.secret_key.get_secret_value() if settings.secret_key else None
            store = await Store.open(settings.redis_url, settings.redis_prefix, secret)
        metrics = Metrics()
        ctx = AdapterContext(settings=settings, store=store, clock=clock)
        found: dict[str, Adapter] = dict(adapters or {})
        for name in settings.adapter_names:
            if name not in found:
                found[name] = find_adapter(name)(ctx)
        services = Services(
            store=store,
            clock=clock,
            adapters=found,
            default_locale=settings.locale,
            default_timezone=settings.timezone,
        )
        core = Core(services)
        pipeline = Pipeline(
            store,
            core.handle,
            Executor(services),
            PipelineConfig(
                workers=settings.workers,
                reclaim_idle_seconds=settings.reclaim_idle_seconds,
                max_attempts=settings.max_attempts,
                sender_max_wait_seconds=settings.sender_max_wait_seconds,
                dedupe_seconds=settings.dedupe_days * 86400,
            ),
            metrics,
        )
        return cls(settings, store, clock, services, core, pipeline, metrics, found)

    async def start_adapters(self) -> None:
        await self.pipeline.ensure_groups()
        for adapter in self.adapters.values():
            await adapter.start(self.pipeline)

    async def close(self) -> None:
        await self.pipeline.stop()
        for adapter in self.adapters.values():
            try:
                await adapter.stop()
            except Exception:
                log.exception("adapter %s did not stop cleanly", adapter.name)
        await self.store.close()
