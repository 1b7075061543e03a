"""docker-compose.yml can't be run here (no Docker engine): check it against the settings."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from bot.config import PREFIX, Settings

ROOT = Path(__file__).resolve().parents[2]


def _env_names(text: str) -> set[str]:
    return set(re.findall(r"^\s+(BUURTBOT_[A-Z0-9_]+):", text, re.M))


def test_compose_uses_only_known_settings() -> None:
    text = (ROOT / "docker-compose.yml").read_text()
    names = _env_names(text)
    known = {PREFIX + f.upper() for f in Settings.model_fields}
    assert names, "compose sets no BUURTBOT_ variables"
    assert names <= known, names - known
    assert "BUURTBOT_REDIS_URL" in names and "BUURTBOT_SECRET_KEY" in names
    # the replicas reach Redis by its service name and listen on all interfaces in the container
    assert "redis://redis:6379" in text
    assert re.search(r"BUURTBOT_HTTP_HOST: 0\.0\.0\.0", text)
    assert re.search(r"^  redis:$", text, re.M)
    assert "/healthz" in text


def test_readme_configuration_table_names_every_setting() -> None:
    readme = (ROOT / "README.md").read_text()
    for field in Settings.model_fields:
        assert f"`{PREFIX}{field.upper()}`" in readme, field


def test_dockerfile_installs_the_package() -> None:
    text = (ROOT / "Dockerfile").read_text()
    assert "pip install" in text and "buurtbot" in text
    # setup.py compiles the classifier (mypyc) in the build stage, which has a C compiler
    assert "COPY pyproject.toml setup.py" in text and "gcc" in text
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert project["scripts"]["buurtbot"] == "bot.cli:main"
