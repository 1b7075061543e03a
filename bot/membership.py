"""Join requests (DESIGN §8.10): a removed member is declined at once; anyone else is put to
the coordinators as a case (`/toelaten N`, `/weigeren N`, or the buttons), because only they
know who lives in the neighbourhood. The requester is told privately that the request was
received, with the rules (Telegram allows that for a short while after a request)."""

from __future__ import annotations

import json

from bot.actions import Action, ActionKind
from bot.bans import Bans
from bot.cases import Case, Cases, case_buttons
from bot.context import EventContext
from bot.texts import t

#: Per-chat hash of pending requests: pseudonym -> {"at", "user_id"} (expired by housekeeping).
JOIN_REQUESTS = "joinreq"


async def on_join_request(ctx: EventContext) -> list[Action]:
    user = ctx.event.user
    if user is None:
        return []
    s = ctx.services
    if await Bans(s.store).get(ctx.chat, ctx.pid) is not None:
        await s.audit.record(
            ctx.chat,
            at=ctx.now,
            actor="bot",
            action="toetreding",
            target=ctx.pid,
            reason=t("join_banned_reason"),
            outcome="geweigerd",
        )
        return [
            Action(
                ActionKind.DECLINE_JOIN,
                ctx.chat,
                user_id=user.id,
                reason=t("join_banned_reason"),
                extra={"actor": "bot"},
            )
        ]
    await s.store.redis.hset(
        s.store.keys.chat(ctx.chat, JOIN_REQUESTS),
        ctx.pid,
        json.dumps({"at": ctx.now, "user_id": user.id}),
    )
    case = await Cases(s.store).open(
        ctx.chat,
        Case(
            number=0,
            event_id=ctx.event.event_id,
            rule="join_request",
            target_pid=ctx.pid,
            target_user_id=user.id,
            target_name=user.name,
            at=ctx.now,
        ),
    )
    n = case.number
    buttons = case_buttons(ctx.chat, n, ("toelaten", "weigeren"))
    return [
        Action(
            ActionKind.NOTIFY_COORDINATORS,
            ctx.chat,
            text=t("join_notice", n=n, name=user.name),
            rule="join_request",
            extra={"actor": "bot", "case": str(n), "buttons": buttons},
        ),
        Action(
            ActionKind.PRIVATE_MESSAGE,
            ctx.chat,
            user_id=user.id,
            text=t("join_received") + "\n\n" + ctx.pack.text("rules_summary"),
            extra={"actor": "bot"},
        ),
    ]
