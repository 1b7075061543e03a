"""One-word answers to a notification (DESIGN §8.9): /ok N, /ban N, /herstel N.

They work in the group itself and in its coordinators' channel (which may serve several groups:
then `/ok 12 kerkwijk` names the group). Whoever answers must be a coordinator of the group the
case belongs to; the audit entry goes to that group's log.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.actions import Action, ActionKind
from bot.bans import Bans
from bot.cases import Case, Cases
from bot.commands import command
from bot.context import EventContext
from bot.events import ChatRef
from bot.groups import Role
from bot.roles import member_role
from bot.texts import t


@dataclass
class Found:
    group: ChatRef
    case: Case


async def _case(ctx: EventContext, name: str) -> Found | str:
    usage = f"/{name} <zaaknummer> [groep]"
    args = ctx.event.args
    if not 1 <= len(args) <= 2 or not args[0].isdigit():
        return t("usage", usage=usage)
    groups = ctx.services.groups
    candidates = [ctx.chat, *await groups.served_by(ctx.chat)]
    if len(args) == 2:
        try:
            named = await groups.resolve(args[1])
        except (LookupError, ValueError):
            return t("case_unknown_group", group=args[1])
        candidates = [c for c in candidates if c == named]
    cases = Cases(ctx.services.store)
    found = [Found(g, c) for g in candidates if (c := await cases.get(g, int(args[0])))]
    if not found:
        return t("case_unknown", n=args[0])
    if len(found) > 1:
        names = ", ".join([(await groups.get(f.group)).name or f.group.key for f in found])
        return t("case_ambiguous", n=args[0], groups=names, usage=usage)
    user = ctx.event.user
    role = await member_role(ctx.services, found[0].group, ctx.pid, user.id if user else None, None)
    if role is not Role.COORDINATOR:
        await ctx.services.audit.record(
            found[0].group,
            at=ctx.now,
            actor=ctx.pid,
            action=f"/{name}",
            outcome="refused",
            reason="geen coördinator",
            case=args[0],
        )
        return t("not_allowed")
    return found[0]


async def _close(ctx: EventContext, f: Found, status: str, what: str) -> None:
    f.case.status = status
    await Cases(ctx.services.store).save(f.group, f.case)
    await ctx.services.audit.record(
        f.group,
        at=ctx.now,
        actor=ctx.pid,
        action=what,
        target=f.case.target_pid,
        rule=f.case.rule,
        case=str(f.case.number),
        reason=f"zaak {f.case.number}",
    )


@command("ok", checks_role=True, usage="/ok <zaaknummer>", summary="zaak afsluiten zonder actie")
async def ok_cmd(ctx: EventContext) -> list[Action]:
    f = await _case(ctx, "ok")
    if isinstance(f, str):
        return [ctx.reply(f)]
    await _close(ctx, f, "ok", "ok")
    return [ctx.reply(t("case_ok", n=f.case.number))]


@command("ban", checks_role=True, usage="/ban <zaaknummer>", summary="lid van een zaak verwijderen")
async def ban_cmd(ctx: EventContext) -> list[Action]:
    f = await _case(ctx, "ban")
    if isinstance(f, str):
        return [ctx.reply(f)]
    case = f.case
    if not case.target_user_id:
        return [ctx.reply(t("case_no_member", n=case.number))]
    if "ban" not in case.done:
        case.done.append("ban")
    await _close(ctx, f, "banned", "ban")
    await Bans(ctx.services.store).add(
        f.group,
        case.target_pid,
        at=ctx.now,
        by=ctx.pid,
        reason=f"zaak {case.number}",
        name=case.target_name,
    )
    return [
        Action(
            ActionKind.BAN,
            f.group,
            user_id=case.target_user_id,
            rule=case.rule.split(",")[0],
            reason=f"zaak {case.number}",
            extra={"actor": ctx.pid, "case": str(case.number)},
        ),
        ctx.reply(t("case_banned", n=case.number, name=case.target_name)),
    ]


@command(
    "herstel",
    "undo",
    checks_role=True,
    usage="/herstel <zaaknummer>",
    summary="ongedaan maken wat ik deed in een zaak",
)
async def undo_cmd(ctx: EventContext) -> list[Action]:
    f = await _case(ctx, "herstel")
    if isinstance(f, str):
        return [ctx.reply(f)]
    case = f.case
    actions: list[Action] = []
    undone: list[str] = []
    for what in case.done:
        if what == "ban" and case.target_user_id:
            actions.append(
                Action(
                    ActionKind.UNBAN,
                    f.group,
                    user_id=case.target_user_id,
                    reason=f"herstel zaak {case.number}",
                    extra={"actor": ctx.pid, "case": str(case.number)},
                )
            )
            await Bans(ctx.services.store).remove(f.group, case.target_pid)
            undone.append(t("undone_ban"))
        elif what.startswith("warn:"):
            from bot.warnings import Warnings

            if await Warnings(ctx.services.store).withdraw(f.group, case.target_pid, what[5:]):
                undone.append(t("undone_warning"))
    note = t("undo_deleted", text=case.text) if "delete" in case.done and case.text else ""
    await _close(ctx, f, "undone", "herstel")
    text = t("case_undone", n=case.number, what=", ".join(undone) or t("undone_nothing")) + note
    return [*actions, ctx.reply(text)]


async def _join_answer(ctx: EventContext, name: str, approve: bool) -> list[Action]:
    f = await _case(ctx, name)
    if isinstance(f, str):
        return [ctx.reply(f)]
    case = f.case
    if case.rule != "join_request" or case.status != "open":
        return [ctx.reply(t("case_not_a_request", n=case.number))]
    from bot.membership import JOIN_REQUESTS

    store = ctx.services.store
    await store.redis.hdel(store.keys.chat(f.group, JOIN_REQUESTS), case.target_pid)
    await _close(ctx, f, "approved" if approve else "declined", name)
    kind = ActionKind.APPROVE_JOIN if approve else ActionKind.DECLINE_JOIN
    return [
        Action(
            kind,
            f.group,
            user_id=case.target_user_id,
            reason=f"zaak {case.number}",
            extra={"actor": ctx.pid, "case": str(case.number)},
        ),
        ctx.reply(
            t("join_approved" if approve else "join_declined", n=case.number, name=case.target_name)
        ),
    ]


@command(
    "toelaten",
    "approve",
    checks_role=True,
    usage="/toelaten <zaaknummer>",
    summary="een toetredingsverzoek goedkeuren",
)
async def approve_cmd(ctx: EventContext) -> list[Action]:
    return await _join_answer(ctx, "toelaten", True)


@command(
    "weigeren",
    "decline",
    checks_role=True,
    usage="/weigeren <zaaknummer>",
    summary="een toetredingsverzoek weigeren",
)
async def decline_cmd(ctx: EventContext) -> list[Action]:
    return await _join_answer(ctx, "weigeren", False)
