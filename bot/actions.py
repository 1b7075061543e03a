"""Core actions: what the core decides and an adapter carries out."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, replace
from enum import StrEnum
from typing import Any

from bot.events import ChatRef


class ActionKind(StrEnum):
    REPLY = "reply"  # a message in the chat, threaded to `reply_to` when given
    PRIVATE_MESSAGE = "private_message"
    DELETE = "delete"
    BAN = "ban"  # removed and cannot rejoin without a coordinator (DESIGN §8.10)
    KICK = "kick"  # removed, may rejoin
    UNBAN = "unban"
    MUTE = "mute"
    APPROVE_JOIN = "approve_join"
    DECLINE_JOIN = "decline_join"
    NOTIFY_COORDINATORS = "notify_coordinators"  # the core routes it (DESIGN §8.9)
    PIN = "pin"


@dataclass(frozen=True, slots=True)
class Action:
    kind: ActionKind
    chat: ChatRef
    user_id: str | None = None  # the platform user it is about (ban, private message, ...)
    message_id: str | None = None  # the message it is about (delete, pin)
    text: str = ""
    reply_to: str | None = None
    until: float | None = None  # mute until (epoch seconds)
    rule: str | None = None  # the rule id that led to it, for the audit
    reason: str = ""
    key: str = ""  # idempotency key: event id + index (DESIGN §8.3)
    extra: dict[str, str] = field(default_factory=dict)

    def with_key(self, key: str) -> Action:
        return replace(self, key=key)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> Action:
        d: dict[str, Any] = json.loads(raw)
        d["kind"] = ActionKind(d["kind"])
        d["chat"] = ChatRef(**d["chat"])
        d["extra"] = {str(k): str(v) for k, v in (d.get("extra") or {}).items()}
        return cls(**d)


@dataclass(frozen=True, slots=True)
class ActionResult:
    ok: bool = True
    message_id: str | None = None
    detail: str = ""
