"""Everything a handler needs to decide about one event, loaded once per event."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.actions import Action, ActionKind
from bot.events import ChatRef, InboundEvent
from bot.groups import GroupConfig, Role

if TYPE_CHECKING:
    from bot.services import Services
    from rules import Pack


@dataclass
class EventContext:
    event: InboundEvent
    services: Services
    group: GroupConfig
    pack: Pack
    pid: str  # the author's pseudonym ("" when the event has no author)
    role: Role
    capabilities: frozenset[str]
    notes: list[str] = field(default_factory=list)

    @property
    def chat(self) -> ChatRef:
        return self.event.chat

    @property
    def now(self) -> float:
        return self.services.clock.now()

    def reply(self, text: str, *, rule: str | None = None, thread: bool = True) -> Action:
        """A message in this chat, threaded to the event's message when the chat can."""
        reply_to = self.event.message_id if thread else None
        return Action(
            ActionKind.REPLY,
            self.chat,
            text=text,
            reply_to=reply_to,
            rule=rule,
            extra={"actor": "bot"},
        )
