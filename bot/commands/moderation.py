"""Coordinators' moderation commands: /warn /remove /unwarn /unban /warnings (+ Dutch aliases).

A command names its member by replying to one of their messages, or by `@username` of someone
the bot has seen in this chat. Coordinators and the bot itself cannot be warned or removed.
Every decision is audited (the executor audits the bans it carries out as well).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from bot.actions import Action, ActionKind
from bot.bans import Bans
from bot.commands import command
from bot.context import EventContext
from bot.groups import Role
from bot.once import once
from bot.roles import member_role
from bot.texts import t
from bot.warnings import Warnings, remove_member, warn_member


@dataclass(frozen=True)
class Target:
    user_id: str
    name: str
    pid: str
    message_id: str | None  # the message the command answered, if it was a reply
    is_bot: bool = False
    is_admin: bool | None = None


class NoTarget(Exception):
    """The command named nobody the bot knows; `args[0]` is the refusal to show."""


def _is_handle(arg: str) -> bool:
    return arg.startswith("@") and len(arg) > 1


async def target_of(ctx: EventContext) -> tuple[Target | None, tuple[str, ...]]:
    """The member a command is about (by `@username` first, else by reply) and the other args.
    (None, args) when it names nobody; raises NoTarget for an unknown @username."""
    store = ctx.services.store
    args = ctx.event.args
    if args and _is_handle(args[0]):
        handle = args[0]
        bot_name = getattr(ctx.services.adapter_for(ctx.chat), "bot_username", None)
        if bot_name and handle[1:].lower() == str(bot_name).lower():
            return Target("", handle[1:], "", None, is_bot=True), args[1:]
        pid = await store.by_username(ctx.chat, handle)
        alias = await store.alias(pid) if pid else None
        if pid is None or alias is None:
            raise NoTarget(t("unknown_member", name=handle))
        name = str(alias.get("name") or alias.get("username") or handle[1:])
        return Target(str(alias["id"]), name, pid, None), args[1:]
    reply = ctx.event.reply_to
    if reply is not None and reply.user is not None:
        u = reply.user
        if u.is_bot:
            return Target(u.id, u.name, "", reply.message_id, is_bot=True), args
        pid = await store.remember_user(ctx.chat, u)
        name = u.name or u.username or "?"
        return Target(u.id, name, pid, reply.message_id, is_admin=u.is_admin), args
    return None, args


async def _refusal(ctx: EventContext, target: Target) -> str | None:
    """Why this member may not be warned or removed, if they may not."""
    if target.is_bot:
        return t("cannot_target_bot")
    role = await member_role(ctx.services, ctx.chat, target.pid, target.user_id, target.is_admin)
    if role is Role.COORDINATOR:
        return t("cannot_target_coordinator", name=target.name)
    return None


def usage(ctx: EventContext, key: str) -> list[Action]:
    return [ctx.reply(t("usage", usage=t(key)))]


async def _refuse(ctx: EventContext, what: str, target: Target, text: str) -> list[Action]:
    if await once(ctx, what + ":refused"):
        await ctx.services.audit.record(
            ctx.chat,
            at=ctx.now,
            actor=ctx.pid,
            action=what,
            target=target.pid,
            reason=text,
            outcome="refused",
        )
    return [ctx.reply(text)]


async def _moderated(ctx: EventContext, what: str, usage_key: str) -> Target | list[Action]:
    """The target of /warn or /remove, or the answer when there is none or it is protected."""
    try:
        target, _ = await target_of(ctx)
    except NoTarget as exc:
        return [ctx.reply(str(exc))]
    if target is None:
        return usage(ctx, usage_key)
    refusal = await _refusal(ctx, target)
    if refusal:
        return await _refuse(ctx, what, target, refusal)
    return target


def _reason(ctx: EventContext) -> str:
    args = ctx.event.args
    if args and _is_handle(args[0]):
        args = args[1:]
    return " ".join(args).strip()


@command(
    "warn",
    "waarschuw",
    coordinators_only=True,
    usage="/warn [reden]",
    summary="een lid waarschuwen (antwoord op het bericht, of /warn @naam reden)",
)
async def warn_cmd(ctx: EventContext) -> list[Action]:
    target = await _moderated(ctx, "warn", "usage_warn")
    if not isinstance(target, Target):
        return target
    return await warn_member(
        ctx,
        target_user_id=target.user_id,
        target_name=target.name,
        reason=_reason(ctx),
        rule=None,
        by=ctx.pid,
        reply_to=target.message_id or ctx.event.message_id,
    )


@command(
    "remove",
    "verwijder",
    coordinators_only=True,
    usage="/remove [reden]",
    summary="een lid uit de groep verwijderen (kan niet zelf terugkomen)",
)
async def remove_cmd(ctx: EventContext) -> list[Action]:
    target = await _moderated(ctx, "remove", "usage_remove")
    if not isinstance(target, Target):
        return target
    return await remove_member(
        ctx,
        target_user_id=target.user_id,
        target_name=target.name,
        reason=_reason(ctx),
        by=ctx.pid,
    )


@command(
    "unwarn",
    "intrekken",
    coordinators_only=True,
    usage="/unwarn",
    summary="de laatste waarschuwing van een lid intrekken",
)
async def unwarn_cmd(ctx: EventContext) -> list[Action]:
    try:
        target, _ = await target_of(ctx)
    except NoTarget as exc:
        return [ctx.reply(str(exc))]
    if target is None or target.is_bot:
        return usage(ctx, "usage_unwarn")
    warnings = Warnings(ctx.services.store)
    days = ctx.group.warn_expiry_days
    if await once(ctx, "unwarn"):
        gone = await warnings.withdraw_last(ctx.chat, target.pid, ctx.now, days)
        await ctx.services.audit.record(
            ctx.chat,
            at=ctx.now,
            actor=ctx.pid,
            action="unwarn",
            target=target.pid,
            rule=gone.rule if gone else "",
            reason=gone.reason if gone else "",
            outcome="ok" if gone else "geen actieve waarschuwing",
        )
        if gone is None:
            return [ctx.reply(t("no_warnings_to_withdraw", name=target.name))]
    left = len(await warnings.active(ctx.chat, target.pid, ctx.now, days))
    return [ctx.reply(t("unwarned", name=target.name, count=left))]


async def _unban_target(ctx: EventContext, bans: Bans) -> Target | str | None:
    """By reply or @username as usual; else by the name the member had when removed (they may
    have left, or never had a username). A str is the answer when nobody matches."""
    try:
        target, _ = await target_of(ctx)
        missing = ""
    except NoTarget as exc:
        target, missing = None, str(exc)
    if target is not None or not ctx.event.args:
        return target
    name = ctx.event.args[0]
    pid = await bans.find_by_name(ctx.chat, name)
    alias = await ctx.services.store.alias(pid) if pid else None
    if pid is None or alias is None:
        return missing or t("not_banned_unknown", name=name)
    return Target(str(alias["id"]), str(alias.get("name") or name.lstrip("@")), pid, None)


@command(
    "unban",
    "deban",
    coordinators_only=True,
    usage="/unban @naam",
    summary="een verwijderd lid weer toelaten",
)
async def unban_cmd(ctx: EventContext) -> list[Action]:
    s = ctx.services
    bans = Bans(s.store)
    target = await _unban_target(ctx, bans)
    if isinstance(target, str):
        return [ctx.reply(target)]
    if target is None or target.is_bot:
        return usage(ctx, "usage_unban")
    if "ban" not in ctx.capabilities:
        return [ctx.reply(t("cap_fix_ban"))]
    await bans.remove(ctx.chat, target.pid)
    await Warnings(s.store).withdraw_all(ctx.chat, target.pid, ctx.now, ctx.group.warn_expiry_days)
    # The executor audits the UNBAN (who, whom, outcome) once it is carried out.
    unban = Action(
        ActionKind.UNBAN,
        ctx.chat,
        user_id=target.user_id,
        reason=_reason(ctx),
        extra={"actor": ctx.pid},
    )
    return [unban, ctx.reply(t("unbanned", name=target.name))]


@command(
    "warnings",
    "waarschuwingen",
    usage="/warnings",
    summary="je eigen waarschuwingen (privé); coördinatoren: /warnings @naam",
)
async def warnings_cmd(ctx: EventContext) -> list[Action]:
    """Answered privately where possible: never a list of someone's misdeeds in the group."""
    try:
        target, _ = await target_of(ctx)
    except NoTarget as exc:
        return [ctx.reply(str(exc))]
    user = ctx.event.user
    if user is None:
        return []
    if target is None:
        if ctx.event.args:
            return usage(ctx, "usage_warnings")
        target = Target(user.id, user.name or user.username or "jij", ctx.pid, None)
    elif target.pid != ctx.pid and ctx.role is not Role.COORDINATOR:
        return [ctx.reply(t("warnings_only_own"))]
    if target.is_bot:
        return usage(ctx, "usage_warnings")
    g = ctx.group
    active = await Warnings(ctx.services.store).active(
        ctx.chat, target.pid, ctx.now, g.warn_expiry_days
    )
    if "private_message" not in ctx.capabilities:
        return [
            ctx.reply(t("warnings_count", name=target.name, count=len(active), limit=g.warn_limit))
        ]
    if active:
        tz = ZoneInfo(g.timezone)
        lines = [
            t(
                "warnings_header",
                name=target.name,
                count=len(active),
                limit=g.warn_limit,
                days=g.warn_expiry_days,
            )
        ]
        lines += [
            t(
                "warnings_line",
                date=datetime.fromtimestamp(w.at, tz).strftime("%d/%m/%Y"),
                reason=w.reason or w.rule or t("no_reason"),
            )
            for w in active
        ]
        text = "\n".join(lines)
    else:
        text = t("warnings_none", name=target.name)
    private = Action(ActionKind.PRIVATE_MESSAGE, ctx.chat, user_id=user.id, text=text)
    return [private, ctx.reply(t("warnings_private_sent"))]
