"""Chat commands: a small registry in the style of aiogram's routers.

Each command names its Dutch aliases, who may use it and a one-line usage; `dispatch` checks
the role before the handler runs, so a handler never has to.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from bot.actions import Action
from bot.context import EventContext
from bot.groups import Role

Handler = Callable[[EventContext], Awaitable[list[Action]]]


@dataclass(frozen=True)
class Command:
    name: str
    aliases: tuple[str, ...]
    coordinators_only: bool
    usage: str
    summary: str
    handler: Handler
    #: The handler checks the role itself (e.g. against the group a case belongs to, when the
    #: command is typed in a coordinators' channel); /help still lists it for coordinators only.
    checks_role: bool = False


REGISTRY: dict[str, Command] = {}
ORDER: list[Command] = []


def command(
    name: str,
    *aliases: str,
    coordinators_only: bool = False,
    checks_role: bool = False,
    usage: str = "",
    summary: str,
) -> Callable[[Handler], Handler]:
    def register(fn: Handler) -> Handler:
        cmd = Command(
            name, aliases, coordinators_only, usage or f"/{name}", summary, fn, checks_role
        )
        for n in (name, *aliases):
            if n in REGISTRY:
                raise ValueError(f"command /{n} registered twice")
            REGISTRY[n] = cmd
        ORDER.append(cmd)
        return fn

    return register


def lookup(name: str) -> Command | None:
    _load()
    return REGISTRY.get(name)


def visible_to(role: Role) -> list[Command]:
    _load()
    return [
        c for c in ORDER if not (c.coordinators_only or c.checks_role) or role is Role.COORDINATOR
    ]


def _load() -> None:
    # Importing the modules registers their commands.
    from bot.commands import (  # noqa: F401
        cases,
        info,
        moderation,
        modes,
        reminder,
        settings,
        status,
    )
