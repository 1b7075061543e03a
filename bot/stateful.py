"""Rules that need memory across messages, and the bot's own restraint (DESIGN §8.4, §8.6).

Every check is one atomic Lua script, so two workers handling one chat's messages at the same
time can neither double-count nor both miss. Times come from the injected clock and are stored
as values; Redis TTLs only collect garbage (set generously).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from bot.events import ChatRef
from bot.store import Store

#: Per-chat keys that hold message-derived data, purged by stored time after the retention
#: period (bot/housekeeping.py): ZSETs scored by time, or hashes whose values are a time,
#: "time|…", or JSON with "at". `cases` holds the text of deleted messages.
MESSAGE_DERIVED = ("burst", "fingerprints", "cases", "replies", "reminded")

# KEYS[1] zset; ARGV: now, window, member, limit, ttl -> count inside the window after adding
_SLIDING = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
local n = redis.call('ZCARD', KEYS[1])
if n >= tonumber(ARGV[4]) then return -1 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return n + 1
"""

# KEYS[1] hash field -> "time|event"; ARGV: field, now, window, ttl, event -> 1 when claimed
# (nobody claimed it within the window, or this same event did: processing is at-least-once,
# so a retried event must get the same answer).
_ONCE_PER_WINDOW = """
local v = redis.call('HGET', KEYS[1], ARGV[1])
if v then
  local sep = string.find(v, '|', 1, true)
  if sep and string.sub(v, sep + 1) == ARGV[5] then return 1 end
  local last = tonumber(sep and string.sub(v, 1, sep - 1) or v)
  if tonumber(ARGV[2]) - last < tonumber(ARGV[3]) then return 0 end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2] .. '|' .. ARGV[5])
redis.call('EXPIRE', KEYS[1], ARGV[4])
return 1
"""

# KEYS[1] hash fingerprint -> "time|event"; ARGV: now, window, event, ttl, fp1, fp2, ...
# Returns the event id of an earlier report with one of the fingerprints, else "" (and records).
_DUPLICATE = """
local now, window = tonumber(ARGV[1]), tonumber(ARGV[2])
for i = 5, #ARGV do
  local v = redis.call('HGET', KEYS[1], ARGV[i])
  if v then
    local sep = string.find(v, '|', 1, true)
    local t, ev = tonumber(string.sub(v, 1, sep - 1)), string.sub(v, sep + 1)
    if ev ~= ARGV[3] and now - t < window then return ev end
  end
end
for i = 5, #ARGV do redis.call('HSET', KEYS[1], ARGV[i], ARGV[1] .. '|' .. ARGV[3]) end
redis.call('EXPIRE', KEYS[1], ARGV[4])
return ''
"""

_WORD = re.compile(r"[a-z0-9à-ÿ]+")


@dataclass(frozen=True)
class Limits:
    burst_count: int = 3  # fragments ...
    burst_window: float = 60.0  # ... within this many seconds: one reminder
    fragment_chars: int = 60  # a message shorter than this is a fragment
    essay_chars: int = 900  # a message longer than this is an essay
    duplicate_window: float = 3 * 3600.0
    remind_window: float = 3600.0  # one member, one rule: at most one reminder per window
    replies_per_minute: int = 6  # the bot's own public answers per group


class StatefulRules:
    def __init__(self, store: Store, limits: Limits | None = None) -> None:
        self.store = store
        self.k = store.keys
        self.limits = limits or Limits()
        r = store.redis
        self._sliding = r.register_script(_SLIDING)
        self._once = r.register_script(_ONCE_PER_WINDOW)
        self._dup = r.register_script(_DUPLICATE)

    async def fragment_burst(self, chat: ChatRef, pid: str, event_id: str, now: float) -> bool:
        """True when this short message makes a burst of fragments from one member."""
        lim = self.limits
        key = self.k.chat(chat, "burst", pid)
        n = int(
            await self._sliding(
                keys=[key],
                args=[now, lim.burst_window, _digest(event_id), 1000, int(lim.burst_window * 10)],
            )
        )
        return n >= lim.burst_count

    async def duplicate_of(
        self,
        chat: ChatRef,
        event_id: str,
        text: str,
        kind: str | None,
        place: str | None,
        now: float,
    ) -> str | None:
        """The event id of an earlier report of the same incident, if any. Only fingerprints
        (hashes) are stored, never the text."""
        fps = fingerprints(text, kind, place)
        if not fps:
            return None
        found = await self._dup(
            keys=[self.k.chat(chat, "fingerprints")],
            args=[
                now,
                self.limits.duplicate_window,
                event_id,
                int(self.limits.duplicate_window * 4),
                *fps,
            ],
        )
        return str(found) or None

    async def once_per_window(
        self, chat: ChatRef, pid: str, rule: str, now: float, event_id: str
    ) -> bool:
        """Claim the right to remind this member of this rule now (for this event)."""
        w = self.limits.remind_window
        return bool(
            await self._once(
                keys=[self.k.chat(chat, "reminded")],
                args=[f"{pid}|{rule}", now, w, int(w * 4), _digest(event_id)],
            )
        )

    async def once_ever(self, chat: ChatRef, what: str, now: float, event_id: str) -> bool:
        """Claim a one-time notice for this chat (e.g. 'I cannot delete here')."""
        return bool(
            await self._once(
                keys=[self.k.chat(chat, "told")],
                args=[what, now, 30 * 86400, 90 * 86400, _digest(event_id)],
            )
        )

    async def reply_budget(self, chat: ChatRef, event_id: str, now: float) -> bool:
        """Take one of the bot's public answers for this minute; False when they are used up."""
        n = int(
            await self._sliding(
                keys=[self.k.chat(chat, "replies")],
                args=[now, 60, _digest(event_id), self.limits.replies_per_minute, 600],
            )
        )
        return n > 0


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def fingerprints(text: str, kind: str | None, place: str | None) -> list[str]:
    """Hashes that identify an incident: its kind and street, and word shingles of the text
    (a second report of the same incident shares several)."""
    fps: list[str] = []
    if kind and place:
        fps.append("k" + _digest(f"{kind}|{place}"))
    words = [w for w in _WORD.findall(text.lower()) if len(w) > 2]
    shingles = sorted({" ".join(words[i : i + 3]) for i in range(len(words) - 2)})
    # the few smallest hashes of the shingle set: a min-hash sketch of the text
    hashed = sorted(_digest(s) for s in shingles)[:4]
    if len(hashed) >= 3:
        fps.append("t" + _digest("".join(hashed[:3])))
    return fps
