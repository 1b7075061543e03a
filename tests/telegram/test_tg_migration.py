"""A basic group upgraded to a supergroup keeps its state under the new chat id."""

from __future__ import annotations

from conftest import ANNA, BASIC, CARLA, GROUP, Deployment
from fakes.telegram_api import FULL_RIGHTS, FakeTelegram

from bot.actions import Action, ActionKind
from bot.events import ChatRef
from bot.groups import Role

NEW = -1009876543210
OLD_CHAT, NEW_CHAT = ChatRef("telegram", str(BASIC)), ChatRef("telegram", str(NEW))


async def _basic_group_with_state(tg: Deployment, fake: FakeTelegram) -> str:
    fake.add_chat(BASIC, rights=dict(FULL_RIGHTS))
    fake.add_user(BASIC, CARLA, "Carla", admin=True)
    fake.add_user(BASIC, ANNA, "Anna")
    assert await tg.post(fake.message(BASIC, ANNA, "Goeiemorgen buren")) == 200
    s = tg.runtime.services
    pid = s.store.pseudonym("telegram", str(ANNA))
    await s.groups.update(OLD_CHAT, name="oost", warn_limit=2)
    await s.groups.set_role(OLD_CHAT, pid, Role.TRUSTED)
    warnings = s.store.keys.chat(OLD_CHAT, "warnings")
    await s.store.redis.hset(warnings, pid, '[{"rule": "conduct.language"}]')
    await s.groups.update(ChatRef("telegram", str(GROUP)), coordinators_channel=OLD_CHAT.key)
    return pid


async def test_migration_moves_config_roles_warnings_and_references(
    tg: Deployment, fake: FakeTelegram
) -> None:
    pid = await _basic_group_with_state(tg, fake)
    s = tg.runtime.services
    r = s.store.redis
    assert await tg.post(fake.migrate(BASIC, NEW)) == 200
    cfg = await s.groups.get(NEW_CHAT)
    assert (cfg.name, cfg.warn_limit) == ("oost", 2)
    assert await s.groups.role_of(NEW_CHAT, pid) is Role.TRUSTED
    assert await r.hget(s.store.keys.chat(NEW_CHAT, "warnings"), pid) is not None
    assert not await s.groups.exists(OLD_CHAT)
    old_keys = [k async for k in r.scan_iter(match=f"{s.store.keys.prefix}:*{BASIC}*")]
    assert old_keys == []
    groups = {c.key for c in await s.groups.all()}
    assert NEW_CHAT.key in groups and OLD_CHAT.key not in groups
    other = await s.groups.get(ChatRef("telegram", str(GROUP)))
    assert other.coordinators_channel == NEW_CHAT.key
    assert NEW_CHAT.key in await r.smembers(s.store.keys.glob("member", pid))
    assert [e.action for e in await s.audit.all(NEW_CHAT)][-1] == "migrate"
    # a redelivery of the migration changes nothing
    assert await tg.post(fake.migrate(BASIC, NEW)) == 200
    assert await s.groups.role_of(NEW_CHAT, pid) is Role.TRUSTED
    assert [e.action for e in await s.audit.all(NEW_CHAT)].count("migrate") == 1


async def test_a_send_to_the_old_id_follows_the_chat_and_moves_its_state(
    tg: Deployment, fake: FakeTelegram
) -> None:
    pid = await _basic_group_with_state(tg, fake)
    fake.migrate(BASIC, NEW)  # Telegram upgraded the group; we have not heard of it yet
    before = len(fake.calls_to("sendMessage"))
    action = Action(ActionKind.REPLY, OLD_CHAT, text="Heb je 101 al gebeld?").with_key("m#0")
    await tg.runtime.store.redis.xadd(tg.runtime.pipeline.outbox, {"a": action.to_json()})
    await tg.runtime.pipeline.drain()
    chat_ids = [p["chat_id"] for p in fake.calls_to("sendMessage")[before:]]
    assert chat_ids == [BASIC, NEW]  # refused with migrate_to_chat_id, then sent there
    assert await tg.runtime.services.groups.role_of(NEW_CHAT, pid) is Role.TRUSTED
