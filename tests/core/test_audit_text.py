"""The audit log in readable Dutch (bot/audit_text.py) for /log and `buurtbot admin audit`."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from bot.audit import Audit, AuditEntry
from bot.audit_text import describe, display_names
from bot.events import ChatRef, User
from bot.store import Store

CHAT = ChatRef("console", "buurt")
T0 = 1_767_258_000.0  # 2026-01-01 10:00 in Brussels


def entry(**kw: str) -> AuditEntry:
    base = {"id": "1-0", "at": T0, "actor": "ucarla", "action": "warn"}
    return AuditEntry(**{**base, **kw})  # type: ignore[arg-type]


def test_describe_in_dutch_with_names() -> None:
    names = {"ucarla": "carla", "uanna": "anna"}
    line = describe(
        entry(target="uanna", rule="conduct.language", reason="schelden", outcome="1/3"),
        names,
        "Europe/Brussels",
    )
    assert line == "01/01 10:00 carla: waarschuwing → anna [conduct.language] — schelden (1/3)"
    refused = describe(
        entry(actor="ubert", action="/warn", reason="geen coördinator", outcome="refused"),
        names,
        "Europe/Brussels",
    )
    assert refused == "01/01 10:00 ubert: commando /warn — geen coördinator (geweigerd)"
    failed = describe(
        entry(actor="bot", action="delete", outcome="failed: no right"),
        {},
        "Europe/Amsterdam",
        time_format="%Y-%m-%d %H:%M",
    )
    assert failed == "2026-01-01 10:00 buurtbot: bericht verwijderd (mislukt: no right)"
    cli = describe(entry(target="uanna"), names, "Europe/Brussels", with_pseudonyms=True)
    assert "carla (ucarla)" in cli and "anna (uanna)" in cli


async def test_display_names_never_show_phone_numbers(store: Store) -> None:
    anna = await store.remember_user(CHAT, User("anna", "Anna"))
    wa = await store.remember_user(CHAT, User("32470123456", "+32 470 12 34 56"))
    names = await display_names(
        store, [entry(actor=anna, target=wa), entry(actor="bot", target="unknown")]
    )
    assert names == {anna: "Anna"}


async def test_admin_audit_prints_readable_lines_and_json(store: Store) -> None:
    if type(store.redis).__module__.startswith("fakeredis"):
        pytest.skip("buurtbot admin needs a real Redis")
    anna = await store.remember_user(CHAT, User("anna", "anna"))
    carla = await store.remember_user(CHAT, User("carla", "carla"))
    await store.redis.hset(store.keys.chat(CHAT, "cfg"), "timezone", json.dumps("Europe/Brussels"))
    await Audit(store).record(
        CHAT, at=T0, actor=carla, action="warn", target=anna, reason="spam", outcome="1/3"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUURTBOT_")}
    env |= {
        "BUURTBOT_REDIS_URL": os.environ["BUURTBOT_TEST_REDIS_URL"],
        "BUURTBOT_REDIS_PREFIX": store.keys.prefix,
        "BUURTBOT_SECRET_KEY": "test-secret",
    }

    def run(*args: str) -> str:
        r = subprocess.run(
            [sys.executable, "-m", "bot", "admin", "audit", CHAT.key, *args],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
        )
        assert r.returncode == 0, r.stderr
        return r.stdout

    assert run().strip() == (
        f"2026-01-01 10:00 carla ({carla}): waarschuwing → anna ({anna}) — spam (1/3)"
    )
    [row] = [json.loads(line) for line in run("--json").splitlines()]
    assert (row["actor"], row["action"], row["target"], row["outcome"]) == (
        carla,
        "warn",
        anna,
        "1/3",
    )
