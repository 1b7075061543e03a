"""`redis+sentinel://` reaches the master through a real Sentinel (started here on a free port,
watching the test Redis)."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from bot.store import Store

REAL = os.environ.get("BUURTBOT_TEST_REDIS_URL", "")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def sentinel(tmp_path: Path) -> Iterator[int]:
    if not REAL or not shutil.which("redis-server"):
        if os.environ.get("BUURTBOT_REQUIRE_REAL_REDIS") == "1":
            pytest.fail("a real Redis and redis-server are required")
        pytest.skip("needs a real Redis and redis-server")
    master = urlsplit(REAL)
    port = _free_port()
    conf = tmp_path / "sentinel.conf"
    conf.write_text(
        f"port {port}\nbind 127.0.0.1\ndir {tmp_path}\n"
        f"sentinel monitor bbtest {master.hostname} {master.port or 6379} 1\n"
    )
    proc = subprocess.Popen(["redis-server", str(conf), "--sentinel"], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    try:
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


async def test_sentinel_url_finds_the_master(sentinel: int) -> None:
    prefix = f"bbtest-{uuid.uuid4().hex[:12]}"
    store = await Store.open(f"redis+sentinel://127.0.0.1:{sentinel}/bbtest/0", prefix, "s")
    try:
        await store.redis.set(store.keys.glob("probe"), "ja")
        assert await store.redis.get(store.keys.glob("probe")) == "ja"
    finally:
        await store.redis.delete(store.keys.glob("probe"), store.keys.glob("schema"))
        await store.close()
