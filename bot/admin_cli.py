"""`buurtbot admin …`: operator tools. They refuse `memory://` (nothing written would survive)."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from typing import Any

from bot.config import Settings
from bot.events import ChatRef

Handler = Callable[[Settings, argparse.Namespace], Coroutine[Any, Any, int]]
_HANDLERS: dict[str, Handler] = {}


def add_nouns(nouns: Any, common: argparse.ArgumentParser) -> None:
    g = nouns.add_parser("group", parents=[common], help="groups: list, show")
    gs = g.add_subparsers(dest="verb", metavar="VERB", required=True)
    gs.add_parser("list", parents=[common], help="all groups")
    show = gs.add_parser("show", parents=[common], help="one group's settings and roles")
    show.add_argument("group")
    link = gs.add_parser("link", parents=[common], help="set the group's coordinators' channel")
    link.add_argument("group")
    link.add_argument(
        "channel", help="<platform>:<chat id> of the coordinators' channel, or 'none'"
    )
    name = gs.add_parser("name", parents=[common], help="give the group a short name")
    name.add_argument("group")
    name.add_argument("name")
    export = gs.add_parser("export", parents=[common], help="settings and roles as JSON")
    export.add_argument("group")
    imp = gs.add_parser("import", parents=[common], help="settings and roles from JSON (stdin)")
    imp.add_argument("group")

    r = nouns.add_parser("role", parents=[common], help="coordinators and trusted members")
    r.add_argument("group")
    r.add_argument("verb", choices=["add", "remove", "list"])
    r.add_argument("user", nargs="?", help="platform user id or @username")
    r.add_argument("role", nargs="?", choices=["coordinator", "trusted"])

    a = nouns.add_parser("audit", parents=[common], help="a group's audit log")
    a.add_argument("group")
    a.add_argument("--json", action="store_true", help="one JSON object per line")
    a.add_argument("--last", type=int, default=0, help="only the last N entries")

    d = nouns.add_parser("dead-letters", parents=[common], help="events and actions that failed")
    d.add_argument("verb", choices=["list", "replay"])
    d.add_argument("--stream", choices=["in", "out"], default="in")
    d.add_argument("--id", help="replay only this entry")

    rem = nouns.add_parser("reminders", parents=[common], help="a group's scheduled reminders")
    rem.add_argument("group")
    rem.add_argument("verb", choices=["list", "add", "edit", "pause", "resume", "delete"])
    rem.add_argument(
        "arg", nargs="?", help='add: the schedule ("elke eerste maandag om 19:00"); else: number'
    )
    what = rem.add_mutually_exclusive_group()
    what.add_argument("--text", help="the reminder's own text")
    what.add_argument("--rules", action="store_true", help="send the rules summary")
    rem.add_argument("--schedule", help="edit: a new schedule")

    nouns.add_parser("adapters", parents=[common], help="adapters that can be enabled")
    nouns.add_parser("doctor", parents=[common], help="check configuration and Redis")


def run(settings: Settings, args: argparse.Namespace) -> int:
    if settings.is_memory:
        print(
            "buurtbot admin: BUURTBOT_REDIS_URL is memory:// — nothing written would survive; "
            "point it at your Redis",
            file=sys.stderr,
        )
        return 2
    handler = _HANDLERS[args.noun]
    try:
        return asyncio.run(handler(settings, args))
    except LookupError as exc:
        print(f"buurtbot admin: {exc.args[0] if exc.args else exc}", file=sys.stderr)
        return 1
    except ValueError as exc:
        print(f"buurtbot admin: {exc}", file=sys.stderr)
        return 2


def handler(noun: str) -> Callable[[Handler], Handler]:
    def reg(fn: Handler) -> Handler:
        _HANDLERS[noun] = fn
        return fn

    return reg


async def _services(settings: Settings) -> Any:
    from bot.clock import SystemClock
    from bot.services import Services
    from bot.store import Store

    secret = settings.secret_key.get_secret_value() if settings.secret_key else None
    store = await Store.open(settings.redis_url, settings.redis_prefix, secret)
    return Services(store=store, clock=SystemClock(), adapters={})


@asynccontextmanager
async def _opened(settings: Settings) -> AsyncIterator[Any]:
    """The services on the configured store, closed again afterwards."""
    s = await _services(settings)
    try:
        yield s
    finally:
        await s.store.close()


@handler("group")
async def _group(settings: Settings, args: argparse.Namespace) -> int:
    async with _opened(settings) as s:
        if args.verb == "list":
            for chat in await s.groups.all():
                cfg = await s.groups.get(chat)
                print(f"{chat.key}\t{cfg.name or '-'}\t{cfg.locale}\t{cfg.timezone}")
            return 0
        chat = await s.groups.resolve(args.group)
        if args.verb == "import":
            return await _import(s, chat, sys.stdin.read())
        if not await s.groups.exists(chat):
            raise LookupError(f"no group {chat.key}")
        if args.verb == "link":
            channel = "" if args.channel == "none" else ChatRef.parse(args.channel).key
            await s.groups.update(chat, coordinators_channel=channel)
            await s.audit.record(
                chat, at=time.time(), actor="admin-cli", action="kanaal", reason=channel or "geen"
            )
            print(f"{chat.key}: coordinators' channel {channel or 'none'}")
            return 0
        if args.verb == "name":
            await s.groups.update(chat, name=args.name)
            print(f"{chat.key}: {args.name}")
            return 0
        cfg = await s.groups.get(chat)
        out: dict[str, Any] = {"group": chat.key, **cfg.__dict__}
        out["roles"] = {pid: role.value for pid, role in (await s.groups.roles(chat)).items()}
        print(json.dumps(out, ensure_ascii=False, indent=2))
        return 0


async def _import(s: Any, chat: ChatRef, raw: str) -> int:
    from bot.groups import GroupConfig, Role

    try:
        data = json.loads(raw)
        roles = {str(k): Role(v) for k, v in data.pop("roles", {}).items()}
        data.pop("group", None)
        cfg = GroupConfig(**data)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"not a group export: {exc}") from None
    await s.groups.ensure(chat, locale=cfg.locale, timezone=cfg.timezone, now=time.time())
    await s.groups.update(chat, **cfg.__dict__)
    for pid, role in roles.items():
        await s.groups.set_role(chat, pid, role)
    print(f"{chat.key}: imported")
    return 0


@handler("role")
async def _role(settings: Settings, args: argparse.Namespace) -> int:
    from bot.events import User
    from bot.groups import Role

    async with _opened(settings) as s:
        chat = await s.groups.resolve(args.group)
        if args.verb == "list":
            for pid, role in sorted((await s.groups.roles(chat)).items()):
                alias = await s.store.alias(pid) or {}
                print(f"{pid}\t{role.value}\t{alias.get('name', '')}")
            return 0
        if not args.user or (args.verb == "add" and not args.role):
            raise ValueError("usage: buurtbot admin role GROUP add USER coordinator|trusted")
        if args.user.startswith("@"):
            pid = await s.store.by_username(chat, args.user)
            if pid is None:
                raise LookupError(f"the bot has not seen {args.user} in {chat.key}")
        else:
            pid = await s.store.remember_user(chat, User(id=args.user))
        role = Role(args.role) if args.verb == "add" else Role.MEMBER
        await s.groups.set_role(chat, pid, role)
        await s.audit.record(
            chat,
            at=time.time(),
            actor="admin-cli",
            action=f"role {args.verb}",
            target=pid,
            reason=role.value,
        )
        print(f"{pid}: {role.value}")
        return 0


@handler("audit")
async def _audit(settings: Settings, args: argparse.Namespace) -> int:
    async with _opened(settings) as s:
        chat = await s.groups.resolve(args.group)
        cfg = await s.groups.get(chat)
        entries = await (s.audit.last(chat, args.last) if args.last else s.audit.all(chat))
        if args.json:
            for e in entries:
                print(json.dumps(e.as_dict(), ensure_ascii=False))
            return 0
        from bot.audit_text import describe, display_names

        names = await display_names(s.store, entries)
        for e in entries:
            print(
                describe(e, names, cfg.timezone, time_format="%Y-%m-%d %H:%M", with_pseudonyms=True)
            )
        return 0


@handler("dead-letters")
async def _dead(settings: Settings, args: argparse.Namespace) -> int:
    from bot.pipeline import Pipeline

    async with _opened(settings) as s:

        async def nothing(*_: Any) -> Any:
            raise RuntimeError("admin does not process")

        p = Pipeline(s.store, nothing, nothing)
        if args.verb == "list":
            for entry_id, fields in await p.dead_letters(args.stream):
                body = fields.get("e") or fields.get("a") or "{}"
                try:
                    d = json.loads(body)
                    what = d.get("kind", "?")
                    chat = (d.get("chat") or {}).get("platform", "?")
                except ValueError:
                    what, chat = "unreadable", "?"
                print(
                    f"{entry_id}\t{what}\t{chat}\tattempts={fields.get('attempts', '-')}\t{fields.get('error', '')}"
                )
            return 0
        n = await p.replay(args.stream, args.id)
        print(f"replayed {n}")
        return 0 if n or not args.id else 1


@handler("adapters")
async def _adapters(settings: Settings, args: argparse.Namespace) -> int:
    from importlib.metadata import entry_points

    enabled = set(settings.adapter_names)
    for ep in sorted(entry_points(group="buurtbot.adapters"), key=lambda e: e.name):
        print(f"{ep.name}\t{'enabled' if ep.name in enabled else '-'}\t{ep.value}")
    return 0


@handler("doctor")
async def _doctor(settings: Settings, args: argparse.Namespace) -> int:
    async with _opened(settings) as s:
        await s.store.redis.ping()
        print("redis: ok")
        print(f"adapters: {settings.adapters}")
        print(f"groups: {len(await s.groups.all())}")
        return 0


@handler("reminders")
async def _reminders(settings: Settings, args: argparse.Namespace) -> int:
    from zoneinfo import ZoneInfo

    from bot.recurrence import parse_exact
    from bot.reminders import Listed, Reminders, parse_text

    async with _opened(settings) as s:
        chat = await s.groups.resolve(args.group)
        if not await s.groups.exists(chat):
            raise LookupError(f"no group {chat.key}")
        tz = ZoneInfo((await s.groups.get(chat)).timezone)
        reminders = Reminders(s.store, s.clock)
        text, key = ("", "rules_summary") if args.rules else parse_text(args.text or "")
        if args.verb == "list":
            for entry in await reminders.listing(chat):
                print("\n".join(entry.lines(tz)))
            return 0
        if not args.arg:
            raise ValueError(f"usage: buurtbot admin reminders GROUP {args.verb} ARG")
        listed: Listed
        if args.verb == "add":
            listed = await reminders.add(
                chat, parse_exact(args.arg), text=text, text_key=key, actor="admin-cli"
            )
        elif args.verb == "edit":
            changes: dict[str, Any] = {}
            if args.schedule:
                changes["recurrence"] = parse_exact(args.schedule)
            if args.text is not None or args.rules:
                changes.update(text=text, text_key=key)
            listed = await reminders.update(chat, args.arg, **changes)
        elif args.verb == "delete":
            gone = await reminders.delete(chat, args.arg)
            await s.audit.record(chat, at=s.clock.now(), actor="admin-cli",
                                 action="reminder delete", reason=f"herinnering {gone.id}")  # fmt: skip
            print(f"deleted reminder {gone.id}")
            return 0
        else:
            listed = await reminders.update(chat, args.arg, paused=args.verb == "pause")
        reason = " ".join([f"herinnering {listed.reminder.id}: {args.verb}.", *listed.notes])
        await s.audit.record(
            chat, at=s.clock.now(), actor="admin-cli", action=f"reminder {args.verb}", reason=reason
        )
        print("\n".join([*listed.lines(tz), *listed.notes]))
        return 0
