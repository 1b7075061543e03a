"""/status (what the bot can and cannot do in this chat, and how to fix it) and /log (the last
audit entries in readable Dutch), both for coordinators."""

from __future__ import annotations

from bot.actions import Action, ActionKind
from bot.audit_text import describe, display_names
from bot.commands import command
from bot.context import EventContext
from bot.texts import t

#: In the order coordinators care about them.
SHOWN = (
    "delete",
    "ban",
    "private_message",
    "reply_thread",
    "kick",
    "mute",
    "approve_join",
    "pin",
    "protect_content",
)
LOG_ENTRIES = 10


@command(
    "status", coordinators_only=True, summary="wat ik hier kan, en wat niet (en hoe op te lossen)"
)
async def status_cmd(ctx: EventContext) -> list[Action]:
    caps = ctx.capabilities
    lines = [t("status_header")]
    lines += [f"✅ {t('cap_' + c)}" for c in SHOWN if c in caps]
    missing = [c for c in SHOWN if c not in caps]
    lines += [f"❌ {t('cap_fix_' + c)}" for c in missing]
    if not missing:
        lines.append(t("status_all_ok"))
    g = ctx.group
    mode = t("mode_ban") if g.warn_mode == "ban" else t("mode_propose")
    lines.append(t("status_warn_line", limit=g.warn_limit, days=g.warn_expiry_days, mode=mode))
    return [ctx.reply("\n".join(lines))]


@command("log", "logboek", coordinators_only=True, summary="de laatste acties in deze groep")
async def log_cmd(ctx: EventContext) -> list[Action]:
    """Privately where possible: the log names members and why they were warned."""
    s = ctx.services
    entries = await s.audit.last(ctx.chat, LOG_ENTRIES)
    if entries:
        names = await display_names(s.store, entries)
        lines = [t("log_header")]
        lines += [describe(e, names, ctx.group.timezone) for e in entries]
        text = "\n".join(lines)
    else:
        text = t("log_empty")
    user = ctx.event.user
    if user is None or "private_message" not in ctx.capabilities:
        return [ctx.reply(text)]
    private = Action(ActionKind.PRIVATE_MESSAGE, ctx.chat, user_id=user.id, text=text)
    return [private, ctx.reply(t("warnings_private_sent"))]
