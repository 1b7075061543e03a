"""/reminder (/herinnering): coordinators plan reminders of the code of conduct.

/herinnering                                   the list, with next time and last outcome
/herinnering elke eerste maandag om 19:00      the pack's default reminder text
/herinnering elke laatste vrijdag om 20u regels     the rules summary
/herinnering elke maandag om 19u30: eigen tekst     the coordinator's own text
/herinnering pauze 2 · hervat 2 · weg 2
/herinnering tekst 2 nieuwe tekst · tijd 2 elke vrijdag om 20:00
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from bot.actions import Action
from bot.commands import command
from bot.context import EventContext
from bot.recurrence import RecurrenceError, fmt_local, parse
from bot.reminders import Listed, Reminders, parse_text

USAGE = (
    "Gebruik:\n"
    "/herinnering — de lijst\n"
    "/herinnering elke eerste maandag om 19:00 [regels | eigen tekst]\n"
    "/herinnering pauze 2 · hervat 2 · weg 2\n"
    "/herinnering tekst 2 nieuwe tekst · tijd 2 elke laatste vrijdag om 20:00"
)
_LIST = {"lijst", "list", "toon"}
_PAUSE = {"pauze", "pauzeer", "pause"}
_RESUME = {"hervat", "resume", "start"}
_DELETE = {"weg", "verwijder", "wis", "schrap", "delete"}
_TEXT = {"tekst", "text"}
_TIME = {"tijd", "schema", "wanneer"}
_ADD = {"nieuw", "new", "add", "plan"}


def _rest(text: str) -> str:
    parts = text.split(maxsplit=1)
    return parts[1].strip() if len(parts) > 1 else ""


def _split(text: str) -> tuple[str, str]:
    parts = text.split(maxsplit=1)
    if not parts:
        return "", ""
    return parts[0].lower(), parts[1].strip() if len(parts) > 1 else ""


def listing_text(entries: list[Listed], tz: ZoneInfo) -> str:
    if not entries:
        return "Er zijn geen herinneringen gepland. " + USAGE.split("\n", 2)[2]
    lines = ["Herinneringen in deze groep:"]
    for e in entries:
        lines.extend(e.lines(tz))
    return "\n".join(lines)


def planned_text(verb: str, listed: Listed, tz: ZoneInfo) -> str:
    r = listed.reminder
    lines = [f"Herinnering {r.id} {verb}: {r.recurrence.describe()} — {r.what()}."]
    if listed.next_at is not None and not r.paused:
        lines.append(f"Volgende keer: {fmt_local(listed.next_at, tz)}.")
    lines.extend(listed.notes)
    return "\n".join(lines)


@command(
    "reminder",
    "herinnering",
    "herinneringen",
    coordinators_only=True,
    usage="/herinnering [elke eerste maandag om 19:00 …]",
    summary="herinneringen aan de regels plannen",
)
async def reminder_cmd(ctx: EventContext) -> list[Action]:
    reminders = Reminders(ctx.services.store, ctx.services.clock)
    tz = ZoneInfo(ctx.group.timezone)
    verb, tail = _split(_rest(ctx.event.text))
    try:
        if not verb or verb in _LIST:
            return [ctx.reply(listing_text(await reminders.listing(ctx.chat), tz))]
        rid, arg = _split(tail)
        if verb in _PAUSE | _RESUME:
            listed = await reminders.update(ctx.chat, rid, paused=verb in _PAUSE)
            said = "gepauzeerd" if verb in _PAUSE else "hervat"
            action = "reminder pause" if verb in _PAUSE else "reminder resume"
        elif verb in _DELETE:
            gone = await reminders.delete(ctx.chat, rid)
            await _audit(ctx, "reminder delete", f"herinnering {gone.id} verwijderd")
            return [ctx.reply(f"Herinnering {gone.id} is verwijderd.")]
        elif verb in _TEXT:
            text, key = parse_text(arg)
            listed = await reminders.update(ctx.chat, rid, text=text, text_key=key)
            said, action = "aangepast", "reminder text"
        elif verb in _TIME:
            rec, _ = parse(arg)
            listed = await reminders.update(ctx.chat, rid, recurrence=rec)
            said, action = "verzet", "reminder time"
        else:
            phrase = tail if verb in _ADD else _rest(ctx.event.text)
            rec, rest = parse(phrase)
            text, key = parse_text(rest)
            listed = await reminders.add(ctx.chat, rec, text=text, text_key=key, actor=ctx.pid)
            said, action = "gepland", "reminder add"
    except (RecurrenceError, LookupError, ValueError) as exc:
        return [ctx.reply(f"{exc.args[0] if exc.args else exc}\n{USAGE}")]
    r = listed.reminder
    reason = f"herinnering {r.id} {said}: {r.recurrence.describe()}"
    await _audit(ctx, action, " ".join([reason + ".", *listed.notes]))
    return [ctx.reply(planned_text(said, listed, tz))]


async def _audit(ctx: EventContext, action: str, reason: str) -> None:
    await ctx.services.audit.record(
        ctx.chat, at=ctx.now, actor=ctx.pid, action=action, reason=reason
    )
