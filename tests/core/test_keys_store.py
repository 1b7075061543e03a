"""Keys, pseudonyms and the small records of the store."""

from __future__ import annotations

import re

import pytest

from bot.audit import Audit
from bot.events import ChatRef, User
from bot.groups import Groups, Role
from bot.keys import Keys, PersonalDataInKey
from bot.store import SCHEMA_VERSION, SchemaTooNew, Store

GROUP = ChatRef("telegram", "-1001234567890")


def test_per_chat_keys_carry_the_hash_tag() -> None:
    k = Keys("bb")
    assert k.chat(GROUP, "cfg") == "bb:{telegram:-1001234567890}:cfg"
    assert k.glob("in") == "bb:in"


@pytest.mark.parametrize("part", ["32470123456", "+32470123456", "123456789", "+31 6 1234 5678"])
def test_key_builder_refuses_phone_numbers_and_user_ids(part: str) -> None:
    k = Keys("bb")
    with pytest.raises(PersonalDataInKey):
        k.glob("warn", part)
    with pytest.raises(PersonalDataInKey):
        k.chat(ChatRef("whatsapp", part), "cfg")


async def test_no_key_holds_a_user_id_or_phone_number(store: Store) -> None:
    phone = "32470123456"
    pid = await store.remember_user(GROUP, User(id=phone, name="Anna", username="anna_b"))
    assert re.fullmatch(r"u[0-9a-f]{16}", pid)
    assert pid == store.pseudonym("telegram", phone)
    assert pid != store.pseudonym("whatsapp", phone)
    keys = [k async for k in store.redis.scan_iter(match=f"{store.keys.prefix}:*")]
    assert keys
    assert not any(phone in k for k in keys)
    assert (await store.alias(pid) or {})["id"] == phone  # the alias hash maps back
    assert await store.by_username(GROUP, "@Anna_B") == pid
    assert GROUP.key in await store.redis.smembers(store.keys.glob("member", pid))


async def test_schema_version_is_recorded_and_a_newer_one_refused(store: Store) -> None:
    key = store.keys.glob("schema")
    assert int(await store.redis.get(key)) == SCHEMA_VERSION
    await store.redis.set(key, SCHEMA_VERSION + 1)
    with pytest.raises(SchemaTooNew):
        await store.check_schema()


async def test_group_registers_once_and_keeps_config(store: Store) -> None:
    g = Groups(store)
    assert await g.ensure(GROUP, locale="nl-BE", timezone="Europe/Brussels", now=10.0)
    await g.update(GROUP, warn_limit=5)
    assert not await g.ensure(GROUP, locale="nl-NL", timezone="Europe/Amsterdam", now=20.0)
    cfg = await g.get(GROUP)
    assert (cfg.locale, cfg.warn_limit, cfg.registered_at) == ("nl-BE", 5, 10.0)
    assert await store.redis.ttl(store.keys.chat(GROUP, "cfg")) == -1  # configuration has no TTL
    assert await g.all() == [GROUP]
    pid = store.pseudonym("telegram", "42")
    await g.set_role(GROUP, pid, Role.COORDINATOR)
    assert await g.role_of(GROUP, pid) is Role.COORDINATOR
    await g.set_role(GROUP, pid, Role.MEMBER)
    assert await g.role_of(GROUP, pid) is Role.MEMBER


async def test_audit_log_is_trimmed_by_age(store: Store) -> None:
    a = Audit(store)
    for at in (100.0, 200.0, 300.0):
        await a.record(GROUP, at=at, actor="bot", action="delete", rule="conduct.language")
    assert await a.trim_older_than(GROUP, 250.0) == 2
    entries = await a.all(GROUP)
    assert [e.at for e in entries] == [300.0]
    assert entries[0].rule == "conduct.language"
