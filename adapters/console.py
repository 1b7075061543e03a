"""The console adapter: a simulated group in the terminal (`buurtbot demo`).

Script grammar (DESIGN §8.7), one event per line, each processed to completion before the next:

    anna: tekst                 a message from anna (numbered #N in the transcript)
    carla@3: /warn spam         a reply to message #3
    # coordinator carla         carla administers the chat (a coordinator by default)
    # trusted wijkagent         a trusted member
    # photo anna: bijschrift    a photo, caption optional
    # join piet / # leave piet  someone joins or leaves
    # request piet              someone asks to join (coordinators decide)
    # +91d / # +10m             move the clock (d, h, m, s)
    # capabilities -delete      what the chat lets the bot do (+name / -name)
    # anything else             a comment, echoed
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TextIO

from aiohttp import web

from bot.actions import Action, ActionKind, ActionResult
from bot.adapter import CAPABILITIES, AdapterContext, AdapterError, EventSink
from bot.clock import ManualClock
from bot.events import ChatRef, EventKind, InboundEvent, Reply, User, parse_command
from bot.groups import Groups, Role

CHAT = ChatRef("console", "buurt")
_LINE = re.compile(r"^(?P<name>[\w.\-]+)(?:@(?P<reply>\d+))?:\s?(?P<text>.*)$")
_CLOCK = re.compile(r"^\+(?P<n>\d+)(?P<unit>[dhms])$")
_UNITS = {"d": 86400, "h": 3600, "m": 60, "s": 1}
# Pluralised, Dutch labels of what the bot did, for the transcript.
_SHOW = {
    ActionKind.DELETE: "verwijdert bericht #{message_id}",
    ActionKind.BAN: "verwijdert {user} uit de groep (kan niet opnieuw toetreden)",
    ActionKind.KICK: "verwijdert {user} uit de groep",
    ActionKind.UNBAN: "heft de ban op van {user}",
    ActionKind.MUTE: "legt {user} het zwijgen op",
    ActionKind.APPROVE_JOIN: "laat {user} toe",
    ActionKind.DECLINE_JOIN: "weigert {user}",
    ActionKind.PIN: "maakt bericht #{message_id} vast",
}


class ScriptError(ValueError):
    pass


@dataclass
class ConsoleChat:
    capabilities: set[str] = field(default_factory=lambda: set(CAPABILITIES))
    admins: set[str] = field(default_factory=set)
    members: set[str] = field(default_factory=set)
    banned: set[str] = field(default_factory=set)
    messages: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (author, text)


class ConsoleAdapter:
    name = "console"
    bot_username = "buurtbot"  # the bot's own @name here: it cannot be warned or removed
    private_by_default = True  # everyone in the simulated group can be messaged privately

    def __init__(self, ctx: AdapterContext | None = None, out: TextIO | None = None) -> None:
        self.ctx = ctx
        self.out = out or sys.stdout
        self.chat = ConsoleChat()
        self.sink: EventSink | None = None
        self._events = 0
        self._messages = 0

    # -- the adapter protocol ---------------------------------------------------------------
    def routes(self) -> Sequence[web.RouteDef]:
        return ()

    async def start(self, sink: EventSink) -> None:
        self.sink = sink

    async def stop(self) -> None:
        self.sink = None

    async def capabilities(self, chat: ChatRef) -> frozenset[str]:
        return frozenset(self.chat.capabilities)

    async def is_admin(self, chat: ChatRef, user_id: str) -> bool:
        return user_id in self.chat.admins

    async def admins(self, chat: ChatRef) -> Sequence[str]:
        return sorted(self.chat.admins)

    async def execute(self, action: Action) -> ActionResult:
        kind = action.kind
        if kind is ActionKind.REPLY:
            where = f" (op #{action.reply_to})" if action.reply_to else ""
            if action.chat != CHAT:
                where = f" in {action.chat.key}"
            self._say(f"bot{where}", action.text)
            return ActionResult()
        if kind is ActionKind.PRIVATE_MESSAGE:
            self._say(f"bot privé aan {action.user_id}", action.text)
            return ActionResult()
        if kind is ActionKind.NOTIFY_COORDINATORS:
            self._say("bot aan de coördinatoren", action.text)
            return ActionResult()
        needed = {
            ActionKind.DELETE: "delete",
            ActionKind.BAN: "ban",
            ActionKind.KICK: "kick",
            ActionKind.UNBAN: "ban",
            ActionKind.MUTE: "mute",
            ActionKind.APPROVE_JOIN: "approve_join",
            ActionKind.DECLINE_JOIN: "approve_join",
            ActionKind.PIN: "pin",
        }[kind]
        if needed not in self.chat.capabilities:
            raise AdapterError(f"the console chat does not allow {needed}")
        user = action.user_id or ""
        if kind is ActionKind.DELETE:
            self.chat.messages.pop(action.message_id or "", None)
        elif kind is ActionKind.BAN:
            self.chat.banned.add(user)
            self.chat.members.discard(user)
        elif kind is ActionKind.KICK:
            self.chat.members.discard(user)
        elif kind is ActionKind.UNBAN:
            self.chat.banned.discard(user)
        elif kind is ActionKind.APPROVE_JOIN:
            self.chat.members.add(user)
        self.out.write(
            "   ⚙ bot " + _SHOW[kind].format(user=user, message_id=action.message_id) + "\n"
        )
        return ActionResult()

    def _say(self, who: str, text: str) -> None:
        lines = text.splitlines() or [""]
        self.out.write(f"   ↳ {who}: {lines[0]}\n")
        for line in lines[1:]:
            self.out.write(f"     {line}\n")

    # -- the simulated group ----------------------------------------------------------------
    def _event(self, kind: EventKind, name: str, now: float, **kw: object) -> InboundEvent:
        self._events += 1
        user = User(id=name, name=name, username=name)
        return InboundEvent(
            event_id=f"console:{self._events}",
            kind=kind,
            chat=CHAT,
            at=now,
            user=user,
            **kw,  # type: ignore[arg-type]
        )

    def message_event(
        self,
        name: str,
        text: str,
        now: float,
        reply_to: str | None = None,
        media: tuple[str, ...] = (),
    ) -> InboundEvent:
        if reply_to is not None and reply_to not in self.chat.messages:
            raise ScriptError(f"there is no message #{reply_to} to reply to")
        self._messages += 1
        mid = str(self._messages)
        self.chat.messages[mid] = (name, text)
        self.chat.members.add(name)
        reply = None
        if reply_to is not None:
            author, rtext = self.chat.messages[reply_to]
            reply = Reply(reply_to, User(id=author, name=author, username=author), rtext)
        cmd = parse_command(text, self.bot_username)
        label = f"#{mid} {name}" + (f" (op #{reply_to})" if reply_to else "")
        shown = f"[foto] {text}".strip() if media else text
        self.out.write(f"{label}: {shown}\n")
        if cmd is not None:
            return self._event(
                EventKind.COMMAND,
                name,
                now,
                message_id=mid,
                text=text,
                reply_to=reply,
                command=cmd[0],
                args=cmd[1],
            )
        return self._event(
            EventKind.MESSAGE, name, now, message_id=mid, text=text, reply_to=reply, media=media
        )

    async def feed(self, line: str, clock: ManualClock) -> InboundEvent | None:
        """Apply one script line; returns the event it produced, if any (already submitted)."""
        event = await self.parse(line, clock)
        if event is not None:
            if self.sink is None:
                raise RuntimeError("the console adapter is not started")
            await self.sink.submit(event)
        return event

    async def parse(self, line: str, clock: ManualClock) -> InboundEvent | None:
        line = line.rstrip("\n")
        if not line.strip():
            return None
        if line.startswith("#"):
            return await self._directive(line[1:].strip(), clock)
        m = _LINE.match(line)
        if not m:
            raise ScriptError(f"expected 'name: text' or '# directive', got {line!r}")
        return self.message_event(m["name"], m["text"], clock.now(), m["reply"])

    async def _directive(self, d: str, clock: ManualClock) -> InboundEvent | None:
        word, _, rest = d.partition(" ")
        rest = rest.strip()
        if word == "coordinator" and rest:
            self.chat.admins.add(rest)
            self.out.write(f"# {rest} is coördinator\n")
            return None
        if word == "trusted" and rest:
            await self._set_role(rest, Role.TRUSTED)
            self.out.write(f"# {rest} is vertrouwd lid\n")
            return None
        if word == "photo" and rest:
            name, _, caption = rest.partition(":")
            return self.message_event(name.strip(), caption.strip(), clock.now(), media=("photo",))
        if word in ("join", "leave") and rest:
            if word == "join" and rest in self.chat.banned:
                self.out.write(f"# {rest} probeert terug te komen, maar is verbannen\n")
                return None
            self.out.write(f"# {rest} {'komt in' if word == 'join' else 'verlaat'} de groep\n")
            if word == "join":
                self.chat.members.add(rest)
            else:
                self.chat.members.discard(rest)
            kind = EventKind.JOINED if word == "join" else EventKind.LEFT
            return self._event(kind, rest, clock.now())
        if word == "request" and rest:
            if rest in self.chat.members:
                raise ScriptError(f"{rest} is already in the group")
            self.out.write(f"# {rest} vraagt om lid te worden\n")
            return self._event(EventKind.JOIN_REQUEST, rest, clock.now())
        if word == "capabilities":
            for item in rest.split():
                name = item.lstrip("+-")
                if name not in CAPABILITIES:
                    raise ScriptError(f"unknown capability {name!r}; known: {sorted(CAPABILITIES)}")
                (
                    self.chat.capabilities.discard
                    if item.startswith("-")
                    else self.chat.capabilities.add
                )(name)
            self.out.write(f"# kan: {', '.join(sorted(self.chat.capabilities))}\n")
            return None
        m = _CLOCK.match(word)
        if m and not rest:
            clock.advance(int(m["n"]) * _UNITS[m["unit"]])
            self.out.write(f"# klok {word}\n")
            return None
        self.out.write(f"# {d}\n")
        return None

    async def _set_role(self, name: str, role: Role) -> None:
        if self.ctx is None:
            raise ScriptError("roles need a store")
        store = self.ctx.store
        pid = await store.remember_user(CHAT, User(id=name, name=name, username=name))
        await Groups(store).set_role(CHAT, pid, role)


def create(ctx: AdapterContext) -> ConsoleAdapter:
    return ConsoleAdapter(ctx)
