"""Commands everyone may use: /rules (/regels), /help (/hulp)."""

from __future__ import annotations

from bot.actions import Action
from bot.commands import command, visible_to
from bot.context import EventContext
from bot.texts import t


@command("rules", "regels", summary="de gedragsregels van deze groep")
async def rules_cmd(ctx: EventContext) -> list[Action]:
    return [ctx.reply(ctx.pack.text("rules_summary"))]


@command("help", "hulp", summary="wat ik kan")
async def help_cmd(ctx: EventContext) -> list[Action]:
    lines = [t("help_header")]
    for cmd in visible_to(ctx.role):
        names = " ".join(f"/{n}" for n in (cmd.name, *cmd.aliases))
        lines.append(f"• {names} — {cmd.summary}")
    lines.append(t("help_member_note"))
    return [ctx.reply("\n".join(lines))]
