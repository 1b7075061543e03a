"""Telegram adapter (python-telegram-bot as the API client; the core dispatches).

`create(ctx)` is the entry point `buurtbot.adapters: telegram`.
"""

from __future__ import annotations

from adapters.telegram.adapter import TelegramAdapter
from bot.adapter import AdapterContext

__all__ = ["TelegramAdapter", "create"]


def create(ctx: AdapterContext) -> TelegramAdapter:
    return TelegramAdapter(ctx)
