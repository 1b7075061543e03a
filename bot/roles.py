"""Who someone is in a group: a stored role first (`buurtbot admin role …`, `# trusted`), else a
platform admin is a coordinator by default (DESIGN §1)."""

from __future__ import annotations

from bot.events import ChatRef
from bot.groups import Role
from bot.services import Services


async def member_role(
    services: Services, chat: ChatRef, pid: str, user_id: str | None, is_admin: bool | None
) -> Role:
    stored = await services.groups.role_of(chat, pid)
    if stored is not Role.MEMBER or user_id is None:
        return stored
    if is_admin is True:
        return Role.COORDINATOR
    if is_admin is None and await services.adapter_for(chat).is_admin(chat, user_id):
        return Role.COORDINATOR
    return Role.MEMBER
