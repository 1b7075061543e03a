"""/reminder (/herinnering) in a console group, and `buurtbot admin reminders`."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import redis as sync_redis

from bot.cli import main
from bot.events import ChatRef
from bot.groups import GroupConfig
from bot.reminders import Reminders
from tests.conftest import REAL_URL

CHAT = ChatRef("console", "buurt")


async def test_a_new_console_group_gets_the_default_reminder(group) -> None:  # type: ignore[no-untyped-def]
    await group.play("anna: goedemorgen")
    s = group.services
    (rem,) = await Reminders(s.store, s.clock).all(CHAT)
    assert rem.recurrence.describe() == "elke eerste maandag om 19:00"
    assert rem.text == "" and rem.text_key == "reminder_default"
    await group.play("bert: hallo")  # registered once, so still one
    assert len(await Reminders(s.store, s.clock).all(CHAT)) == 1


async def test_coordinator_lists_adds_pauses_and_deletes(group) -> None:  # type: ignore[no-untyped-def]
    out = await group.play("# coordinator carla", "carla: /herinnering")
    assert "1. elke eerste maandag om 19:00 — standaardherinnering" in out
    assert "volgende: ma 5 jan 19:00" in out  # the clock starts on Thu 1 Jan 2026

    out = await group.play("carla: /herinnering elke laatste vrijdag om 20u regels")
    assert "Herinnering 2 gepland: elke laatste vrijdag om 20:00 — de gedragsregels." in out
    assert "Volgende keer: vr 30 jan 20:00." in out

    out = await group.play("carla: /reminder elke zondag om 02:30: Eerst 101 bellen!")
    assert "Herinnering 3 gepland: elke zondag om 02:30 — “Eerst 101 bellen!”" in out
    assert "02:30 bestaat niet op zo 29 mrt 2026" in out and "03:30" in out
    assert "komt twee keer voor op zo 25 okt 2026" in out

    out = await group.play(
        "carla: /herinnering pauze 2", "carla: /herinnering weg 1", "carla: /herinnering"
    )
    assert "Herinnering 2 gepauzeerd" in out and "Herinnering 1 is verwijderd." in out
    listing = out.split("carla: /herinnering\n")[-1]
    assert "2. elke laatste vrijdag om 20:00 (gepauzeerd)" in listing
    assert "3. elke zondag om 02:30 — “Eerst 101 bellen!”" in listing
    assert "1. " not in listing

    out = await group.play("carla: /herinnering hervat 2", "carla: /herinnering tekst 3 Bel 101.")
    assert "Herinnering 2 hervat" in out and "Volgende keer: vr 30 jan 20:00." in out
    assert "Herinnering 3 aangepast: elke zondag om 02:30 — “Bel 101.”" in out

    s = group.services
    actions = [e.action for e in await s.audit.all(CHAT)]
    for a in (
        "reminder add",
        "reminder pause",
        "reminder delete",
        "reminder resume",
        "reminder text",
    ):
        assert a in actions
    (dst,) = [e for e in await s.audit.all(CHAT) if "02:30 bestaat niet" in e.reason]
    assert dst.action == "reminder add"


async def test_a_member_is_refused_and_nothing_changes(group) -> None:  # type: ignore[no-untyped-def]
    out = await group.play("anna: /herinnering elke maandag om 19:00 spam", "anna: /reminder weg 1")
    assert out.count("dat kunnen alleen de coördinatoren") == 2
    s = group.services
    (rem,) = await Reminders(s.store, s.clock).all(CHAT)
    assert rem.id == "1" and not rem.paused
    assert [e.outcome for e in await s.audit.all(CHAT) if e.action == "/reminder"] == [
        "refused"
    ] * 2


async def test_bad_input_gets_a_clear_answer(group) -> None:  # type: ignore[no-untyped-def]
    out = await group.play(
        "# coordinator carla", "carla: /herinnering volgende week", "carla: /herinnering pauze 7"
    )
    assert "Welke dag?" in out and "Gebruik:" in out
    assert "Herinnering 7 bestaat niet" in out


async def test_a_reminder_fires_in_the_console_group(group) -> None:  # type: ignore[no-untyped-def]
    from bot.scheduler import Scheduler

    await group.play(
        "# coordinator carla",
        "carla: /herinnering weg 1",
        "carla: /herinnering elke donderdag om 19u regels",
    )
    runtime = group.session.runtime
    sched = Scheduler.for_runtime(runtime)
    out = await group.play("# +9h")  # Thu 1 Jan 19:00
    report = await sched.tick()
    await runtime.pipeline.drain()
    out = await group.play("carla: /herinnering")
    assert report.sent == ["console:buurt#2"]
    assert "↳ bot: Gedragsregels" in group.out.getvalue()
    assert "laatst: verstuurd op do 1 jan 19:00" in out and "volgende: do 8 jan 19:00" in out


@pytest.fixture
def real_group(monkeypatch: pytest.MonkeyPatch, settings_env: None) -> Iterator[sync_redis.Redis]:
    if not REAL_URL:
        pytest.skip("BUURTBOT_TEST_REDIS_URL not set (admin refuses memory://)")
    prefix = f"bbtest-{uuid.uuid4().hex[:12]}"
    monkeypatch.setenv("BUURTBOT_REDIS_URL", REAL_URL)
    monkeypatch.setenv("BUURTBOT_REDIS_PREFIX", prefix)
    r = sync_redis.Redis.from_url(REAL_URL, decode_responses=True)
    r.hset(f"{prefix}:{{console:buurt}}:cfg", mapping=GroupConfig(name="oost").to_hash())
    r.sadd(f"{prefix}:groups", "console:buurt")
    try:
        yield r
    finally:
        keys = list(r.scan_iter(match=f"{prefix}:*", count=500))
        if keys:
            r.delete(*keys)
        r.close()


def test_admin_reminders_add_list_pause_resume_delete(
    real_group: sync_redis.Redis, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(["admin", "reminders", "oost", "add", "every first monday at 19:00", "--rules"]) == 0
    )
    assert "1. elke eerste maandag om 19:00 — de gedragsregels" in capsys.readouterr().out
    assert (
        main(
            [
                "admin",
                "reminders",
                "console:buurt",
                "add",
                "elke laatste zondag om 02:30",
                "--text",
                "Bel 101",
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "“Bel 101”" in out and "bestaat niet" in out
    assert main(["admin", "reminders", "oost", "pause", "1"]) == 0
    assert (
        main(["admin", "reminders", "oost", "edit", "2", "--schedule", "elke vrijdag om 20:00"])
        == 0
    )
    capsys.readouterr()
    assert main(["admin", "reminders", "oost", "list"]) == 0
    out = capsys.readouterr().out
    assert "1. elke eerste maandag om 19:00 (gepauzeerd)" in out
    assert "2. elke vrijdag om 20:00 — “Bel 101”" in out and "volgende: vr " in out
    assert main(["admin", "reminders", "oost", "resume", "1"]) == 0
    assert main(["admin", "reminders", "oost", "delete", "2"]) == 0
    capsys.readouterr()
    assert main(["admin", "reminders", "oost", "list"]) == 0
    out = capsys.readouterr().out
    assert "2." not in out and "volgende: ma " in out
    # bad input: usage errors exit 2, unknown reminders 1, nothing changed
    assert main(["admin", "reminders", "oost", "add", "morgen"]) == 2
    assert main(["admin", "reminders", "oost", "delete", "9"]) == 1
    assert main(["admin", "reminders", "nergens", "list"]) == 1
    assert "Welke dag" in capsys.readouterr().err
