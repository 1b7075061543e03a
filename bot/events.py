"""Core inbound events: what an adapter turns a platform update into.

Every event has an `event_id` that is stable across redelivery (DESIGN §8.1), so the
pipeline can dedupe it. Events travel through a Redis stream as JSON.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class EventKind(StrEnum):
    MESSAGE = "message"
    EDITED = "edited"
    COMMAND = "command"
    JOINED = "joined"
    LEFT = "left"
    JOIN_REQUEST = "join_request"
    BOT_RIGHTS = "bot_rights"  # the bot's own rights in a chat changed
    CALLBACK = "callback"  # a button on a notification was pressed
    MIGRATED = "migrated"  # the chat got a new id (Telegram group -> supergroup)


@dataclass(frozen=True, slots=True)
class ChatRef:
    platform: str
    chat_id: str

    @property
    def key(self) -> str:
        """`<platform>:<chat id>`, the name of a group everywhere (CLI, audit, keys)."""
        return f"{self.platform}:{self.chat_id}"

    @classmethod
    def parse(cls, name: str) -> ChatRef:
        platform, sep, chat_id = name.partition(":")
        if not sep or not platform or not chat_id:
            raise ValueError(f"a group is named <platform>:<chat id>, not {name!r}")
        return cls(platform, chat_id)


@dataclass(frozen=True, slots=True)
class User:
    id: str
    name: str = ""
    username: str | None = None
    is_bot: bool = False
    is_admin: bool | None = None  # what the platform said, when it said it; None = unknown


@dataclass(frozen=True, slots=True)
class Reply:
    """The message an event answers to."""

    message_id: str
    user: User | None = None
    text: str = ""


@dataclass(frozen=True, slots=True)
class InboundEvent:
    event_id: str
    kind: EventKind
    chat: ChatRef
    at: float
    user: User | None = None
    message_id: str | None = None
    text: str = ""
    media: tuple[str, ...] = ()
    reply_to: Reply | None = None
    command: str | None = None
    args: tuple[str, ...] = ()
    private: bool = False
    data: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> InboundEvent:
        d: dict[str, Any] = json.loads(raw)
        return cls(
            event_id=str(d["event_id"]),
            kind=EventKind(d["kind"]),
            chat=ChatRef(**d["chat"]),
            at=float(d["at"]),
            user=User(**d["user"]) if d.get("user") else None,
            message_id=d.get("message_id"),
            text=d.get("text", ""),
            media=tuple(d.get("media", ())),
            reply_to=_reply(d.get("reply_to")),
            command=d.get("command"),
            args=tuple(d.get("args", ())),
            private=bool(d.get("private", False)),
            data={str(k): str(v) for k, v in (d.get("data") or {}).items()},
        )


def _reply(d: dict[str, Any] | None) -> Reply | None:
    if not d:
        return None
    user = User(**d["user"]) if d.get("user") else None
    return Reply(message_id=str(d["message_id"]), user=user, text=d.get("text", ""))


def parse_command(text: str, bot_username: str | None = None) -> tuple[str, tuple[str, ...]] | None:
    """`/warn@buurtbot spam` -> ("warn", ("spam",)); None when the text is no command
    or is addressed to another bot."""
    if not text.startswith("/") or len(text) < 2:
        return None
    head, *rest = text[1:].split(maxsplit=1)
    name, _, target = head.partition("@")
    if target and bot_username and target.lower() != bot_username.lower():
        return None
    if not name or not name.replace("_", "").isalnum():
        return None
    return name.lower(), tuple(rest[0].split()) if rest else ()
