"""Reminders fire once across replicas, survive a replica dying mid-slot, and handle downtime
(grace, skip, no bursts). Three schedulers share one store; the clock is moved by hand and
`tick()` is called directly."""

from __future__ import annotations

import asyncio
import calendar
from dataclasses import replace
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from bot.recurrence import parse_exact
from bot.reminders import slot_id
from tests.scheduler.conftest import CHAT, Replicas

BXL = ZoneInfo("Europe/Brussels")


def local(*args: int) -> float:
    return datetime(*args, tzinfo=BXL).timestamp()


def utc(*args: int) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()


async def monday_reminder(r: Replicas, text: str = "hallo") -> None:
    """A registered group with one reminder, every Monday at 19:00, set up on Monday 5 Jan."""
    await r.register()
    r.clock.set(local(2026, 1, 5, 12, 0))
    await r.reminders.add(CHAT, parse_exact("elke maandag om 19:00"), text=text)


async def run_until(r: Replicas, until: float, step: float) -> None:
    """Advance the clock in steps; at each step all replicas tick concurrently, then the
    sender delivers."""
    while r.clock.now() + step <= until:
        r.clock.advance(step)
        reports = await asyncio.gather(*(s.tick() for s in r.schedulers))
        if any(rep.sent for rep in reports):
            await r.send()


async def reminder_audit(r: Replicas) -> list[str]:
    return [e.outcome for e in await r.services.audit.all(CHAT) if e.action == "reminder"]


async def test_three_replicas_send_each_reminder_once_over_a_month(replicas: Replicas) -> None:
    r = replicas
    r.clock.set(local(2026, 1, 1, 0, 0))
    await r.register()
    await r.reminders.add(CHAT, parse_exact("elke maandag om 19:00"), text="wekelijks")
    await r.reminders.add(
        CHAT, parse_exact("elke eerste maandag om 19:00"), text_key="rules_summary"
    )
    await r.reminders.add(CHAT, parse_exact("elke laatste vrijdag om 20:00"), text="maandelijks")
    end = local(2026, 2, 1, 0, 0)
    await run_until(r, end, step=13 * 60)

    # expected from the calendar, independently of the code under test
    cal = calendar.Calendar()
    jan = [d for d in cal.itermonthdates(2026, 1) if d.month == 1]
    mondays = [d for d in jan if d.weekday() == calendar.MONDAY]
    fridays = [d for d in jan if d.weekday() == calendar.FRIDAY]
    texts = [a.text for _, a in r.executed]
    assert texts.count("wekelijks") == len(mondays) == 4
    assert texts.count("maandelijks") == 1
    assert sum(t.startswith("Gedragsregels") for t in texts) == 1
    assert len(r.executed) == len(mondays) + 2
    assert await r.outbox_len() == len(r.executed)  # never even enqueued twice
    assert await reminder_audit(r) == ["ok"] * len(r.executed)
    # each went out at the first tick after its time
    weekly = sorted(t for t, a in r.executed if a.text == "wekelijks")
    for fired, day in zip(weekly, mondays, strict=True):
        due = datetime(day.year, day.month, day.day, 19, tzinfo=BXL).timestamp()
        assert due <= fired < due + 13 * 60
    (monthly,) = [t for t, a in r.executed if a.text == "maandelijks"]
    last_friday = fridays[-1]
    assert (
        local(2026, 1, last_friday.day, 20)
        <= monthly
        < local(2026, 1, last_friday.day, 20) + 13 * 60
    )
    assert all(a.reply_to is None and a.chat == CHAT for _, a in r.executed)


async def test_dst_weekends_fire_at_the_right_utc_instants(replicas: Replicas) -> None:
    r = replicas
    del r.schedulers[1:]  # about instants, not replicas: one ticks, faster
    await r.register()
    r.clock.set(utc(2026, 3, 21))
    early = await r.reminders.add(CHAT, parse_exact("elke zondag om 02:30"), text="nacht")
    assert any("bestaat niet op zo 29 mrt 2026" in n for n in early.notes)
    await r.reminders.add(CHAT, parse_exact("elke zondag om 19:00"), text="avond")
    await run_until(r, utc(2026, 4, 6), step=5 * 60)
    r.clock.set(utc(2026, 10, 17))
    await r.reminders.update(CHAT, "1", recurrence=parse_exact("elke zondag om 02:30"))
    await r.reminders.update(CHAT, "2", recurrence=parse_exact("elke zondag om 19:00"))
    await run_until(r, utc(2026, 11, 2), step=5 * 60)

    def fired(text: str) -> list[float]:
        return [t for t, a in r.executed if a.text == text]

    def near(times: list[float], expected: list[float]) -> bool:
        return len(times) == len(expected) and all(
            e <= t < e + 300 for t, e in zip(times, expected, strict=True)
        )

    # spring: 02:30 on 29 Mar does not exist -> 03:30 CEST = 01:30Z
    assert near(
        fired("nacht")[:3],
        [utc(2026, 3, 22, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 4, 5, 0, 30)],
    )
    assert near(
        fired("avond")[:3], [utc(2026, 3, 22, 18), utc(2026, 3, 29, 17), utc(2026, 4, 5, 17)]
    )
    # autumn: 02:30 on 25 Oct exists twice; sent once, at the first (00:30Z)
    assert near(
        fired("nacht")[3:],
        [utc(2026, 10, 18, 0, 30), utc(2026, 10, 25, 0, 30), utc(2026, 11, 1, 1, 30)],
    )
    assert near(
        fired("avond")[3:], [utc(2026, 10, 18, 17), utc(2026, 10, 25, 18), utc(2026, 11, 1, 18)]
    )


async def test_a_replica_dying_between_claim_and_send_delays_but_never_drops(
    replicas: Replicas,
) -> None:
    r = replicas
    r1, r2, r3 = r.schedulers
    await monday_reminder(r)
    r.clock.set(local(2026, 1, 5, 19, 0, 10))
    ((member, ts),) = await r.reminders.due(r.clock.now())
    # r1 claims the slot, then dies before it enqueues anything
    status, _ = await r1.reminders.claim(member, ts, "r1", r.clock.now(), r.config.lease_seconds)
    assert status == "won"
    r.clock.advance(30)
    await asyncio.gather(r2.tick(), r3.tick())
    await r.send()
    assert r.executed == []  # the claim still holds: nobody sends yet
    r.clock.advance(r.config.lease_seconds)
    await asyncio.gather(r2.tick(), r3.tick())
    await r.send()
    assert [a.text for _, a in r.executed] == ["hallo"]
    await run_until(r, local(2026, 1, 12, 18, 0), step=1800)
    assert len(r.executed) == 1
    assert await reminder_audit(r) == ["ok"]


async def test_a_replica_dying_after_enqueue_resends_at_most_once(replicas: Replicas) -> None:
    r = replicas
    r1, r2, _ = r.schedulers
    await monday_reminder(r)

    class Died(Exception):
        pass

    async def die(*_: object) -> None:
        raise Died  # enqueued, but gone before marking the slot done

    r1.reminders.finish = die  # type: ignore[method-assign]
    r.clock.set(local(2026, 1, 5, 19, 0, 10))
    await r1.tick()
    assert await r.outbox_len() == 1
    r.clock.advance(r.config.lease_seconds + 1)
    await r2.tick()
    assert await r.outbox_len() == 2  # enqueued again after the lease, with the same key
    await r.send()
    assert [a.text for _, a in r.executed] == ["hallo"]  # the sender's idempotency key holds
    r.clock.advance(3600)
    await r2.tick()
    assert await r.outbox_len() == 2


async def test_missed_within_grace_is_sent_once_late(replicas: Replicas) -> None:
    r = replicas
    await monday_reminder(r)
    r.clock.set(local(2026, 1, 5, 19, 45))  # everything was down from 18:50 to 19:45
    await asyncio.gather(*(s.tick() for s in r.schedulers))
    await r.send()
    await run_until(r, local(2026, 1, 6, 12, 0), step=900)
    assert [a.text for _, a in r.executed] == ["hallo"]
    (entry,) = [e for e in await r.services.audit.all(CHAT) if e.action == "reminder"]
    assert entry.outcome == "ok" and "45 min te laat" in entry.reason
    (listed,) = await r.reminders.listing(CHAT)
    assert "laatst: verstuurd op ma 5 jan 19:45" in "\n".join(listed.lines(BXL))
    assert listed.next_at == local(2026, 1, 12, 19, 0)


async def test_missed_beyond_grace_is_skipped_with_an_audit_entry(replicas: Replicas) -> None:
    r = replicas
    await monday_reminder(r)
    r.clock.set(local(2026, 1, 5, 19, 0) + r.config.grace_seconds + 60)
    await asyncio.gather(*(s.tick() for s in r.schedulers))
    await r.send()
    assert r.executed == [] and await r.outbox_len() == 0
    assert await reminder_audit(r) == ["skipped_late"]
    (listed,) = await r.reminders.listing(CHAT)
    assert "overgeslagen (te laat) op ma 5 jan 19:00" in "\n".join(listed.lines(BXL))
    await run_until(r, local(2026, 1, 12, 20, 0), step=1500)
    assert [a.text for _, a in r.executed] == ["hallo"]  # the next one goes out as usual


async def test_a_month_of_downtime_is_not_a_burst(replicas: Replicas) -> None:
    r = replicas
    await r.register()
    r.clock.set(local(2026, 1, 1, 12, 0))
    await r.reminders.add(CHAT, parse_exact("elke maandag om 19:00"), text="wekelijks")
    await r.reminders.add(CHAT, parse_exact("elke maandag om 19:30"), text="laat")
    # down from 1 Jan until 2 Feb 20:00 (Monday): 5 Mondays missed each
    r.clock.set(local(2026, 2, 2, 20, 0))
    for _ in range(3):
        await asyncio.gather(*(s.tick() for s in r.schedulers))
        r.clock.advance(20)
    await r.send()
    # only the latest occurrence counts: 19:00 and 19:30 on 2 Feb, both within grace
    assert sorted(a.text for _, a in r.executed) == ["laat", "wekelijks"]
    entries = [e for e in await r.services.audit.all(CHAT) if e.action == "reminder"]
    assert len(entries) == 2 and all("4 eerdere keer gemist" in e.reason for e in entries)
    for listed in await r.reminders.listing(CHAT):
        assert listed.next_at is not None and listed.next_at > r.clock.now()


async def test_an_edit_on_one_replica_fires_with_the_new_text_on_the_others(
    replicas: Replicas,
) -> None:
    r = replicas
    r1, r2, r3 = r.schedulers
    await r.register()
    r.clock.set(local(2026, 1, 5, 12, 0))
    await r1.reminders.add(CHAT, parse_exact("elke maandag om 19:00"), text="oud")
    await r1.reminders.update(CHAT, "1", text="nieuw")
    r.clock.set(local(2026, 1, 5, 19, 0, 5))
    await asyncio.gather(r2.tick(), r3.tick())
    await r.send()
    assert [a.text for _, a in r.executed] == ["nieuw"]
    # a schedule change on r1 moves the next fire for everyone
    await r1.reminders.update(CHAT, "1", recurrence=parse_exact("elke dinsdag om 08:00"))
    await asyncio.gather(r2.tick(), r3.tick())
    r.executed.clear()
    r.schedulers.remove(r1)
    await run_until(r, local(2026, 1, 7, 12, 0), step=600)
    assert len(r.executed) == 1
    when = datetime.fromtimestamp(r.executed[0][0], BXL)
    assert (when.date().isoformat(), when.hour) == ("2026-01-06", 8)
    # pause and delete reach every replica too
    await r1.reminders.update(CHAT, "1", paused=True)
    await run_until(r, local(2026, 1, 21, 12, 0), step=3600)
    assert len(r.executed) == 1
    await r1.reminders.update(CHAT, "1", paused=False)
    await r1.reminders.delete(CHAT, "1")
    await run_until(r, local(2026, 1, 28, 12, 0), step=3600)
    assert len(r.executed) == 1 and await r.reminders.due(r.clock.now() + 86400 * 60) == []


async def test_whatsapp_reminders_use_the_template_or_are_skipped(store, clock) -> None:  # type: ignore[no-untyped-def]
    from bot.events import ChatRef
    from bot.reminders import on_group_registered
    from bot.scheduler import SchedulerConfig

    wa = ChatRef("whatsapp", "buurtgroep@g.us")
    with_template = Replicas(
        store,
        clock,
        SchedulerConfig(whatsapp_template="buurt_herinnering", whatsapp_template_language="nl_BE"),
    )
    with_template.add("r1")
    without = Replicas(store, clock, SchedulerConfig())
    without.add("r2")
    await with_template.register(wa)
    assert await on_group_registered(with_template.services, wa) is None  # opt-in on WhatsApp
    assert await with_template.reminders.all(wa) == []
    clock.set(local(2026, 1, 5, 12, 0))
    await with_template.reminders.add(wa, parse_exact("elke maandag om 19:00"), text="hallo")
    clock.set(local(2026, 1, 5, 19, 0, 5))
    await without.schedulers[0].tick()
    assert await without.outbox_len() == 0
    (entry,) = [e for e in await without.services.audit.all(wa) if e.action == "reminder"]
    assert entry.outcome == "skipped_no_template" and "template" in entry.reason
    clock.set(local(2026, 1, 12, 19, 0, 5))
    await with_template.schedulers[0].tick()
    rows = await store.redis.xrange(with_template.schedulers[0].pipeline.outbox)
    from bot.actions import Action

    (action,) = [Action.from_json(f["a"]) for _, f in rows]
    assert action.extra["template"] == "buurt_herinnering"
    assert action.extra["template_language"] == "nl_BE"
    assert action.key == slot_id("whatsapp:buurtgroep@g.us#1", local(2026, 1, 12, 19)) + "#0"


async def test_the_tick_reads_only_due_reminders(replicas: Replicas) -> None:
    """Cost grows with due reminders, not groups: 200 groups, one due."""
    r = replicas
    r.clock.set(local(2026, 1, 5, 12, 0))
    for i in range(200):
        chat = CHAT.__class__("console", f"g{i}")
        await r.register(chat)
        day = "maandag" if i == 7 else "dinsdag"
        await r.reminders.add(chat, parse_exact(f"elke {day} om 19:00"), text=f"g{i}")
    r.clock.set(local(2026, 1, 5, 19, 0, 5))
    due = await r.reminders.due(r.clock.now())
    assert [m for m, _ in due] == ["console:g7#1"]
    report = await r.schedulers[0].tick()
    assert report.sent == ["console:g7#1"]


async def test_a_tick_reads_past_slots_other_replicas_hold(replicas: Replicas) -> None:
    """More held slots than one batch: the tick ends and still sends the free ones."""
    r = replicas
    r1, r2, _ = r.schedulers
    r2.cfg = replace(r.config, batch=2)
    r.clock.set(local(2026, 1, 5, 12, 0))
    for i in range(5):
        chat = CHAT.__class__("console", f"g{i}")
        await r.register(chat)
        await r.reminders.add(chat, parse_exact("elke maandag om 19:00"), text=f"g{i}")
    r.clock.set(local(2026, 1, 5, 19, 0, 5))
    due = await r.reminders.due(r.clock.now())
    for member, ts in due[:3]:  # r1 holds three and is still working on them
        await r1.reminders.claim(member, ts, "r1", r.clock.now(), r.config.lease_seconds)
    report = await asyncio.wait_for(r2.tick(), timeout=30)
    assert sorted(report.sent) == sorted(m for m, _ in due[3:])
    assert len(await r.reminders.due(r.clock.now())) == 3
