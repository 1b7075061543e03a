"""The long-lived parts one process shares: store, clock, groups, audit and the adapters."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from bot.adapter import Adapter
from bot.audit import Audit
from bot.clock import Clock
from bot.events import ChatRef
from bot.groups import Groups
from bot.stateful import StatefulRules
from bot.store import Store


@dataclass
class Services:
    store: Store
    clock: Clock
    adapters: Mapping[str, Adapter]
    default_locale: str = "nl-BE"
    default_timezone: str = "Europe/Brussels"

    def __post_init__(self) -> None:
        self.groups = Groups(self.store)
        self.audit = Audit(self.store)
        self.stateful = StatefulRules(self.store)  # its Lua scripts are registered once

    def adapter_for(self, chat: ChatRef) -> Adapter:
        try:
            return self.adapters[chat.platform]
        except KeyError:
            raise LookupError(f"no adapter {chat.platform!r} is running") from None
