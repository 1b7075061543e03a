"""One-word answers to a notification (DESIGN §8.9): /ok N, /ban N, /herstel N."""

from __future__ import annotations

from bot.actions import Action, ActionKind
from bot.cases import Case, Cases
from bot.commands import command
from bot.context import EventContext
from bot.texts import t


async def _case(ctx: EventContext, usage: str) -> Case | str:
    if len(ctx.event.args) != 1 or not ctx.event.args[0].isdigit():
        return t("usage", usage=usage)
    case = await Cases(ctx.services.store).get(ctx.chat, int(ctx.event.args[0]))
    return case if case is not None else t("case_unknown", n=ctx.event.args[0])


async def _close(ctx: EventContext, case: Case, status: str, what: str) -> None:
    case.status = status
    await Cases(ctx.services.store).save(ctx.chat, case)
    await ctx.services.audit.record(
        ctx.chat,
        at=ctx.now,
        actor=ctx.pid,
        action=what,
        target=case.target_pid,
        rule=case.rule,
        case=str(case.number),
        reason=f"zaak {case.number}",
    )


@command(
    "ok", coordinators_only=True, usage="/ok <zaaknummer>", summary="zaak afsluiten zonder actie"
)
async def ok_cmd(ctx: EventContext) -> list[Action]:
    case = await _case(ctx, "/ok <zaaknummer>")
    if isinstance(case, str):
        return [ctx.reply(case)]
    await _close(ctx, case, "ok", "ok")
    return [ctx.reply(t("case_ok", n=case.number))]


@command(
    "ban", coordinators_only=True, usage="/ban <zaaknummer>", summary="lid van een zaak verwijderen"
)
async def ban_cmd(ctx: EventContext) -> list[Action]:
    case = await _case(ctx, "/ban <zaaknummer>")
    if isinstance(case, str):
        return [ctx.reply(case)]
    if not case.target_user_id:
        return [ctx.reply(t("case_no_member", n=case.number))]
    await _close(ctx, case, "banned", "ban")
    case.done.append("ban")
    await Cases(ctx.services.store).save(ctx.chat, case)
    await ctx.services.store.redis.hset(
        ctx.services.store.keys.chat(ctx.chat, "banned"), case.target_pid, case.target_user_id
    )
    return [
        Action(
            ActionKind.BAN,
            ctx.chat,
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
    coordinators_only=True,
    usage="/herstel <zaaknummer>",
    summary="ongedaan maken wat ik deed in een zaak",
)
async def undo_cmd(ctx: EventContext) -> list[Action]:
    case = await _case(ctx, "/herstel <zaaknummer>")
    if isinstance(case, str):
        return [ctx.reply(case)]
    actions: list[Action] = []
    undone: list[str] = []
    for what in case.done:
        if what == "ban" and case.target_user_id:
            actions.append(
                Action(
                    ActionKind.UNBAN,
                    ctx.chat,
                    user_id=case.target_user_id,
                    reason=f"herstel zaak {case.number}",
                    extra={"actor": ctx.pid, "case": str(case.number)},
                )
            )
            await ctx.services.store.redis.hdel(
                ctx.services.store.keys.chat(ctx.chat, "banned"), case.target_pid
            )
            undone.append(t("undone_ban"))
        elif what.startswith("warn:"):
            from bot.warnings import Warnings

            if await Warnings(ctx.services.store).withdraw(ctx.chat, case.target_pid, what[5:]):
                undone.append(t("undone_warning"))
    note = t("undo_deleted", text=case.text) if "delete" in case.done and case.text else ""
    await _close(ctx, case, "undone", "herstel")
    text = t("case_undone", n=case.number, what=", ".join(undone) or t("undone_nothing")) + note
    return [*actions, ctx.reply(text)]
