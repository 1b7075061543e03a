"""Update -> InboundEvent (adapters/telegram/mapping.py), on the shapes the fake produces."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import ANNA, BASIC, CARLA, GROUP
from fakes.telegram_api import FULL_RIGHTS, FakeTelegram
from telegram import Update

from adapters.telegram.mapping import ANONYMOUS_ADMIN_ID, map_update
from bot.events import EventKind, InboundEvent

NOW = 1_795_883_000.0


@pytest.fixture
def fk() -> FakeTelegram:
    f = FakeTelegram(now=lambda: NOW)
    f.add_chat(GROUP, rights=dict(FULL_RIGHTS))
    f.add_chat(BASIC)
    for chat in (GROUP, BASIC):
        f.add_user(chat, CARLA, "Carla", admin=True)
        f.add_user(chat, ANNA, "Anna")
    return f


def events(update: dict[str, Any]) -> list[InboundEvent]:
    return map_update(Update.de_json(update, None), "buurtbot", NOW)


def one(update: dict[str, Any]) -> InboundEvent:
    (e,) = events(update)
    assert e.event_id == f"telegram:{update['update_id']}"
    return e


def test_group_message_with_reply(fk: FakeTelegram) -> None:
    first = fk.message(GROUP, CARLA, "Donkere wagen aan de school, 101 gebeld")
    e = one(fk.message(GROUP, ANNA, "Welke kleur?", reply_to=first["message"]["message_id"]))
    assert e.kind is EventKind.MESSAGE and not e.private
    assert e.chat.key == f"telegram:{GROUP}"
    assert e.at == NOW and e.text == "Welke kleur?"
    assert e.user is not None and (e.user.id, e.user.name, e.user.username) == (
        str(ANNA),
        "Anna",
        "anna",
    )
    assert e.user.is_admin is None  # asked of the adapter later, from the admin list
    assert e.reply_to is not None
    assert e.reply_to.message_id == str(first["message"]["message_id"])
    assert e.reply_to.user is not None and e.reply_to.user.id == str(CARLA)
    assert e.reply_to.text.startswith("Donkere wagen")


def test_commands_addressed_to_us_or_to_nobody(fk: FakeTelegram) -> None:
    e = one(fk.message(GROUP, CARLA, "/warn@BuurtBot spam en reclame"))
    assert e.kind is EventKind.COMMAND
    assert (e.command, e.args) == ("warn", ("spam", "en", "reclame"))
    assert one(fk.message(GROUP, CARLA, "/regels")).command == "regels"
    other = one(fk.message(GROUP, CARLA, "/start@otherbot"))
    assert other.kind is EventKind.MESSAGE and other.command is None


def test_photos_and_albums(fk: FakeTelegram) -> None:
    e = one(fk.message(GROUP, ANNA, "Deze man belde aan", photo=True, media_group_id="alb1"))
    assert e.media == ("photo",) and e.text == "Deze man belde aan"
    assert e.data == {"album": "alb1"}
    bare = one(fk.message(GROUP, ANNA, "", photo=True, media_group_id="alb1"))
    assert bare.media == ("photo",) and bare.text == "" and bare.data == {"album": "alb1"}


def test_edited_message(fk: FakeTelegram) -> None:
    msg = fk.message(GROUP, ANNA, "/warn typo")["message"]
    msg = {**msg, "edit_date": int(NOW) + 60}
    e = one(fk.next_update(edited_message=msg))
    assert e.kind is EventKind.EDITED and e.command is None
    assert e.at == NOW + 60 and e.message_id == str(msg["message_id"])


def test_anonymous_admins_are_coordinators(fk: FakeTelegram) -> None:
    chat = fk.chats[GROUP].obj()
    placeholder = {"id": ANONYMOUS_ADMIN_ID, "is_bot": True, "first_name": "Group"}
    as_group = fk.message(GROUP, ANNA, "/warn spam")
    as_group["message"]["sender_chat"] = chat
    as_group["message"]["from"] = placeholder
    e = one(as_group)
    assert e.user is not None and e.user.is_admin is True and not e.user.is_bot
    assert e.user.id == str(GROUP)
    legacy = fk.message(GROUP, ANNA, "/warn spam")
    legacy["message"]["from"] = placeholder
    e = one(legacy)
    assert e.user is not None and e.user.is_admin is True and e.user.id == str(GROUP)


def test_joins_and_leaves_from_service_messages_and_chat_member(fk: FakeTelegram) -> None:
    anna, carla = fk.users[ANNA], fk.users[CARLA]
    added = fk.message(GROUP, CARLA, new_chat_members=[anna, carla])
    evs = events(added)
    assert [e.kind for e in evs] == [EventKind.JOINED, EventKind.JOINED]
    assert [e.user.id for e in evs if e.user] == [str(ANNA), str(CARLA)]
    assert len({e.event_id for e in evs}) == 2  # distinct ids, both stable
    left = one(fk.message(GROUP, ANNA, left_chat_member=anna))
    assert left.kind is EventKind.LEFT and left.user is not None and left.user.id == str(ANNA)

    def change(old: str, new: str, **kw: Any) -> dict[str, Any]:
        return fk.next_update(
            chat_member={
                "chat": fk.chats[GROUP].obj(),
                "from": carla,
                "date": int(NOW),
                "old_chat_member": {"status": old, "user": anna},
                "new_chat_member": {"status": new, "user": anna},
                **kw,
            }
        )

    joined = one(change("left", "member", via_join_request=True))
    assert joined.kind is EventKind.JOINED and joined.data == {"via_join_request": "1"}
    assert one(change("member", "left")).kind is EventKind.LEFT
    assert events(change("member", "member")) == []


def test_bot_rights_join_requests_private_callbacks_and_migration(fk: FakeTelegram) -> None:
    me = fk.me
    rights = fk.next_update(
        my_chat_member={
            "chat": fk.chats[GROUP].obj(),
            "from": fk.users[CARLA],
            "date": int(NOW),
            "old_chat_member": {"status": "member", "user": me},
            "new_chat_member": {
                "status": "administrator",
                "user": me,
                "can_be_edited": False,
                "is_anonymous": False,
                **FULL_RIGHTS,
            },
        }
    )
    e = one(rights)
    assert e.kind is EventKind.BOT_RIGHTS and e.data == {"status": "administrator"}

    piet = {"id": 4444444, "is_bot": False, "first_name": "Piet"}
    req = one(fk.join_request(GROUP, piet))
    assert req.kind is EventKind.JOIN_REQUEST and req.user is not None
    assert req.user.id == "4444444" and req.data == {"user_chat_id": "4444444"}

    start = one(fk.private_start(ANNA))
    assert start.private and start.kind is EventKind.COMMAND and start.command == "start"
    assert start.chat.chat_id == str(ANNA)

    sent = fk.message(GROUP, CARLA, "melding")["message"]
    cb = one(
        fk.next_update(
            callback_query={
                "id": "cb1",
                "from": fk.users[CARLA],
                "chat_instance": "ci",
                "message": sent,
                "data": "ok:12",
            }
        )
    )
    assert cb.kind is EventKind.CALLBACK and cb.data == {"data": "ok:12", "callback_id": "cb1"}
    assert cb.at == NOW and cb.message_id == str(sent["message_id"])

    mig = one(fk.migrate(BASIC, -1009876543210))
    assert mig.kind is EventKind.MIGRATED and mig.chat.chat_id == str(BASIC)
    assert mig.data == {"to": "-1009876543210"}


def test_unused_updates_map_to_nothing(fk: FakeTelegram) -> None:
    assert events(fk.next_update()) == []
    assert events(fk.message(GROUP, CARLA, new_chat_title="Nieuwe naam")) == []
