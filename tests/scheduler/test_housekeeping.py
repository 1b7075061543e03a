"""Housekeeping jobs: each runs once per period across replicas and judges age by stored
timestamps (the manual clock), not by Redis TTLs."""

from __future__ import annotations

import asyncio
import json

from bot.actions import Action, ActionKind
from bot.events import User
from bot.housekeeping import DAY, MESSAGE_DERIVED
from bot.recurrence import parse_exact
from tests.scheduler.conftest import CHAT, Replicas


class AdminCache:
    """An adapter that caches administrator lists (the optional `refresh_admins`)."""

    name = "console"

    def __init__(self) -> None:
        self.refreshed: list[str] = []

    async def refresh_admins(self, chat) -> None:  # type: ignore[no-untyped-def]
        self.refreshed.append(chat.key)

    async def capabilities(self, chat):  # type: ignore[no-untyped-def]
        return frozenset({"approve_join"})


async def tick_all(r: Replicas) -> list[dict[str, int]]:
    reports = await asyncio.gather(*(s.tick() for s in r.schedulers))
    return [rep.jobs for rep in reports]


async def test_each_job_runs_once_per_period_across_replicas(replicas: Replicas) -> None:
    r = replicas
    await r.register()
    runs = await tick_all(r)
    names = [n for jobs in runs for n in jobs]
    assert sorted(names) == sorted(j.name for j in r.schedulers[0].housekeeping.jobs())
    assert await tick_all(r) == [{}, {}, {}]  # same period: nobody again
    r.clock.advance(3600)
    hourly = [n for jobs in await tick_all(r) for n in jobs]
    assert sorted(hourly) == ["expire-joinreq", "refresh-admins", "reschedule"]
    r.clock.advance(DAY)
    daily = [n for jobs in await tick_all(r) for n in jobs]
    assert len(daily) == 6 and len(set(daily)) == 6


async def test_message_derived_data_is_purged_after_the_retention_period(
    replicas: Replicas,
) -> None:
    """The data the stateful rules and cases really write is purged by its stored time."""
    from bot.cases import Case, Cases
    from bot.stateful import StatefulRules

    r = replicas
    await r.register()
    now = r.clock.now()
    old, fresh = now - 91 * DAY, now - 89 * DAY
    k, redis = r.store.keys, r.store.redis
    state = StatefulRules(r.store)
    pid_old, pid = "u1234abcd00000000", "u1234abcd11111111"
    await state.fragment_burst(CHAT, pid_old, "e-old", old)
    await state.fragment_burst(CHAT, pid, "e-new", fresh)
    await state.duplicate_of(
        CHAT,
        "e-old",
        "verdachte man brak in aan de kerkstraat nummer",
        "inbraak",
        "kerkstraat",
        old,
    )
    await state.duplicate_of(
        CHAT,
        "e-new",
        "grijze wagen rijdt traag rond in de molenstraat",
        "voertuig",
        "molenstraat",
        fresh,
    )
    cases = Cases(r.store)
    await cases.open(CHAT, Case(0, "e-old", "conduct.language", text="verwijderde tekst", at=old))
    await cases.open(CHAT, Case(0, "e-new", "conduct.language", text="nieuwe tekst", at=fresh))
    assert set(MESSAGE_DERIVED) >= {"burst", "fingerprints", "cases"}
    other = k.chat(CHAT, "cfg")  # configuration is never purged
    removed = await r.schedulers[0].housekeeping.purge_message_data(now)
    assert removed == 1 + 2 + 1  # one burst entry, two fingerprints, one case
    assert len(await redis.zrange(k.chat(CHAT, "burst", pid), 0, -1)) == 1
    assert await redis.zrange(k.chat(CHAT, "burst", pid_old), 0, -1) == []
    stamps = [
        float(v.split("|")[0]) for v in (await redis.hgetall(k.chat(CHAT, "fingerprints"))).values()
    ]
    assert stamps and all(t == fresh for t in stamps)
    assert await cases.get(CHAT, 1) is None
    kept = await cases.get(CHAT, 2)
    assert kept is not None and kept.text == "nieuwe tekst"
    assert await redis.exists(other)


async def test_audit_is_trimmed_by_age(replicas: Replicas) -> None:
    r = replicas
    await r.register()
    now = r.clock.now()
    for at in (now - 400 * DAY, now - 366 * DAY, now - 10 * DAY):
        await r.services.audit.record(CHAT, at=at, actor="bot", action="test")
    assert await r.schedulers[0].housekeeping.trim_audit(now) == 2
    assert [e.at for e in await r.services.audit.all(CHAT)][-1] == now - 10 * DAY
    assert all(e.at >= now - 365 * DAY for e in await r.services.audit.all(CHAT))


async def test_stale_join_requests_are_declined_through_the_outbox(store, clock) -> None:  # type: ignore[no-untyped-def]
    from bot.scheduler import SchedulerConfig

    cache = AdminCache()
    r = Replicas(store, clock, SchedulerConfig())
    r.add("r1", adapters={"console": cache})
    await r.register()
    now = clock.now()
    pid_old = await store.remember_user(CHAT, User(id="piet"))
    pid_new = await store.remember_user(CHAT, User(id="jan"))
    key = store.keys.chat(CHAT, "joinreq")
    await store.redis.hset(
        key,
        mapping={
            pid_old: json.dumps({"at": now - 25 * 3600}),
            pid_new: json.dumps({"at": now - 3600, "user_id": "jan"}),
        },
    )
    report = await r.schedulers[0].tick()
    assert report.jobs["expire-joinreq"] == 1
    assert report.jobs["refresh-admins"] == 1 and cache.refreshed == [CHAT.key]
    assert await store.redis.hkeys(key) == [pid_new]
    rows = await store.redis.xrange(r.schedulers[0].pipeline.outbox)
    (action,) = [Action.from_json(f["a"]) for _, f in rows]
    assert action.kind is ActionKind.DECLINE_JOIN and action.user_id == "piet"


async def test_dedupe_keys_without_a_ttl_get_one(replicas: Replicas) -> None:
    r = replicas
    redis, k = r.store.redis, r.store.keys
    await redis.set(k.glob("seen", "abc"), "done")  # lost its TTL
    await redis.set(k.glob("seen", "def"), "done", ex=60)
    assert await r.schedulers[0].housekeeping.expire_dedupe_keys(r.clock.now()) == 1
    assert 0 < await redis.ttl(k.glob("seen", "abc")) <= r.config.dedupe_seconds
    assert await redis.ttl(k.glob("seen", "def")) <= 60


async def test_a_reminder_missing_from_the_schedule_is_put_back(replicas: Replicas) -> None:
    r = replicas
    await r.register()
    await r.reminders.add(CHAT, parse_exact("elke maandag om 19:00"))
    await r.store.redis.zrem(r.reminders.due_key, f"{CHAT.key}#1")  # a crash between writes
    assert await r.schedulers[0].housekeeping.reschedule_reminders(r.clock.now()) == 1
    (listed,) = await r.reminders.listing(CHAT)
    assert listed.next_at is not None and listed.next_at > r.clock.now()
