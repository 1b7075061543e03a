"""Redis connection (real, Sentinel, or embedded fakeredis for `memory://`) and the small
global records every part uses: schema version, secret key, pseudonyms, alias hash, member index.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote, urlsplit

import redis.asyncio as aioredis
from redis.asyncio.sentinel import Sentinel

from bot.events import ChatRef, User
from bot.keys import Keys

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
#: redis-py's stubs type every reply as a sync/async union of bytes and str; with
#: decode_responses=True the replies are str, so the client is typed loosely on purpose.
Redis = Any


class SchemaTooNew(RuntimeError):
    pass


def connect(url: str) -> Redis:
    """A client for the URL of `BUURTBOT_REDIS_URL`. `memory://` is an in-process fakeredis."""
    if url.startswith("memory://"):
        import fakeredis

        client = fakeredis.FakeAsyncRedis(server=fakeredis.FakeServer(), decode_responses=True)
        return client
    if url.startswith("redis+sentinel://"):
        return _sentinel(url)
    return aioredis.Redis.from_url(url, decode_responses=True, health_check_interval=30)


def _sentinel(url: str) -> Redis:
    """`redis+sentinel://[:password@]host:port[,host:port]/service[/db]`."""
    parts = urlsplit(url)
    netloc = parts.netloc
    password = None
    if "@" in netloc:
        auth, netloc = netloc.rsplit("@", 1)
        password = unquote(auth.split(":", 1)[-1]) or None
    hosts: list[tuple[str, int]] = []
    for hp in netloc.split(","):
        host, _, port = hp.rpartition(":")
        hosts.append((host or hp, int(port) if host else 26379))
    path = [p for p in parts.path.split("/") if p]
    if not path:
        raise ValueError("redis+sentinel:// needs the service name: …/mymaster[/db]")
    db = int(path[1]) if len(path) > 1 else 0
    sentinel = Sentinel(hosts, password=password, decode_responses=True)  # type: ignore[no-untyped-call]
    master = sentinel.master_for(path[0], db=db, password=password, decode_responses=True)
    master._buurtbot_sentinels = sentinel.sentinels  # closed with the client (Store.close)
    return master


@dataclass
class Store:
    """The Redis client plus the key builder and the pseudonym key."""

    redis: Redis
    keys: Keys
    secret: bytes

    @classmethod
    async def open(cls, url: str, prefix: str, secret_key: str | None = None) -> Store:
        client = connect(url)
        keys = Keys(prefix)
        secret = await _secret(client, keys, secret_key)
        store = cls(client, keys, secret)
        await store.check_schema()
        return store

    async def close(self) -> None:
        await self.redis.aclose()
        for client in getattr(self.redis, "_buurtbot_sentinels", ()):
            await client.aclose()

    async def check_schema(self) -> None:
        key = self.keys.glob("schema")
        await self.redis.set(key, SCHEMA_VERSION, nx=True)
        found = int(await self.redis.get(key) or SCHEMA_VERSION)
        if found > SCHEMA_VERSION:
            raise SchemaTooNew(
                f"the store has schema version {found}; this buurtbot knows {SCHEMA_VERSION}"
            )

    # -- pseudonyms -------------------------------------------------------------------------
    def pseudonym(self, platform: str, user_id: str) -> str:
        """A stable, non-reversible name for a platform user: `u` + 16 hex digits of an HMAC."""
        mac = hmac.new(self.secret, f"{platform}:{user_id}".encode(), hashlib.sha256)
        return "u" + mac.hexdigest()[:16]

    async def remember_user(self, chat: ChatRef, user: User) -> str:
        """Record the alias (pseudonym -> platform address), the member index and the
        @username lookup for this chat; return the pseudonym."""
        pid = self.pseudonym(chat.platform, user.id)
        alias = {"platform": chat.platform, "id": user.id, "name": user.name}
        if user.username:
            alias["username"] = user.username
        pipe = self.redis.pipeline(transaction=False)
        pipe.hset(self.keys.glob("alias"), pid, json.dumps(alias, ensure_ascii=False))
        pipe.sadd(self.keys.glob("member", pid), chat.key)
        if user.username:
            pipe.hset(self.keys.chat(chat, "usernames"), user.username.lower(), pid)
        await pipe.execute()
        return pid

    async def alias(self, pid: str) -> dict[str, Any] | None:
        raw = await self.redis.hget(self.keys.glob("alias"), pid)
        return json.loads(raw) if raw else None

    async def by_username(self, chat: ChatRef, username: str) -> str | None:
        pid: str | None = await self.redis.hget(
            self.keys.chat(chat, "usernames"), username.lstrip("@").lower()
        )
        return pid


async def _secret(client: Redis, keys: Keys, configured: str | None) -> bytes:
    if configured:
        return configured.encode()
    key = keys.glob("secret")
    await client.set(key, secrets.token_hex(32), nx=True)
    stored = await client.get(key)
    return str(stored).encode()
