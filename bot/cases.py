"""Case numbers for coordinator notifications (DESIGN §8.9).

Each notification carries a short number per group; `/ok N`, `/ban N` and `/herstel N` refer to
it. A case records whom it is about and what the bot did, so it can be undone. The same event
always gets the same case (processing is at-least-once).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field

from bot.events import ChatRef
from bot.store import Store
from bot.texts import t


@dataclass
class Case:
    number: int
    event_id: str
    rule: str
    target_pid: str = ""
    target_user_id: str = ""
    target_name: str = ""
    done: list[str] = field(default_factory=list)  # what the bot did: "delete", "warn:<id>", "ban"
    text: str = ""  # the message, only when the bot deleted it (coordinators must see it)
    at: float = 0.0
    status: str = "open"  # open, ok, banned, undone


class Cases:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _key(self, chat: ChatRef) -> str:
        return self.store.keys.chat(chat, "cases")

    async def open(self, chat: ChatRef, case: Case) -> Case:
        """Give the case a number (the same one again for the same event) and store it."""
        r = self.store.redis
        by_event = self.store.keys.chat(chat, "case_by_event")
        existing = await r.hget(by_event, case.event_id)
        if existing:
            found = await self.get(chat, int(existing))
            if found:
                return found
        case.number = int(await r.incr(self.store.keys.chat(chat, "case_seq")))
        if not await r.hsetnx(by_event, case.event_id, case.number):
            case.number = int(await r.hget(by_event, case.event_id))
        await self.save(chat, case)
        return case

    async def save(self, chat: ChatRef, case: Case) -> None:
        await self.store.redis.hset(self._key(chat), str(case.number), json.dumps(asdict(case)))

    async def get(self, chat: ChatRef, number: int) -> Case | None:
        raw = await self.store.redis.hget(self._key(chat), str(number))
        return Case(**json.loads(raw)) if raw else None


def case_buttons(chat: ChatRef, number: int, commands: Sequence[str]) -> str:
    """Buttons under a notification (platforms that have them), as JSON [[label, data], …];
    pressing one is the same as typing `/<command> <number>` (Core._callback)."""
    return json.dumps(
        [[t(f"button_{c}"), f"case {c} {number} {chat.key}"] for c in commands],
        ensure_ascii=False,
    )
