"""Configuration: `BUURTBOT_*` environment variables (DESIGN §4), optionally a TOML file given
with `--config` (flat keys without the prefix, e.g. `redis_url = "redis://..."`); the
environment wins over the file."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, ClassVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

PREFIX = "BUURTBOT_"
LOCALES = ("nl-BE", "nl-NL", "en")
REDIS_SCHEMES = ("redis", "rediss", "unix", "redis+sentinel", "memory")
_ADAPTER_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class ConfigError(Exception):
    """One line naming the setting; the CLI prints it and exits 2."""


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=PREFIX, extra="forbid", case_sensitive=False, validate_default=True
    )
    _toml_file: ClassVar[Path | None] = None

    redis_url: str = "memory://"
    redis_prefix: str = "bb"
    secret_key: SecretStr | None = None
    adapters: str = "console"
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=8080, ge=1, le=65535)
    locale: str = "nl-BE"
    timezone: str = "Europe/Brussels"
    log_level: str = "INFO"

    # pipeline (issue 3)
    workers: int = Field(default=2, ge=1, le=64)
    reclaim_idle_seconds: float = Field(default=120.0, gt=0)
    max_attempts: int = Field(default=5, ge=1, le=100)
    sender_max_wait_seconds: float = Field(default=60.0, gt=0)
    dedupe_days: int = Field(default=8, ge=7)

    # scheduling and retention (issue 9)
    reminder_grace_minutes: int = Field(default=120, ge=0)
    retention_days: int = Field(default=90, ge=1)
    audit_retention_days: int = Field(default=365, ge=1)

    telegram_token: SecretStr | None = None
    telegram_webhook_secret: SecretStr | None = None
    telegram_mode: str = "webhook"
    telegram_webhook_url: str | None = None
    telegram_api_url: str = "https://api.telegram.org"

    whatsapp_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_api_url: str = "https://graph.facebook.com"
    whatsapp_graph_version: str = "v25.0"
    whatsapp_template: str | None = None
    whatsapp_template_language: str = "nl"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings]
        if cls._toml_file is not None:
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=cls._toml_file))
        return tuple(sources)

    @field_validator("redis_url")
    @classmethod
    def _redis_url(cls, v: str) -> str:
        scheme = v.split("://", 1)[0] if "://" in v else ""
        if scheme not in REDIS_SCHEMES:
            raise ValueError(
                f"must start with one of {', '.join(s + '://' for s in REDIS_SCHEMES)}"
            )
        return v

    @field_validator("redis_prefix")
    @classmethod
    def _prefix(cls, v: str) -> str:
        if not re.fullmatch(r"[A-Za-z0-9_.\-]{1,40}", v):
            raise ValueError("letters, digits, '_', '.', '-' only (1-40)")
        return v

    @field_validator("adapters")
    @classmethod
    def _adapters(cls, v: str) -> str:
        names = [n.strip() for n in v.split(",") if n.strip()]
        if not names:
            raise ValueError("name at least one adapter, e.g. console")
        for n in names:
            if not _ADAPTER_NAME.match(n):
                raise ValueError(f"{n!r} is not an adapter name")
        return ",".join(names)

    @field_validator("locale")
    @classmethod
    def _locale(cls, v: str) -> str:
        if v not in LOCALES:
            raise ValueError(f"must be one of {', '.join(LOCALES)}")
        return v

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except (ZoneInfoNotFoundError, ValueError, OSError) as exc:  # "Europe" is a folder
            raise ValueError("not a known time zone, e.g. Europe/Brussels") from exc
        return v

    @field_validator("telegram_mode")
    @classmethod
    def _tg_mode(cls, v: str) -> str:
        if v not in ("webhook", "polling"):
            raise ValueError("must be webhook or polling")
        return v

    @field_validator("log_level")
    @classmethod
    def _level(cls, v: str) -> str:
        if v.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
            raise ValueError("must be DEBUG, INFO, WARNING or ERROR")
        return v.upper()

    @property
    def adapter_names(self) -> list[str]:
        return self.adapters.split(",")

    @property
    def is_memory(self) -> bool:
        return self.redis_url.startswith("memory://")

    def require(self, *names: str) -> None:
        """Stop when a setting an enabled feature needs is missing."""
        for name in names:
            value = getattr(self, name)
            if value is None or (isinstance(value, SecretStr) and not value.get_secret_value()):
                raise ConfigError(f"{PREFIX}{name.upper()} is required but not set")


def load_settings(config_file: str | Path | None = None, **overrides: Any) -> Settings:
    """Read the settings; raise ConfigError with one line naming the first bad setting."""
    path = Path(config_file) if config_file else None
    if path is not None and not path.is_file():
        raise ConfigError(f"--config: no such file: {path}")
    Settings._toml_file = path
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = err["loc"][0] if err["loc"] else "?"
        msg = str(err["msg"]).removeprefix("Value error, ")
        if err["type"] == "extra_forbidden":
            raise ConfigError(f"unknown setting {PREFIX}{str(loc).upper()}") from None
        raise ConfigError(f"{PREFIX}{str(loc).upper()}: {msg}") from None
    except Exception as exc:  # a TOML syntax error, for example
        raise ConfigError(f"--config {path}: {exc}") from None
    finally:
        Settings._toml_file = None
