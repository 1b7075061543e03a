"""What the bot may do in a Telegram chat, from its own member record there."""

from __future__ import annotations

from telegram import ChatMember, ChatMemberAdministrator, ChatMemberOwner

#: Always possible: threaded replies, protected content, private messages (whether a private
#: message reaches a given user is tracked per user, bot/reach.py).
BASE = frozenset({"reply_thread", "protect_content", "private_message"})


def is_supergroup(chat_id: str) -> bool:
    """Supergroup (and channel) ids start with -100; a basic group's do not."""
    return chat_id.startswith("-100")


def capabilities_of(member: ChatMember, chat_id: str) -> frozenset[str]:
    if str(member.status) in ("left", "kicked"):
        return frozenset()
    caps = set(BASE)
    if isinstance(member, ChatMemberOwner):
        caps |= {"delete", "ban", "kick", "approve_join", "pin"}
        if is_supergroup(chat_id):
            caps.add("mute")
    elif isinstance(member, ChatMemberAdministrator):
        if member.can_delete_messages:
            caps.add("delete")
        if member.can_restrict_members:
            caps |= {"ban", "kick"}
            if is_supergroup(chat_id):
                caps.add("mute")
        if member.can_invite_users:
            caps.add("approve_join")
        if member.can_pin_messages:
            caps.add("pin")
    return frozenset(caps)
