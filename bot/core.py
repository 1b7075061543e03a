"""Where the decision is taken: one inbound event in, the actions to carry out.

`Core.handle` is called by a pipeline worker. It may change group state (keyed so that doing
it twice for the same event changes nothing: processing is at-least-once, DESIGN §8.3) and
returns actions; it never talks to a platform itself.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from bot.actions import Action, ActionKind
from bot.commands import lookup
from bot.context import EventContext
from bot.events import ChatRef, EventKind, InboundEvent
from bot.groups import Role
from bot.membership import on_join_request
from bot.migrate import move_chat
from bot.planner import moderate_message
from bot.reach import set_reachable
from bot.reminders import on_group_registered
from bot.roles import member_role
from bot.services import Services
from bot.texts import t
from rules import load_pack

log = logging.getLogger(__name__)


class Core:
    def __init__(self, services: Services) -> None:
        self.s = services

    async def handle(self, event: InboundEvent) -> list[Action]:
        s = self.s
        if event.user is not None and event.user.is_bot and event.kind is not EventKind.BOT_RIGHTS:
            return []
        if event.kind is EventKind.MIGRATED:
            return await self._migrated(event)
        if event.kind is EventKind.CALLBACK:
            return await self._callback(event)
        if event.private:
            return await self._private(event)
        new = await s.groups.ensure(
            event.chat, locale=s.default_locale, timezone=s.default_timezone, now=s.clock.now()
        )
        if new:
            await s.audit.record(
                event.chat,
                at=s.clock.now(),
                actor="bot",
                action="register",
                reason=t("group_registered"),
            )
            await on_group_registered(s, event.chat)
        ctx = await self.context(event)
        if event.kind is EventKind.COMMAND and event.command:
            return await self._command(ctx, event.command)
        if event.kind in (EventKind.MESSAGE, EventKind.EDITED):
            return await moderate_message(ctx)
        if event.kind is EventKind.JOIN_REQUEST:
            return await on_join_request(ctx)
        return []

    async def context(self, event: InboundEvent) -> EventContext:
        s = self.s
        group = await s.groups.get(event.chat)
        pid = ""
        role = Role.MEMBER
        if event.user is not None:
            pid = await s.store.remember_user(event.chat, event.user)
            role = await self.role(event, pid)
        adapter = s.adapter_for(event.chat)
        caps = await adapter.capabilities(event.chat)
        pack = load_pack(group.locale, group.overrides or None)
        return EventContext(event, s, group, pack, pid, role, caps)

    async def role(self, event: InboundEvent, pid: str) -> Role:
        """Stored role first; a platform admin is a coordinator by default."""
        user = event.user
        return await member_role(
            self.s, event.chat, pid, user.id if user else None, user.is_admin if user else None
        )

    async def _command(self, ctx: EventContext, name: str) -> list[Action]:
        cmd = lookup(name)
        if cmd is None:
            return [ctx.reply(t("unknown_command"))]
        if cmd.coordinators_only and ctx.role is not Role.COORDINATOR:
            await self.s.audit.record(
                ctx.chat,
                at=ctx.now,
                actor=ctx.pid,
                action=f"/{cmd.name}",
                outcome="refused",
                reason="geen coördinator",
            )
            return [ctx.reply(t("not_allowed"))]
        return await cmd.handler(ctx)

    async def _callback(self, event: InboundEvent) -> list[Action]:
        """A button under a notification: `case <command> <number> <group>` runs that case
        command for the group, as the person who pressed it; the answer goes back to where
        the button was pressed."""
        words = event.data.get("data", "").split()
        if len(words) != 4 or words[0] != "case" or event.user is None:
            log.info("a callback with unknown data was ignored")
            return []
        _, name, number, group = words
        try:
            chat = ChatRef.parse(group)
        except ValueError:
            return []
        as_command = replace(
            event,
            kind=EventKind.COMMAND,
            chat=chat,
            command=name,
            args=(number,),
            private=False,
            message_id=None,
        )
        ctx = await self.context(as_command)
        answers = []
        for a in await self._command(ctx, name):
            if a.kind is ActionKind.REPLY and a.chat == chat:
                extra = {**a.extra, "callback_id": event.data.get("callback_id", "")}
                if event.private:
                    a = replace(
                        a,
                        kind=ActionKind.PRIVATE_MESSAGE,
                        user_id=event.user.id,
                        chat=chat,
                        reply_to=None,
                        extra=extra,
                    )
                else:
                    a = replace(a, chat=event.chat, reply_to=None, extra=extra)
            answers.append(a)
        return answers

    async def _private(self, event: InboundEvent) -> list[Action]:
        """A private message means the user opened the bot: it can write to them now
        (DESIGN §8.8). `/start` gets a short greeting."""
        if event.user is None:
            return []
        await set_reachable(self.s.store, event.chat.platform, event.user.id, True)
        if event.kind is EventKind.COMMAND and event.command == "start":
            return [
                Action(
                    ActionKind.REPLY,
                    event.chat,
                    text=t("private_only_start"),
                    extra={"actor": "bot"},
                )
            ]
        return []

    async def _migrated(self, event: InboundEvent) -> list[Action]:
        """The chat got a new id (Telegram group -> supergroup): its state moves along."""
        to = event.data.get("to", "")
        if not to:
            return []
        new = ChatRef(event.chat.platform, to)
        moved = await move_chat(self.s.store, event.chat, new)
        if moved == 0:  # already moved (a redelivery, or Telegram told us twice)
            return []
        await self.s.audit.record(
            new,
            at=self.s.clock.now(),
            actor="bot",
            action="migrate",
            reason=f"groep verhuisd van {event.chat.key} ({moved} sleutels)",
        )
        return []
