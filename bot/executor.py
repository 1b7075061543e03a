"""Where a decision is carried out: one outbox action through its adapter, then the audit.

Notifications for coordinators are routed here (DESIGN §8.9): to the group's coordinators'
channel when one is set, else privately to each coordinator.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.actions import Action, ActionKind
from bot.adapter import AdapterError
from bot.events import ChatRef
from bot.groups import Role
from bot.services import Services

log = logging.getLogger(__name__)

#: Actions that only inform; audited with less detail.
QUIET = {ActionKind.REPLY, ActionKind.PRIVATE_MESSAGE}


class Executor:
    def __init__(self, services: Services) -> None:
        self.s = services

    async def __call__(self, action: Action) -> None:
        if action.kind is ActionKind.NOTIFY_COORDINATORS:
            await self._notify(action)
            return
        adapter = self.s.adapter_for(action.chat)
        outcome = "ok"
        try:
            await adapter.execute(action)
        except AdapterError as exc:
            outcome = f"failed: {exc}"[:200]
            if exc.transient:
                raise
            await self._audit(action, outcome)
            raise
        await self._audit(action, outcome)

    async def _audit(self, action: Action, outcome: str) -> None:
        if action.kind in QUIET and not action.rule:
            return
        target = ""
        if action.user_id:
            target = self.s.store.pseudonym(action.chat.platform, action.user_id)
        await self.s.audit.record(
            action.chat,
            at=self.s.clock.now(),
            actor=action.extra.get("actor", "bot"),
            action=action.kind.value,
            target=target,
            rule=action.rule or "",
            reason=action.reason,
            outcome=outcome,
            case=action.extra.get("case", ""),
        )

    async def _notify(self, action: Action) -> None:
        group = await self.s.groups.get(action.chat)
        if group.coordinators_channel:
            channel = ChatRef.parse(group.coordinators_channel)
            await self.s.adapter_for(channel).execute(
                replace(action, kind=ActionKind.REPLY, chat=channel, reply_to=None)
            )
            return
        adapter = self.s.adapter_for(action.chat)
        user_ids = set(await adapter.admins(action.chat))
        for pid, role in (await self.s.groups.roles(action.chat)).items():
            alias = await self.s.store.alias(pid) if role is Role.COORDINATOR else None
            if alias:
                user_ids.add(str(alias["id"]))
        sent = 0
        for user_id in sorted(user_ids):
            try:
                await adapter.execute(
                    replace(action, kind=ActionKind.PRIVATE_MESSAGE, user_id=user_id)
                )
                sent += 1
            except AdapterError as exc:
                if exc.transient:
                    raise
                log.info("a coordinator could not be reached privately")
        if sent == 0:
            log.warning("no coordinator could be notified in a %s group", action.chat.platform)
