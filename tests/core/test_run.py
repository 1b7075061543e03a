"""`buurtbot run` as a real process: health, readiness, metrics, and a clean stop on SIGTERM."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
def test_run_serves_health_and_stops_on_signal(sig: signal.Signals) -> None:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUURTBOT_")}
    env.update(BUURTBOT_HTTP_PORT=str(port), BUURTBOT_ADAPTERS="console")
    proc = subprocess.Popen(
        [sys.executable, "-m", "bot", "run"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                status, body = get(base + "/healthz")
                break
            except OSError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.1)
        assert status == 200 and json.loads(body)["status"] == "ok"
        status, body = get(base + "/readyz")
        assert status == 200, body
        ready = json.loads(body)
        assert ready["redis"] is True and ready["workers"] is True
        status, body = get(base + "/metrics")
        assert status == 200
        assert "buurtbot_workers_running 1.0" in body
        assert 'buurtbot_stream_lag{stream="inbound"}' in body
        proc.send_signal(sig)
        assert proc.wait(timeout=10) == 0
        _, err = proc.communicate()
        assert "stopped" in err
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
