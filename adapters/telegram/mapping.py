"""Where a Telegram update becomes core events (pure: no I/O, no clock except `now`).

One update gives zero or more events; the event id is `telegram:<update_id>` (a second and
later event of the same update, e.g. several members added at once, get `#<n>` appended), so
a redelivered update dedupes in the pipeline (DESIGN §8.1).
"""

from __future__ import annotations

from telegram import (
    CallbackQuery,
    Chat,
    ChatJoinRequest,
    ChatMemberUpdated,
    Message,
    Update,
)
from telegram import User as TgUser

from bot.events import ChatRef, EventKind, InboundEvent, Reply, User, parse_command

PLATFORM = "telegram"
#: Telegram's placeholder `from` of messages sent by an anonymous group admin.
ANONYMOUS_ADMIN_ID = 1087968824
#: Asked for explicitly: `chat_member` is never sent unless listed.
ALLOWED_UPDATES = (
    "message",
    "edited_message",
    "callback_query",
    "chat_member",
    "my_chat_member",
    "chat_join_request",
)
_MEMBER = {"member", "administrator", "creator", "owner"}
_GONE = {"left", "kicked", "banned"}


def chat_ref(chat: Chat | int | str) -> ChatRef:
    chat_id = chat.id if isinstance(chat, Chat) else chat
    return ChatRef(PLATFORM, str(chat_id))


def user_of(u: TgUser, *, is_admin: bool | None = None) -> User:
    return User(
        id=str(u.id),
        name=u.full_name,
        username=u.username,
        is_bot=u.is_bot,
        is_admin=is_admin,
    )


def author(msg: Message) -> User | None:
    """The author; an anonymous admin (the group itself or GroupAnonymousBot) is a
    coordinator, and a linked channel speaks as itself — never its placeholder `from`."""
    sc = msg.sender_chat
    if sc is not None:
        if sc.id == msg.chat.id:
            return User(id=str(sc.id), name=sc.title or "beheerder", is_admin=True)
        return User(id=str(sc.id), name=sc.title or "kanaal", username=sc.username)
    u = msg.from_user
    if u is None:
        return None
    if u.id == ANONYMOUS_ADMIN_ID:
        return User(id=str(msg.chat.id), name="beheerder", is_admin=True)
    return user_of(u)


def _reply(msg: Message) -> Reply | None:
    r = msg.reply_to_message
    if r is None:
        return None
    return Reply(str(r.message_id), author(r), r.text or r.caption or "")


def _media(msg: Message) -> tuple[str, ...]:
    kinds = (
        ("photo", msg.photo),
        ("video", msg.video),
        ("document", msg.document),
        ("audio", msg.audio),
        ("voice", msg.voice),
        ("sticker", msg.sticker),
        ("animation", msg.animation),
        ("location", msg.location),
    )
    return tuple(name for name, v in kinds if v)


def map_update(update: Update, bot_username: str | None, now: float) -> list[InboundEvent]:
    """The core events of one update; [] for kinds the bot does not use."""
    eid = f"{PLATFORM}:{update.update_id}"
    if update.message is not None:
        return _message(eid, update.message, bot_username, edited=False)
    if update.edited_message is not None:
        return _message(eid, update.edited_message, bot_username, edited=True)
    if update.chat_member is not None:
        return _member(eid, update.chat_member)
    if update.my_chat_member is not None:
        m = update.my_chat_member
        return [
            InboundEvent(
                eid,
                EventKind.BOT_RIGHTS,
                chat_ref(m.chat),
                m.date.timestamp(),
                user=user_of(m.new_chat_member.user),
                data={"status": str(m.new_chat_member.status)},
            )
        ]
    if update.chat_join_request is not None:
        return [_join_request(eid, update.chat_join_request)]
    if update.callback_query is not None:
        return _callback(eid, update.callback_query, now)
    return []


def _message(
    eid: str, msg: Message, bot_username: str | None, *, edited: bool
) -> list[InboundEvent]:
    chat = chat_ref(msg.chat)
    at = (msg.edit_date or msg.date).timestamp() if edited else msg.date.timestamp()
    private = msg.chat.type == Chat.PRIVATE
    if msg.migrate_to_chat_id is not None:
        return [
            InboundEvent(
                eid, EventKind.MIGRATED, chat, at, data={"to": str(msg.migrate_to_chat_id)}
            )
        ]
    if msg.new_chat_members:
        return [
            InboundEvent(_nth(eid, i), EventKind.JOINED, chat, at, user=user_of(u))
            for i, u in enumerate(msg.new_chat_members)
        ]
    if msg.left_chat_member is not None:
        return [InboundEvent(eid, EventKind.LEFT, chat, at, user=user_of(msg.left_chat_member))]
    text = msg.text or msg.caption or ""
    media = _media(msg)
    if not text and not media:
        return []  # other service messages (title changed, pinned, ...)
    cmd = parse_command(msg.text, bot_username) if msg.text and not edited else None
    kind = EventKind.EDITED if edited else EventKind.MESSAGE
    return [
        InboundEvent(
            eid,
            EventKind.COMMAND if cmd else kind,
            chat,
            at,
            user=author(msg),
            message_id=str(msg.message_id),
            text=text,
            media=media,
            reply_to=_reply(msg),
            command=cmd[0] if cmd else None,
            args=cmd[1] if cmd else (),
            private=private,
            # an album is several messages; the caption is on one of them
            data={"album": msg.media_group_id} if msg.media_group_id else {},
        )
    ]


def _nth(eid: str, i: int) -> str:
    return eid if i == 0 else f"{eid}#{i}"


def _member(eid: str, m: ChatMemberUpdated) -> list[InboundEvent]:
    old, new = str(m.old_chat_member.status), str(m.new_chat_member.status)
    was = old in _MEMBER or (
        old == "restricted" and bool(getattr(m.old_chat_member, "is_member", False))
    )
    now_in = new in _MEMBER or (
        new == "restricted" and bool(getattr(m.new_chat_member, "is_member", False))
    )
    if was == now_in:
        return []  # a rights change, not a join or leave
    kind = EventKind.JOINED if now_in else EventKind.LEFT
    data = {"via_join_request": "1"} if m.via_join_request else {}
    return [
        InboundEvent(
            eid,
            kind,
            chat_ref(m.chat),
            m.date.timestamp(),
            user=user_of(m.new_chat_member.user),
            data=data,
        )
    ]


def _join_request(eid: str, j: ChatJoinRequest) -> InboundEvent:
    data = {"user_chat_id": str(j.user_chat_id)}
    return InboundEvent(
        eid,
        EventKind.JOIN_REQUEST,
        chat_ref(j.chat),
        j.date.timestamp(),
        user=user_of(j.from_user),
        text=j.bio or "",
        data=data,
    )


def _callback(eid: str, q: CallbackQuery, now: float) -> list[InboundEvent]:
    msg = q.message
    if msg is None:
        return []
    private = msg.chat.type == Chat.PRIVATE
    return [
        InboundEvent(
            eid,
            EventKind.CALLBACK,
            chat_ref(msg.chat),
            now,
            user=user_of(q.from_user),
            message_id=str(msg.message_id),
            private=private,
            data={"data": q.data or "", "callback_id": q.id},
        )
    ]


def message_dates(update: Update) -> list[tuple[ChatRef, int, float]]:
    """(chat, message id, date) of messages in an update, for the 48-hour delete rule."""
    msg = update.message or update.edited_message
    if msg is None or msg.chat.type == Chat.PRIVATE or msg.migrate_to_chat_id is not None:
        return []  # (the old id of a migrated chat must stay empty)
    return [(chat_ref(msg.chat), msg.message_id, msg.date.timestamp())]
