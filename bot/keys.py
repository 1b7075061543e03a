"""The one place Redis keys are built (DESIGN §5).

Per-chat state: `<prefix>:{<platform>:<chat>}:<what>` (the hash tag keeps one chat in one
cluster slot); global state: `<prefix>:<what>:…`. Users appear only as pseudonyms: a part that
looks like a phone number or a platform user id is refused, so a mistake fails loudly in tests
instead of leaking personal data into key names.
"""

from __future__ import annotations

import re

from bot.events import ChatRef

# A bare positive number of 5+ digits (a Telegram user id, a phone number) or +32…
_PERSONAL = re.compile(r"^\+?[0-9][0-9 ]{4,}$")
# A chat id may be negative (Telegram groups) or a WhatsApp group id; never a private chat id.
_CHAT_OK = re.compile(r"^(-[0-9]+|[A-Za-z0-9_.@\-]+)$")


class PersonalDataInKey(ValueError):
    pass


def _check(part: str) -> str:
    if _PERSONAL.match(part):
        raise PersonalDataInKey("a key part looks like a phone number or user id; use a pseudonym")
    if ":" in part and not part.startswith("{"):
        raise ValueError(f"a key part may not contain ':': {part!r}")
    return part


class Keys:
    def __init__(self, prefix: str) -> None:
        self.prefix = prefix

    def chat_tag(self, chat: ChatRef) -> str:
        if not _CHAT_OK.match(chat.chat_id) or _PERSONAL.match(chat.chat_id):
            raise PersonalDataInKey(
                "a private chat is keyed by the user's pseudonym, not by the platform id"
            )
        return "{" + f"{chat.platform}:{chat.chat_id}" + "}"

    def chat(self, chat: ChatRef, *what: str) -> str:
        return ":".join([self.prefix, self.chat_tag(chat), *(_check(w) for w in what)])

    def glob(self, *what: str) -> str:
        return ":".join([self.prefix, *(_check(w) for w in what)])

    def chat_pattern(self, what: str) -> str:
        """SCAN pattern for one kind of per-chat key in every chat."""
        return f"{self.prefix}:{{*}}:{_check(what)}"
