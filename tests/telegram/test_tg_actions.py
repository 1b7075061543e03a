"""Actions carried out by the telegram adapter through the sender and the Executor (so each
reaches the fake Bot API and is audited), with Telegram's limits and errors."""

from __future__ import annotations

import itertools
from typing import Any

from conftest import ANNA, BASIC, CARLA, GROUP, PIET, Deployment
from fakes.telegram_api import FULL_RIGHTS, FakeTelegram

from adapters.telegram.limits import Limits, RateLimiter
from bot.actions import Action, ActionKind
from bot.clock import ManualClock
from bot.events import ChatRef
from bot.reach import reachability
from bot.store import Store

CHAT = ChatRef("telegram", str(GROUP))
_n = itertools.count()


async def send(tg: Deployment, *actions: Action) -> None:
    """Put actions in the outbox as the worker would, and let the sender run."""
    for a in actions:
        keyed = a.with_key(f"test:{next(_n)}#0")
        await tg.runtime.store.redis.xadd(tg.runtime.pipeline.outbox, {"a": keyed.to_json()})
    await tg.runtime.pipeline.drain()


async def audit(tg: Deployment, chat: ChatRef = CHAT) -> list[tuple[str, str, str]]:
    return [(e.action, e.rule, e.outcome) for e in await tg.runtime.services.audit.all(chat)]


async def dead(tg: Deployment) -> list[str]:
    return [f["error"] for _i, f in await tg.runtime.pipeline.dead_letters("out")]


async def posted(tg: Deployment, fake: FakeTelegram, user: int, text: str, **kw: Any) -> int:
    update = fake.message(GROUP, user, text, **kw)
    assert await tg.post(update) == 200
    return int(update["message"]["message_id"])


async def test_delete_reaches_telegram_and_is_audited(tg: Deployment, fake: FakeTelegram) -> None:
    mid = await posted(tg, fake, ANNA, "scheldwoord")
    await send(
        tg,
        Action(
            ActionKind.DELETE,
            CHAT,
            user_id=str(ANNA),
            message_id=str(mid),
            rule="conduct.language",
            reason="scheldwoord",
        ),
    )
    assert [p["message_id"] for p in fake.calls_to("deleteMessage")] == [mid]
    assert mid not in fake.chats[GROUP].messages
    assert ("delete", "conduct.language", "ok") in await audit(tg)


async def test_delete_after_48_hours_is_refused_with_a_reason(
    tg: Deployment, fake: FakeTelegram, clock: ManualClock
) -> None:
    mid = await posted(tg, fake, ANNA, "oud bericht")
    clock.advance(48 * 3600 + 60)
    await send(tg, Action(ActionKind.DELETE, CHAT, message_id=str(mid), rule="conduct.language"))
    assert fake.calls_to("deleteMessage") == []  # known too old: not even tried
    (error,) = await dead(tg)
    assert "48 hours" in error
    (entry,) = [a for a in await audit(tg) if a[0] == "delete"]
    assert entry[2].startswith("failed") and "48 hours" in entry[2]


async def test_delete_of_a_vanished_message_counts_as_done(
    tg: Deployment, fake: FakeTelegram
) -> None:
    await send(tg, Action(ActionKind.DELETE, CHAT, message_id="987654", rule="conduct.language"))
    assert len(fake.calls_to("deleteMessage")) == 1
    assert await dead(tg) == []
    assert ("delete", "conduct.language", "ok") in await audit(tg)


async def test_threaded_reply_survives_a_deleted_original_and_protects_content(
    tg: Deployment, fake: FakeTelegram
) -> None:
    mid = await posted(tg, fake, ANNA, "melding")
    del fake.chats[GROUP].messages[mid]  # deleted before the bot answered
    before = len(fake.calls_to("sendMessage"))  # the bot may already have answered "melding"
    await send(
        tg,
        Action(ActionKind.REPLY, CHAT, text="Heb je 101 al gebeld?", reply_to=str(mid)),
        Action(ActionKind.REPLY, CHAT, text="Melding van Anna", extra={"protect": "1"}),
    )
    threaded, repost = fake.calls_to("sendMessage")[before:]
    assert threaded["reply_parameters"] == {"message_id": mid, "allow_sending_without_reply": True}
    assert "protect_content" not in threaded
    assert repost["protect_content"] is True and "reply_parameters" not in repost
    assert await dead(tg) == []


async def test_ban_unban_and_kick(tg: Deployment, fake: FakeTelegram) -> None:
    chat = fake.chats[GROUP]
    await send(tg, Action(ActionKind.BAN, CHAT, user_id=str(ANNA), rule="conduct.language"))
    assert ANNA in chat.banned and ANNA not in chat.members
    await send(tg, Action(ActionKind.UNBAN, CHAT, user_id=str(ANNA)))
    assert ANNA not in chat.banned
    assert fake.calls_to("unbanChatMember")[-1]["only_if_banned"] is True
    await send(tg, Action(ActionKind.KICK, CHAT, user_id=str(PIET)))
    assert PIET not in chat.members and PIET not in chat.banned  # may rejoin
    assert [a[0] for a in await audit(tg)] == ["ban", "unban", "kick"]
    pid = tg.runtime.store.pseudonym("telegram", str(ANNA))
    assert (await tg.runtime.services.audit.all(CHAT))[0].target == pid


async def test_mute_in_a_supergroup_only(
    tg: Deployment, fake: FakeTelegram, clock: ManualClock
) -> None:
    until = clock.now() + 3600
    await send(tg, Action(ActionKind.MUTE, CHAT, user_id=str(ANNA), until=until))
    (call,) = fake.calls_to("restrictChatMember")
    assert call["until_date"] == int(until)
    assert call["permissions"]["can_send_messages"] is False
    assert not any(call["permissions"].values())
    fake.add_chat(BASIC, rights=dict(FULL_RIGHTS))
    basic = ChatRef("telegram", str(BASIC))
    await send(tg, Action(ActionKind.MUTE, basic, user_id=str(ANNA), until=until))
    assert len(fake.calls_to("restrictChatMember")) == 1
    assert "supergroup" in (await dead(tg))[0]


async def test_join_requests_are_approved_or_declined(tg: Deployment, fake: FakeTelegram) -> None:
    jan = {"id": 5555555, "is_bot": False, "first_name": "Jan"}
    mia = {"id": 6666666, "is_bot": False, "first_name": "Mia"}
    for u in (jan, mia):
        assert await tg.post(fake.join_request(GROUP, u)) == 200
    await send(
        tg,
        Action(ActionKind.APPROVE_JOIN, CHAT, user_id="5555555"),
        Action(ActionKind.DECLINE_JOIN, CHAT, user_id="6666666"),
    )
    chat = fake.chats[GROUP]
    assert 5555555 in chat.members and 6666666 not in chat.members
    assert chat.join_requests == set()
    assert [a[0] for a in await audit(tg) if "join" in a[0]] == ["approve_join", "decline_join"]


async def test_private_messages_only_reach_users_who_started_the_bot(
    tg: Deployment, fake: FakeTelegram
) -> None:
    store = tg.runtime.store
    pm = Action(ActionKind.PRIVATE_MESSAGE, CHAT, user_id=str(ANNA), text="Tip: signalement")
    await send(tg, pm)
    assert len(fake.calls_to("sendMessage")) == 1  # tried once: Telegram said no
    assert await reachability(store, "telegram", str(ANNA)) is False
    assert "not started the bot" in (await dead(tg))[0]
    await send(tg, pm)
    assert len(fake.calls_to("sendMessage")) == 1  # known unreachable: not tried again
    # Anna opens the bot privately: the core marks her reachable and greets her
    assert await tg.post(fake.private_start(ANNA)) == 200
    assert await reachability(store, "telegram", str(ANNA)) is True
    greeting = fake.calls_to("sendMessage")[-1]
    assert greeting["chat_id"] == ANNA and "privé" in greeting["text"]
    await send(tg, pm)
    last = fake.calls_to("sendMessage")[-1]
    assert (last["chat_id"], last["text"]) == (ANNA, "Tip: signalement")


async def test_capabilities_follow_the_bots_rights_and_are_cached(
    tg: Deployment, fake: FakeTelegram
) -> None:
    a = tg.adapter
    assert await a.capabilities(CHAT) == {
        "delete",
        "ban",
        "kick",
        "mute",
        "approve_join",
        "pin",
        "reply_thread",
        "private_message",
        "protect_content",
    }
    await a.capabilities(CHAT)
    assert len(fake.calls_to("getChatMember")) == 1  # cached
    fake.add_chat(BASIC, rights={"can_restrict_members": True})
    caps = await a.capabilities(ChatRef("telegram", str(BASIC)))
    assert "ban" in caps and "mute" not in caps and "delete" not in caps
    member_only = -1001111111111
    fake.add_chat(member_only)
    assert await a.capabilities(ChatRef("telegram", str(member_only))) == {
        "reply_thread",
        "private_message",
        "protect_content",
    }


async def test_bot_rights_update_refreshes_capabilities(tg: Deployment, fake: FakeTelegram) -> None:
    assert "delete" in await tg.adapter.capabilities(CHAT)
    demoted = {**{k: False for k in FULL_RIGHTS}, "can_restrict_members": True}
    fake.chats[GROUP].bot_rights = demoted
    update = fake.next_update(
        my_chat_member={
            "chat": fake.chats[GROUP].obj(),
            "from": fake.users[CARLA],
            "date": 1,
            "old_chat_member": {
                "status": "administrator",
                "user": fake.me,
                "can_be_edited": False,
                "is_anonymous": False,
                **FULL_RIGHTS,
            },
            "new_chat_member": {
                "status": "administrator",
                "user": fake.me,
                "can_be_edited": False,
                "is_anonymous": False,
                **demoted,
            },
        }
    )
    assert await tg.post(update) == 200
    caps = await tg.adapter.capabilities(CHAT)
    assert "delete" not in caps and "ban" in caps
    assert len(fake.calls_to("getChatMember")) == 1  # the update said it; no lookup needed


async def test_admins_come_from_telegram_without_bots_and_are_cached(
    tg: Deployment, fake: FakeTelegram
) -> None:
    a = tg.adapter
    assert list(await a.admins(CHAT)) == [str(CARLA)]
    assert await a.is_admin(CHAT, str(CARLA))
    assert not await a.is_admin(CHAT, str(ANNA))
    assert await a.is_admin(CHAT, str(GROUP))  # an anonymous admin speaks as the group
    assert len(fake.calls_to("getChatAdministrators")) == 1


async def test_missing_rights_and_a_kicked_bot_are_permanent_failures(
    tg: Deployment, fake: FakeTelegram
) -> None:
    await tg.adapter.capabilities(CHAT)
    fake.chats[GROUP].bot_rights = {"can_delete_messages": True}
    await send(tg, Action(ActionKind.BAN, CHAT, user_id=str(ANNA)))
    assert "rights" in (await dead(tg))[0]
    assert "ban" not in await tg.adapter.capabilities(CHAT)  # looked up again
    fake.chats[GROUP].bot_present = False
    await send(tg, Action(ActionKind.REPLY, CHAT, text="hallo"))
    assert "removed from this chat" in (await dead(tg))[1]
    assert len(fake.calls_to("sendMessage")) == 1  # permanent: not retried


async def test_flood_control_is_waited_out_and_the_action_happens_once(
    tg: Deployment, fake: FakeTelegram
) -> None:
    fake.fail("sendMessage", 429, "Too Many Requests: retry after 1", retry_after=1)
    await send(tg, Action(ActionKind.REPLY, CHAT, text="Heb je 101 al gebeld?"))
    calls = fake.calls_to("sendMessage")
    assert len(calls) == 2  # refused once, then sent
    sent = [
        m for m in fake.chats[GROUP].messages.values() if m["obj"]["from"]["id"] == fake.me["id"]
    ]
    assert len(sent) == 1
    assert await dead(tg) == []
    assert tg.runtime.metrics.retries._value.get() >= 1


async def test_a_retry_after_pauses_the_chat_for_every_replica(
    tg: Deployment, fake: FakeTelegram
) -> None:
    fake.fail("sendMessage", 429, "Too Many Requests: retry after 30", retry_after=30)
    a = tg.adapter
    reply = Action(ActionKind.REPLY, CHAT, text="x")
    try:
        await a.execute(reply)
    except Exception as exc:
        assert getattr(exc, "transient", False) and exc.retry_after == 30  # type: ignore[attr-defined]
    other = RateLimiter(tg.runtime.store)  # another replica's limiter
    paused = await other.paused_for(tg.runtime.store.keys.chat(CHAT, "tgpause"))
    assert 25 < paused <= 30
    try:
        await a.execute(reply)
    except Exception as exc:
        assert getattr(exc, "transient", False)
    assert len(fake.calls_to("sendMessage")) == 1  # paused: not even tried


async def test_group_budget_is_shared_and_moderation_does_not_spend_it(tg: Deployment) -> None:
    store = tg.runtime.store
    one, two = RateLimiter(store, Limits(1000, 3)), RateLimiter(store, Limits(1000, 3))
    group = store.keys.chat(CHAT, "tgrl")
    assert [await one.try_take(group) for _ in range(2)] == [0.0, 0.0]
    assert await two.try_take(group) == 0.0
    wait = await two.try_take(group)
    assert 0 < wait <= 60
    assert await one.try_take(group) > 0
    assert await one.try_take(None) == 0.0  # deletes and bans take only the global budget


async def test_the_overall_budget_holds_across_replicas(store: Store) -> None:
    one, two = RateLimiter(store, Limits(2, 100)), RateLimiter(store, Limits(2, 100))
    waits = [await (one if i % 2 else two).try_take(None) for i in range(5)]
    assert waits[0] == 0.0
    assert any(0 < w <= 1.0 for w in waits)  # five calls cannot all fit in 2/s


async def test_a_long_wait_for_the_group_budget_is_handed_back_to_the_sender(
    tg: Deployment,
) -> None:
    store = tg.runtime.store
    limiter = RateLimiter(store, Limits(1000, 1))
    group = store.keys.chat(CHAT, "tgrl")
    assert await limiter.take(group, max_wait=0.5) == 0.0
    assert 50 < await limiter.take(group, max_wait=0.5) <= 60  # not slept: the minute is long
