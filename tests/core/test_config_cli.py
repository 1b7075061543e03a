"""Configuration and the CLI contract: one-line errors, exit codes, secrets never printed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import ConfigError, load_settings


def run_cli(
    *args: str, env: dict[str, str] | None = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith("BUURTBOT_")}
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        env={**base, **(env or {})},
        input=stdin,
        timeout=60,
    )


def test_defaults_match_the_design(settings_env: None) -> None:
    s = load_settings()
    assert s.redis_url == "memory://"
    assert s.redis_prefix == "bb"
    assert s.adapter_names == ["console"]
    assert (s.http_host, s.http_port) == ("127.0.0.1", 8080)
    assert (s.locale, s.timezone) == ("nl-BE", "Europe/Brussels")
    assert s.telegram_mode == "webhook"
    assert s.whatsapp_graph_version == "v25.0"


def test_environment_wins_over_toml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, settings_env: None
) -> None:
    cfg = tmp_path / "bb.toml"
    cfg.write_text('redis_prefix = "uitfile"\nhttp_port = 9000\n')
    monkeypatch.setenv("BUURTBOT_HTTP_PORT", "9100")
    s = load_settings(cfg)
    assert s.redis_prefix == "uitfile"
    assert s.http_port == 9100


@pytest.mark.parametrize(
    ("var", "value", "named"),
    [
        ("BUURTBOT_HTTP_PORT", "tachtig", "BUURTBOT_HTTP_PORT"),
        ("BUURTBOT_REDIS_URL", "mysql://x", "BUURTBOT_REDIS_URL"),
        ("BUURTBOT_TIMEZONE", "Europe/Atlantis", "BUURTBOT_TIMEZONE"),
        ("BUURTBOT_TIMEZONE", "Europe", "BUURTBOT_TIMEZONE"),
        ("BUURTBOT_LOCALE", "fr-BE", "BUURTBOT_LOCALE"),
        ("BUURTBOT_TELEGRAM_MODE", "smoke-signals", "BUURTBOT_TELEGRAM_MODE"),
    ],
)
def test_bad_setting_is_one_line_and_exit_2(var: str, value: str, named: str) -> None:
    r = run_cli("run", env={var: value})
    assert r.returncode == 2
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert named in lines[0]
    assert "Traceback" not in r.stderr


def test_missing_required_setting_names_it_and_hides_secrets() -> None:
    r = run_cli(
        "run",
        env={"BUURTBOT_ADAPTERS": "telegram", "BUURTBOT_TELEGRAM_WEBHOOK_SECRET": "geheim-s3cr3t"},
    )
    assert r.returncode == 2
    assert (
        r.stderr.strip()
        == "buurtbot: configuration error: BUURTBOT_TELEGRAM_TOKEN is required but not set"
    )
    assert "geheim-s3cr3t" not in r.stdout + r.stderr


def test_unknown_key_in_toml_is_refused(tmp_path: Path, settings_env: None) -> None:
    cfg = tmp_path / "bb.toml"
    cfg.write_text('redis_prefx = "typo"\n')
    with pytest.raises(ConfigError, match="REDIS_PREFX"):
        load_settings(cfg)


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["frobnicate"]) == 2
    assert main([]) == 2


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for name in ("run", "demo", "check", "admin"):
        assert name in out


def test_admin_refuses_the_memory_store(
    settings_env: None, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["admin", "group", "list"]) == 2
    assert "memory://" in capsys.readouterr().err


def test_demo_script_from_a_file(tmp_path: Path) -> None:
    script = tmp_path / "demo.txt"
    script.write_text("anna: /regels\n")
    r = run_cli("demo", "--script", str(script))
    assert r.returncode == 0, r.stderr
    assert "#1 anna: /regels" in r.stdout
    assert "101" in r.stdout  # the rules summary, in Dutch
    assert "lost at exit" in r.stderr  # the memory store says so


def test_demo_with_a_bad_script_line_exits_2(tmp_path: Path) -> None:
    script = tmp_path / "demo.txt"
    script.write_text("anna: hallo\nbert@9: /warn\n")
    r = run_cli("demo", "--script", str(script))
    assert r.returncode == 2
    assert "line 2" in r.stderr and "#9" in r.stderr
