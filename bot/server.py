"""`buurtbot run`: the aiohttp server (webhooks, health, metrics), workers and sender.

SIGTERM/SIGINT stop it cleanly: the listener closes first (no new webhooks), in-flight events
and actions are finished, then the adapters and Redis close — all within 10 s.
"""

from __future__ import annotations

import asyncio
import logging
import signal

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from redis.exceptions import RedisError

from bot.runtime import Runtime
from bot.scheduler import Scheduler

log = logging.getLogger(__name__)

RUNTIME = web.AppKey("runtime", Runtime)
STOP_TIMEOUT = 10.0


def make_app(runtime: Runtime) -> web.Application:
    app = web.Application(client_max_size=3 * 1024 * 1024)
    app[RUNTIME] = runtime
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/readyz", readyz)
    app.router.add_get("/metrics", metrics)
    for adapter in runtime.adapters.values():
        app.router.add_routes(adapter.routes())
    return app


async def healthz(request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def _ready(runtime: Runtime) -> tuple[bool, dict[str, object]]:
    info: dict[str, object] = {"workers": runtime.pipeline.running}
    try:
        await runtime.store.redis.ping()
        info["redis"] = True
        info.update(await runtime.pipeline.stats())
    except (RedisError, OSError):
        info["redis"] = False
    return bool(info["redis"] and info["workers"]), info


async def readyz(request: web.Request) -> web.Response:
    ok, info = await _ready(request.app[RUNTIME])
    info["status"] = "ready" if ok else "not ready"
    return web.json_response(info, status=200 if ok else 503)


async def metrics(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    m = runtime.metrics
    m.workers_running.set(1 if runtime.pipeline.running else 0)
    try:
        stats = await runtime.pipeline.stats()
        for name in ("inbound", "outbox"):
            m.stream_lag.labels(name).set(stats[name]["lag"])
            m.stream_pending.labels(name).set(stats[name]["pending"])
        m.dead_letters.labels("inbound").set(stats["dead_inbound"])
        m.dead_letters.labels("outbox").set(stats["dead_outbox"])
    except (RedisError, OSError):
        log.warning("metrics: redis unavailable")
    body = generate_latest(m.registry)
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})


async def serve(runtime: Runtime, stop: asyncio.Event | None = None) -> None:
    """Serve until `stop` is set or SIGTERM/SIGINT arrives."""
    stop = stop or asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    app = make_app(runtime)
    app_runner = web.AppRunner(app, handle_signals=False, shutdown_timeout=3.0)
    await app_runner.setup()
    s = runtime.settings
    site = web.TCPSite(app_runner, s.http_host, s.http_port)
    await runtime.start_adapters()
    runtime.pipeline.start()
    scheduler = Scheduler.for_runtime(runtime)
    scheduler.start()
    await site.start()
    log.info("buurtbot listening on %s:%d (adapters: %s)", s.http_host, s.http_port, s.adapters)
    try:
        await stop.wait()
    finally:
        log.info("stopping")
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(sig)
        await app_runner.cleanup()
        await scheduler.stop()
        await asyncio.wait_for(runtime.close(), timeout=STOP_TIMEOUT)
        log.info("stopped")
