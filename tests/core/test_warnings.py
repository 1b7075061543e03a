"""Warnings as records (bot/warnings.py) and the removed-members record (bot/bans.py), on
fakeredis and real Redis."""

from __future__ import annotations

from bot.bans import Bans
from bot.events import ChatRef
from bot.store import Store
from bot.warnings import DAY, Warning, Warnings

CHAT = ChatRef("console", "buurt")
OTHER = ChatRef("console", "elders")
T0 = 1_767_258_000.0


def w(n: int, at: float, reason: str = "", rule: str = "") -> Warning:
    return Warning(
        id=f"console:{n}:{rule or 'manual'}",
        reason=reason or f"r{n}",
        rule=rule,
        by="ucarla",
        at=at,
    )


async def test_add_is_idempotent_on_the_warning_id(store: Store) -> None:
    ws = Warnings(store)
    first = w(1, T0, "schelden")
    assert await ws.add(CHAT, "uanna", first) is True
    again = Warning(first.id, "iets anders", "", "ubert", T0 + 5)
    assert await ws.add(CHAT, "uanna", again) is False
    assert await ws.active(CHAT, "uanna", T0, 90) == [first]


async def test_records_keep_reason_rule_author_and_time(store: Store) -> None:
    ws = Warnings(store)
    auto = w(2, T0 + 60, "ongepast taalgebruik", rule="conduct.language")
    await ws.add(CHAT, "uanna", auto)
    [got] = await ws.active(CHAT, "uanna", T0 + 60, 90)
    assert (got.reason, got.rule, got.by, got.at) == (
        "ongepast taalgebruik",
        "conduct.language",
        "ucarla",
        T0 + 60,
    )


async def test_active_is_per_member_per_chat_and_oldest_first(store: Store) -> None:
    ws = Warnings(store)
    await ws.add(CHAT, "uanna", w(2, T0 + 10))
    await ws.add(CHAT, "uanna", w(1, T0))
    await ws.add(CHAT, "ubert", w(3, T0))
    await ws.add(OTHER, "uanna", w(4, T0))
    assert [x.id for x in await ws.active(CHAT, "uanna", T0 + 10, 90)] == [
        "console:1:manual",
        "console:2:manual",
    ]
    assert len(await ws.active(OTHER, "uanna", T0, 90)) == 1


async def test_a_warning_stops_counting_after_the_expiry(store: Store) -> None:
    ws = Warnings(store)
    await ws.add(CHAT, "uanna", w(1, T0))
    await ws.add(CHAT, "uanna", w(2, T0 + 30 * DAY))
    assert len(await ws.active(CHAT, "uanna", T0 + 89 * DAY, 90)) == 2
    later = await ws.active(CHAT, "uanna", T0 + 91 * DAY, 90)
    assert [x.id for x in later] == ["console:2:manual"]
    # A shorter expiry applies to what is stored already.
    assert await ws.active(CHAT, "uanna", T0 + 31 * DAY, 1) == []


async def test_withdraw_last_takes_the_newest_active_and_cannot_come_back(store: Store) -> None:
    ws = Warnings(store)
    await ws.add(CHAT, "uanna", w(1, T0))
    await ws.add(CHAT, "uanna", w(2, T0 + 10))
    gone = await ws.withdraw_last(CHAT, "uanna", T0 + 20, 90)
    assert gone is not None and gone.id == "console:2:manual"
    assert [x.id for x in await ws.active(CHAT, "uanna", T0 + 20, 90)] == ["console:1:manual"]
    # The same event processed again does not bring the withdrawn warning back.
    assert await ws.add(CHAT, "uanna", w(2, T0 + 10)) is False
    assert len(await ws.active(CHAT, "uanna", T0 + 20, 90)) == 1


async def test_withdraw_last_ignores_expired_and_says_none_when_empty(store: Store) -> None:
    ws = Warnings(store)
    await ws.add(CHAT, "uanna", w(1, T0))
    assert await ws.withdraw_last(CHAT, "uanna", T0 + 91 * DAY, 90) is None
    assert await ws.withdraw_last(CHAT, "nobody", T0, 90) is None


async def test_withdraw_by_id_and_withdraw_all(store: Store) -> None:
    ws = Warnings(store)
    for n in range(1, 4):
        await ws.add(CHAT, "uanna", w(n, T0 + n))
    assert await ws.withdraw(CHAT, "uanna", "console:2:manual") is True
    assert await ws.withdraw(CHAT, "uanna", "console:2:manual") is False
    assert await ws.withdraw(CHAT, "uanna", "no-such-id") is False
    assert [x.id for x in await ws.active(CHAT, "uanna", T0 + 5, 90)] == [
        "console:1:manual",
        "console:3:manual",
    ]
    assert await ws.withdraw_all(CHAT, "uanna", T0 + 5, 90) == 2
    assert await ws.active(CHAT, "uanna", T0 + 5, 90) == []


async def test_warning_records_expire_only_for_garbage_collection(store: Store) -> None:
    ws = Warnings(store)
    await ws.add(CHAT, "uanna", w(1, T0))
    key = store.keys.chat(CHAT, "warnings", "uanna")
    assert await store.redis.ttl(key) > 300 * 86400


async def test_bans_record_survives_until_unban(store: Store) -> None:
    bans = Bans(store)
    await bans.add(CHAT, "uanna", at=T0, by="ucarla", reason="spam", name="Anna")
    assert (await bans.get(CHAT, "uanna") or {})["reason"] == "spam"
    assert await bans.find_by_name(CHAT, "@anna") == "uanna"
    assert await bans.find_by_name(CHAT, "bert") is None
    assert await bans.remove(CHAT, "uanna") is True
    assert await bans.remove(CHAT, "uanna") is False
    assert await bans.get(CHAT, "uanna") is None


async def test_warnings_at_the_same_time_keep_the_order_they_were_given(store: Store) -> None:
    ws = Warnings(store)
    for n in (3, 10, 2):  # as text the ids sort 10, 2, 3
        await ws.add(CHAT, "uanna", w(n, T0))
    order = ["console:3:manual", "console:10:manual", "console:2:manual"]
    assert [x.id for x in await ws.active(CHAT, "uanna", T0, 90)] == order
    gone = await ws.withdraw_last(CHAT, "uanna", T0, 90)
    assert gone is not None and gone.id == "console:2:manual"
