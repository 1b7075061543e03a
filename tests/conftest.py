"""Shared fixtures. Every Redis-backed test runs on fakeredis and on a real Redis
(`BUURTBOT_TEST_REDIS_URL`), each test with its own key prefix; nothing ever flushes a database.
"""

from __future__ import annotations

import io
import os
import tempfile
import uuid
from collections.abc import AsyncIterator
from typing import Any

os.environ.setdefault("PTB_TIMEDELTA", "true")
# The rules' analysis cache (rules/analysis_cache.py) goes to a temporary folder, not ~/.cache.
os.environ.setdefault(
    "BUURTBOT_RULES_CACHE", os.path.join(tempfile.gettempdir(), "buurtbot-test-rules-cache")
)

import pytest
import pytest_asyncio

from bot.clock import ManualClock
from bot.config import load_settings
from bot.store import Store

DEMO_START = 1_767_258_000.0

REAL_URL = os.environ.get("BUURTBOT_TEST_REDIS_URL", "")
REQUIRE_REAL = os.environ.get("BUURTBOT_REQUIRE_REAL_REDIS") == "1"


def _unique_prefix() -> str:
    return f"bbtest-{uuid.uuid4().hex[:12]}"


async def _cleanup(store: Store) -> None:
    keys = [k async for k in store.redis.scan_iter(match=f"{store.keys.prefix}:*", count=500)]
    if keys:
        await store.redis.delete(*keys)


@pytest_asyncio.fixture(params=["fakeredis", "redis"])
async def store(request: pytest.FixtureRequest) -> AsyncIterator[Store]:
    """A Store on fakeredis, then on a real Redis server."""
    prefix = _unique_prefix()
    if request.param == "fakeredis":
        s = await Store.open("memory://", prefix, "test-secret")
    else:
        if not REAL_URL:
            if REQUIRE_REAL:
                pytest.fail("BUURTBOT_TEST_REDIS_URL is not set but real Redis is required")
            pytest.skip("BUURTBOT_TEST_REDIS_URL not set")
        s = await Store.open(REAL_URL, prefix, "test-secret")
    try:
        yield s
    finally:
        await _cleanup(s)
        await s.close()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(DEMO_START)


@pytest.fixture
def settings_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests must not see the developer's own BUURTBOT_* variables."""
    for k in list(os.environ):
        if (
            k.startswith("BUURTBOT_")
            and not k.startswith("BUURTBOT_TEST")
            and k not in ("BUURTBOT_REQUIRE_REAL_REDIS", "BUURTBOT_RULES_CACHE")
        ):
            monkeypatch.delenv(k)


class Group:
    """A console group on a store: feed script lines, read the transcript."""

    def __init__(self, session: Any, out: io.StringIO) -> None:
        self.session = session
        self.out = out
        self._mark = 0

    async def play(self, *lines: str) -> str:
        """Feed lines; return the transcript they produced."""
        for line in lines:
            await self.session.feed(line)
        text = self.out.getvalue()
        new, self._mark = text[self._mark :], len(text)
        return new

    @property
    def services(self):  # type: ignore[no-untyped-def]
        return self.session.runtime.services


@pytest_asyncio.fixture
async def group(store: Store, clock: ManualClock, settings_env: None) -> AsyncIterator[Group]:
    from bot.demo import DemoSession

    out = io.StringIO()
    settings = load_settings(adapters="console", redis_url="memory://")
    session = await DemoSession.open(settings, store=store, clock=clock, out=out)
    try:
        yield Group(session, out)
    finally:
        await session.runtime.pipeline.stop()
