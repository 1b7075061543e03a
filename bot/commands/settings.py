"""/settings (/instellingen): a group's settings, shown or changed by a coordinator.

`/settings` shows them; `/settings KEY VALUE` changes one. Per-rule settings (on/off, policy) go
into `GroupConfig.overrides` in the schema of `rules.validate_overrides` and are validated with
it; a bad value changes nothing and the answer names the allowed values.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.actions import Action
from bot.commands import command
from bot.config import LOCALES
from bot.context import EventContext
from bot.once import once
from bot.texts import t
from rules import RULE_IDS, validate_overrides
from rules.model import POLICY_ACTIONS

ON = {
    "aan": True,
    "on": True,
    "true": True,
    "ja": True,
    "uit": False,
    "off": False,
    "false": False,
    "nee": False,
}
MODES = {"ban": "ban", "verwijderen": "ban", "propose": "propose", "voorstel": "propose"}
WARN_LIMIT = (1, 10)
WARN_EXPIRY_DAYS = (1, 3650)


class BadSetting(ValueError):
    """The Dutch one-line answer for a value that is not allowed."""


def _bad(key: str, value: str, allowed: str) -> BadSetting:
    return BadSetting(t("settings_bad_value", setting=key, value=value, allowed=allowed))


def _number(key: str, raw: str, bounds: tuple[int, int]) -> int:
    lo, hi = bounds
    digits = re.sub(r"\s*(d|dagen|days)$", "", raw.strip().lower())
    if not digits.isdigit() or not lo <= int(digits) <= hi:
        raise _bad(key, raw, f"een getal van {lo} tot {hi}")
    return int(digits)


def _items(words: Sequence[str]) -> list[str]:
    """`remind,notify`, `remind, notify` and `remind notify` are the same list."""
    return [w for w in re.split(r"[,\s]+", " ".join(words)) if w]


# Each plain setting: (parse(value words) -> GroupConfig changes, shown value).
Parser = Callable[[EventContext, Sequence[str]], tuple[dict[str, Any], str]]


def _warn_limit(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    n = _number("warn_limit", " ".join(v), WARN_LIMIT)
    return {"warn_limit": n}, str(n)


def _warn_expiry(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    n = _number("warn_expiry", " ".join(v), WARN_EXPIRY_DAYS)
    return {"warn_expiry_days": n}, t("days", n=n)


def _warn_mode(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    mode = MODES.get(" ".join(v).lower())
    if mode is None:
        raise _bad("warn_mode", " ".join(v), "ban, propose")
    return {"warn_mode": mode}, mode


def _locale(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    wanted = {loc.lower(): loc for loc in LOCALES}.get(" ".join(v).lower())
    if wanted is None:
        raise _bad("locale", " ".join(v), ", ".join(LOCALES))
    return {"locale": wanted}, wanted


def _timezone(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    name = " ".join(v)
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # "Europe" is a directory
        raise _bad(
            "timezone", name, "een tijdzone zoals Europe/Brussels of Europe/Amsterdam"
        ) from None
    return {"timezone": name}, name


def _emergency(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    numbers = [n for n in re.split(r"[,;]\s*", " ".join(v)) if n] if "," in " ".join(v) else list(v)
    overrides = copy.deepcopy(ctx.group.overrides)
    overrides["emergency_numbers"] = numbers
    _validated(overrides, "emergency_numbers", " ".join(v), "nummers, bv. 101, 112")
    return {"overrides": overrides}, ", ".join(numbers)


def _channel(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    """The coordinators' channel (DESIGN §8.9): a chat named `<platform>:<chat id>`, or `uit`."""
    raw = " ".join(v).strip()
    if raw.lower() in ("uit", "off", "geen", "none"):
        return {"coordinators_channel": ""}, t("off")
    platform, sep, chat_id = raw.partition(":")
    if not sep or platform not in ctx.services.adapters or not chat_id or " " in chat_id:
        allowed = ", ".join(f"{p}:<chat id>" for p in sorted(ctx.services.adapters))
        raise _bad("coordinators_channel", raw, f"{allowed} of uit")
    return {"coordinators_channel": raw}, raw


def _trial(ctx: EventContext, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    on = ON.get(" ".join(v).lower())
    if on is None:
        raise _bad("proefmodus", " ".join(v), "aan, uit")
    return {"trial": on}, t("on") if on else t("off")


PLAIN: dict[str, Parser] = {
    "warn_limit": _warn_limit,
    "warn_expiry": _warn_expiry,
    "warn_mode": _warn_mode,
    "emergency_numbers": _emergency,
    "locale": _locale,
    "timezone": _timezone,
    "coordinators_channel": _channel,
    "proefmodus": _trial,
}
ALIASES = {
    "warn_expiry_days": "warn_expiry",
    "noodnummers": "emergency_numbers",
    "taal": "locale",
    "tijdzone": "timezone",
    "time_zone": "timezone",
    "kanaal": "coordinators_channel",
    "coordinatorenkanaal": "coordinators_channel",
    "trial": "proefmodus",
}


def _validated(overrides: dict[str, Any], key: str, value: str, allowed: str) -> None:
    try:
        validate_overrides(overrides)
    except ValueError:
        raise _bad(key, value, allowed) from None


def _rule(ctx: EventContext, rule: str, v: Sequence[str]) -> tuple[dict[str, Any], str]:
    """`RULE aan|uit` or `RULE policy remind,notify`."""
    overrides = copy.deepcopy(ctx.group.overrides)
    conf = overrides.setdefault("rules", {}).setdefault(rule, {})
    word = v[0].lower()
    if word in ON and len(v) == 1:
        conf["enabled"] = ON[word]
        shown = t("on") if ON[word] else t("off")
        key = rule
    elif word == "policy" and len(v) > 1:
        policy = _items(v[1:])
        key = f"{rule} policy"
        if not all(p in POLICY_ACTIONS for p in policy):
            raise _bad(key, ",".join(policy), ", ".join(POLICY_ACTIONS))
        conf["policy"] = list(dict.fromkeys(policy))
        shown = ", ".join(conf["policy"])
    else:
        raise _bad(rule, " ".join(v), f"aan, uit, of policy {','.join(POLICY_ACTIONS)}")
    _validated(overrides, key, " ".join(v), ", ".join(POLICY_ACTIONS))
    return {"overrides": overrides}, shown


def _show(ctx: EventContext) -> str:
    g = ctx.group
    mode = t("mode_ban") if g.warn_mode == "ban" else t("mode_propose")
    lines = [
        t("settings_header"),
        f"• warn_limit: {g.warn_limit}",
        f"• warn_expiry: {t('days', n=g.warn_expiry_days)}",
        f"• warn_mode: {g.warn_mode} ({mode})",
        f"• emergency_numbers: {', '.join(ctx.pack.emergency_numbers)}",
        f"• locale: {g.locale}",
        f"• timezone: {g.timezone}",
        f"• coordinators_channel: {g.coordinators_channel or t('off')}",
        f"• proefmodus: {t('on') if g.trial else t('off')}",
        t("settings_rules"),
    ]
    for rule in RULE_IDS:
        state = t("on") if ctx.pack.enabled(rule) else t("off")
        lines.append(
            t(
                "settings_rule_line",
                rule=rule,
                state=state,
                policy=", ".join(ctx.pack.policy(rule)) or "-",
            )
        )
    lines.append(t("settings_footer"))
    return "\n".join(lines)


@command(
    "settings",
    "instellingen",
    coordinators_only=True,
    usage="/settings [sleutel waarde]",
    summary="instellingen bekijken of wijzigen (bv. /settings warn_limit 5)",
)
async def settings_cmd(ctx: EventContext) -> list[Action]:
    args = ctx.event.args
    if not args:
        return [ctx.reply(_show(ctx))]
    key = ALIASES.get(args[0].lower(), args[0].lower())
    if key not in PLAIN and key not in RULE_IDS:
        allowed = ", ".join([*PLAIN, *RULE_IDS])
        return [ctx.reply(t("settings_unknown_key", setting=args[0], allowed=allowed))]
    if len(args) < 2:
        return [ctx.reply(t("usage", usage=t("usage_settings")))]
    try:
        if key in PLAIN:
            change, shown = PLAIN[key](ctx, args[1:])
            label = key
        else:
            change, shown = _rule(ctx, key, args[1:])
            label = f"{key} policy" if args[1].lower() == "policy" else key
    except BadSetting as exc:
        return [ctx.reply(str(exc))]
    await ctx.services.groups.update(ctx.chat, **change)
    if await once(ctx, "settings"):
        await ctx.services.audit.record(
            ctx.chat, at=ctx.now, actor=ctx.pid, action="settings", reason=f"{label} = {shown}"
        )
    return [ctx.reply(t("settings_saved", setting=label, value=shown))]
