"""`buurtbot admin` against the real Redis (it refuses memory://)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid

import pytest

REAL = os.environ.get("BUURTBOT_TEST_REDIS_URL", "")
pytestmark = pytest.mark.skipif(
    not REAL and os.environ.get("BUURTBOT_REQUIRE_REAL_REDIS") != "1", reason="needs a real Redis"
)


@pytest.fixture
def admin():  # type: ignore[no-untyped-def]
    prefix = f"bbtest-{uuid.uuid4().hex[:12]}"
    env = {k: v for k, v in os.environ.items() if not k.startswith("BUURTBOT_")}
    env.update(BUURTBOT_REDIS_URL=REAL, BUURTBOT_REDIS_PREFIX=prefix, BUURTBOT_SECRET_KEY="t")

    def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "bot", "admin", *args],
            env=env,
            capture_output=True,
            text=True,
            input=stdin,
            timeout=60,
        )

    yield run
    import redis

    r = redis.Redis.from_url(REAL)
    keys = list(r.scan_iter(match=f"{prefix}:*"))
    if keys:
        r.delete(*keys)
    r.close()


def test_group_import_show_link_role_and_audit(admin) -> None:  # type: ignore[no-untyped-def]
    r = admin("group", "show", "console:buurt")
    assert r.returncode == 1 and "no group" in r.stderr
    r = admin(
        "group", "import", "console:buurt", stdin=json.dumps({"locale": "nl-NL", "warn_limit": 4})
    )
    assert r.returncode == 0, r.stderr
    assert admin("group", "name", "console:buurt", "kerkwijk").returncode == 0
    assert admin("group", "link", "kerkwijk", "console:coordinatoren").returncode == 0
    r = admin("role", "kerkwijk", "add", "carla", "coordinator")
    assert r.returncode == 0, r.stderr
    shown = json.loads(admin("group", "show", "kerkwijk").stdout)
    assert shown["locale"] == "nl-NL" and shown["warn_limit"] == 4
    assert shown["coordinators_channel"] == "console:coordinatoren"
    assert list(shown["roles"].values()) == ["coordinator"]
    assert "carla" not in json.dumps(shown["roles"])  # pseudonyms only
    listed = admin("group", "list").stdout
    assert "console:buurt\tkerkwijk\tnl-NL" in listed
    audit = admin("audit", "kerkwijk", "--json").stdout.splitlines()
    actions = [json.loads(line)["action"] for line in audit]
    assert actions == ["kanaal", "role add"]
    assert "rol gegeven" in admin("audit", "kerkwijk").stdout  # readable Dutch labels


def test_role_by_unknown_username_fails_clearly(admin) -> None:  # type: ignore[no-untyped-def]
    admin("group", "import", "console:buurt", stdin="{}")
    r = admin("role", "console:buurt", "add", "@nobody", "coordinator")
    assert r.returncode == 1 and "has not seen @nobody" in r.stderr


def test_dead_letters_list_and_replay_when_empty(admin) -> None:  # type: ignore[no-untyped-def]
    r = admin("dead-letters", "list")
    assert r.returncode == 0 and r.stdout == ""
    r = admin("dead-letters", "replay")
    assert r.returncode == 0 and "replayed 0" in r.stdout
