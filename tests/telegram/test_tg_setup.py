"""Setting the adapter up: found by name, clear errors for missing or refused settings."""

from __future__ import annotations

import pytest
from conftest import tg_settings
from fakes.telegram_api import FakeTelegram

from adapters.telegram import TelegramAdapter
from bot.adapter import AdapterContext, find_adapter
from bot.clock import ManualClock
from bot.config import ConfigError, load_settings
from bot.pipeline import Pipeline
from bot.store import Store


async def test_found_by_name_and_built_from_settings(
    fake: FakeTelegram, store: Store, clock: ManualClock, settings_env: None
) -> None:
    adapter = find_adapter("telegram")(AdapterContext(tg_settings(fake), store, clock))
    assert isinstance(adapter, TelegramAdapter)
    assert [r.path for r in adapter.routes()] == ["/webhooks/telegram"]  # type: ignore[attr-defined]


async def test_missing_settings_are_named(
    store: Store, clock: ManualClock, settings_env: None
) -> None:
    with pytest.raises(ConfigError, match="BUURTBOT_TELEGRAM_TOKEN"):
        TelegramAdapter(AdapterContext(load_settings(adapters="telegram"), store, clock))
    webhook_without_secret = load_settings(adapters="telegram", telegram_token="1:x")
    with pytest.raises(ConfigError, match="BUURTBOT_TELEGRAM_WEBHOOK_SECRET"):
        TelegramAdapter(AdapterContext(webhook_without_secret, store, clock))
    polling = load_settings(adapters="telegram", telegram_token="1:x", telegram_mode="polling")
    TelegramAdapter(AdapterContext(polling, store, clock))  # polling needs no secret


async def test_a_refused_token_stops_the_start_with_a_clear_error(
    fake: FakeTelegram, store: Store, clock: ManualClock, settings_env: None
) -> None:
    settings = tg_settings(fake, telegram_token="999:not-the-token")
    adapter = TelegramAdapter(AdapterContext(settings, store, clock))
    sink = Pipeline(store, None, None)  # type: ignore[arg-type]
    with pytest.raises(ConfigError, match="refused"):
        await adapter.start(sink)
