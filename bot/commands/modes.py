"""Group modes: /proefmodus (observe only) and /pauze (incident mode)."""

from __future__ import annotations

from bot.actions import Action
from bot.commands import command
from bot.context import EventContext
from bot.texts import t

ON, OFF = {"aan", "on", "ja"}, {"uit", "off", "nee"}


@command(
    "proefmodus",
    "trial",
    coordinators_only=True,
    usage="/proefmodus aan|uit",
    summary="proefmodus: ik meld alleen aan de coördinatoren wat ik zou doen",
)
async def trial_cmd(ctx: EventContext) -> list[Action]:
    args = [a.lower() for a in ctx.event.args]
    if len(args) != 1 or args[0] not in ON | OFF:
        return [ctx.reply(t("usage", usage="/proefmodus aan|uit"))]
    on = args[0] in ON
    await ctx.services.groups.update(ctx.chat, trial=on)
    await ctx.services.audit.record(
        ctx.chat, at=ctx.now, actor=ctx.pid, action="proefmodus", reason="aan" if on else "uit"
    )
    return [ctx.reply(t("trial_on" if on else "trial_off"))]


@command(
    "pauze",
    "pause",
    coordinators_only=True,
    usage="/pauze [minuten] | /pauze uit",
    summary="incidentmodus: geen herinneringen over de vorm",
)
async def pause_cmd(ctx: EventContext) -> list[Action]:
    args = [a.lower() for a in ctx.event.args]
    if args and args[0] in OFF:
        await ctx.services.groups.update(ctx.chat, paused_until=0.0)
        await ctx.services.audit.record(
            ctx.chat, at=ctx.now, actor=ctx.pid, action="pauze", reason="uit"
        )
        return [ctx.reply(t("pause_off"))]
    if len(args) > 1 or (args and (not args[0].isdigit() or not 1 <= int(args[0]) <= 24 * 60)):
        return [ctx.reply(t("usage", usage="/pauze [minuten 1-1440] | /pauze uit"))]
    minutes = int(args[0]) if args else 60
    await ctx.services.groups.update(ctx.chat, paused_until=ctx.now + minutes * 60)
    await ctx.services.audit.record(
        ctx.chat, at=ctx.now, actor=ctx.pid, action="pauze", reason=f"{minutes} minuten"
    )
    return [ctx.reply(t("pause_on", minutes=minutes))]
