"""The one protocol every platform adapter implements, and how adapters are found.

The core never imports an adapter: it looks them up by name, first among the entry points of
the group `buurtbot.adapters` (which is how third-party adapters plug in), then as the module
`adapters.<name>` shipped with buurtbot. Each exposes `create(ctx) -> Adapter`.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import entry_points
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from aiohttp import web

from bot.actions import Action, ActionResult
from bot.events import ChatRef, InboundEvent

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.config import Settings
    from bot.store import Store

#: What a chat can let the bot do (DESIGN §3). The planner re-plans what is missing.
CAPABILITIES: frozenset[str] = frozenset(
    {
        "delete",
        "ban",
        "kick",
        "mute",
        "approve_join",
        "reply_thread",
        "private_message",
        "pin",
        "protect_content",
    }
)


class IngestError(Exception):
    """The event could not be made durable; the webhook must answer 503 so the platform retries."""


class AdapterError(Exception):
    """A platform call failed. `transient` ones are retried (after `retry_after` when given)."""

    def __init__(
        self, message: str, *, transient: bool = False, retry_after: float | None = None
    ) -> None:
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


class EventSink(Protocol):
    async def submit(self, event: InboundEvent) -> None:
        """Make the event durable (raises IngestError when it cannot)."""
        ...


@runtime_checkable
class Adapter(Protocol):
    name: str

    def routes(self) -> Sequence[web.RouteDef]:
        """HTTP routes this adapter serves (mounted by `buurtbot run`)."""
        ...

    async def start(self, sink: EventSink) -> None: ...

    async def stop(self) -> None: ...

    async def capabilities(self, chat: ChatRef) -> frozenset[str]: ...

    async def is_admin(self, chat: ChatRef, user_id: str) -> bool:
        """Whether the platform says this user administers the chat (coordinator by default)."""
        ...

    async def admins(self, chat: ChatRef) -> Sequence[str]:
        """Platform user ids of the chat's administrators (not bots)."""
        ...

    async def execute(self, action: Action) -> ActionResult:
        """Carry out one action; raise AdapterError on failure."""
        ...


@dataclass
class AdapterContext:
    settings: Settings
    store: Store
    clock: Clock


AdapterFactory = Callable[[AdapterContext], Adapter]


class UnknownAdapter(LookupError):
    pass


def find_adapter(name: str) -> AdapterFactory:
    if not name.isidentifier():
        raise UnknownAdapter(f"no adapter named {name!r}")
    for ep in entry_points(group="buurtbot.adapters"):
        if ep.name == name:
            factory: AdapterFactory = ep.load()
            return factory
    try:
        module = importlib.import_module(f"adapters.{name}")
    except ModuleNotFoundError as exc:
        raise UnknownAdapter(f"no adapter named {name!r}") from exc
    factory = module.create
    return factory


async def ingest(sink: EventSink, events: Sequence[InboundEvent]) -> web.Response:
    """Make parsed webhook events durable, then answer: 200 only once all are in the inbound
    stream; 503 when Redis cannot take them, so the platform delivers again (DESIGN §8.2)."""
    try:
        for event in events:
            await sink.submit(event)
    except IngestError:
        return web.json_response({"error": "temporarily unavailable"}, status=503)
    return web.json_response({"ok": True})
