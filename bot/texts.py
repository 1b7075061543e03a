"""What the bot says in a chat, outside the rule packs (those hold the rule replies).

Short, friendly, Dutch (nl-BE). `t(key, **fields)` formats one text.
"""

from __future__ import annotations

from typing import Any

NL: dict[str, str] = {
    "help_header": "Wat ik voor je kan doen:",
    "help_member_note": "Zie je iets verdachts? Bel eerst 101 en meld het dan hier, kort en in één bericht.",
    "not_allowed": "Sorry, dat kunnen alleen de coördinatoren van deze groep.",
    "unknown_command": "Dat commando ken ik niet. Typ /help voor wat ik kan.",
    "usage": "Gebruik: {usage}",
    "private_only_start": "Dag! Je krijgt van mij voortaan tips en antwoorden hier, privé. 👋",
    "group_registered": "groep geregistreerd",
}


def t(key: str, **fields: Any) -> str:
    text = NL[key]
    return text.format(**fields) if fields else text
