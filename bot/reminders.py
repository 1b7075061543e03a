"""Reminders of the code of conduct: definitions, the due schedule and slot claims in Redis.

* Definitions are group configuration (no TTL): a hash per chat, `{chat}:reminders`, reminder
  number -> JSON. Their last outcome sits beside them in `{chat}:reminder-outcomes`.
* One global ZSET `rem:due` holds each active reminder (`<platform>:<chat>#<n>`) scored by its
  next fire time, so a tick costs one ZRANGEBYSCORE plus work per *due* reminder, whatever the
  number of groups. Every change is written to definition and ZSET in one MULTI, so a change on
  one replica is seen by all at their next tick.
* A fire is a slot `(member, due time)`, claimed in Redis before anything is sent (research
  note §I.3). The claim records who took it and when (injected clock, DESIGN §8.6); a claim
  older than the lease may be taken over, so a replica that dies mid-slot delays the reminder
  by one lease, never drops it. `finish` marks the slot done and moves the ZSET entry on with a
  compare-and-set, so a late replica cannot move it twice.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.events import ChatRef
from bot.recurrence import Recurrence, dst_notes, fmt_local, parse
from bot.store import Store

if TYPE_CHECKING:
    from bot.clock import Clock
    from bot.services import Services

#: Pack texts a reminder may point to instead of its own text.
TEXT_KEYS = ("reminder_default", "rules_summary")
#: The default reminder of a new group (opt-in on WhatsApp, where sends outside the
#: 24-hour window are paid templates). A pack may set its own with the text `reminder_schedule`.
DEFAULT_SCHEDULE = "elke eerste maandag om 19:00"
OPT_IN_PLATFORMS = frozenset({"whatsapp"})
MAX_TEXT = 2000
SLOT_DONE_SECONDS = 8 * 86400

_CLAIM = """
local v = redis.call('GET', KEYS[1])
if not v then
  redis.call('SET', KEYS[1], 'claimed|' .. ARGV[1] .. '|' .. ARGV[2] .. '|' .. ARGV[2], 'EX', ARGV[4])
  return {'won', ARGV[2]}
end
if v == 'done' then return {'done', ''} end
local who, at, first = string.match(v, '^claimed|(.*)|([^|]*)|([^|]*)$')
if at and tonumber(ARGV[2]) - tonumber(at) >= tonumber(ARGV[3]) then
  redis.call('SET', KEYS[1], 'claimed|' .. ARGV[1] .. '|' .. ARGV[2] .. '|' .. first, 'EX', ARGV[4])
  return {'taken', first}
end
return {'busy', ''}
"""

_ADVANCE = """
local s = redis.call('ZSCORE', KEYS[1], ARGV[3])
if s and tonumber(s) == tonumber(ARGV[1]) then
  if ARGV[2] == '' then return redis.call('ZREM', KEYS[1], ARGV[3]) end
  return redis.call('ZADD', KEYS[1], 'XX', ARGV[2], ARGV[3]) + 1
end
return 0
"""

OUTCOME_NL = {
    "sent": "verstuurd op {when}",
    "skipped_late": "overgeslagen (te laat) op {at}",
    "skipped_no_template": "overgeslagen (geen WhatsApp-template) op {at}",
}


@dataclass(frozen=True)
class Reminder:
    chat: ChatRef
    id: str
    recurrence: Recurrence
    text: str = ""  # the coordinator's own text; "" means the pack text `text_key`
    text_key: str = "reminder_default"
    paused: bool = False
    created_at: float = 0.0
    created_by: str = ""

    @property
    def member(self) -> str:
        return f"{self.chat.key}#{self.id}"

    def body(self, locale: str, overrides: dict[str, Any] | None = None) -> str:
        if self.text:
            return self.text
        from rules import load_pack

        return load_pack(locale, overrides or None).text(self.text_key)

    def what(self) -> str:
        """Short Dutch label of the text, for listings."""
        if self.text:
            short = self.text.replace("\n", " ")
            return f"“{short[:60]}{'…' if len(short) > 60 else ''}”"
        return "de gedragsregels" if self.text_key == "rules_summary" else "standaardherinnering"

    def to_json(self) -> str:
        return json.dumps(
            {
                "recurrence": self.recurrence.to_dict(),
                "text": self.text,
                "text_key": self.text_key,
                "paused": self.paused,
                "created_at": self.created_at,
                "created_by": self.created_by,
            },
            ensure_ascii=False,
        )

    @classmethod
    def from_json(cls, chat: ChatRef, rid: str, raw: str) -> Reminder:
        d = json.loads(raw)
        return cls(
            chat=chat,
            id=rid,
            recurrence=Recurrence.from_dict(d["recurrence"]),
            text=d.get("text", ""),
            text_key=d.get("text_key", "reminder_default"),
            paused=bool(d.get("paused", False)),
            created_at=float(d.get("created_at", 0.0)),
            created_by=d.get("created_by", ""),
        )


@dataclass
class Listed:
    reminder: Reminder
    next_at: float | None
    outcome: dict[str, Any] | None
    notes: list[str] = field(default_factory=list)

    def lines(self, tz: ZoneInfo) -> list[str]:
        r = self.reminder
        state = " (gepauzeerd)" if r.paused else ""
        out = [f"{r.id}. {r.recurrence.describe()}{state} — {r.what()}"]
        bits = []
        if self.next_at is not None and not r.paused:
            bits.append(f"volgende: {fmt_local(self.next_at, tz)}")
        if self.outcome:
            bits.append(f"laatst: {outcome_text(self.outcome, tz)}")
        if bits:
            out.append("   " + " · ".join(bits))
        return out


def outcome_text(o: dict[str, Any], tz: ZoneInfo) -> str:
    template = OUTCOME_NL.get(str(o.get("outcome")), "{outcome} op {at}")
    return template.format(
        when=fmt_local(float(o.get("when", 0)), tz),
        at=fmt_local(float(o.get("at", 0)), tz),
        outcome=o.get("outcome"),
    )


def parse_text(rest: str) -> tuple[str, str]:
    """What follows the schedule: nothing -> the default reminder; "regels"/"rules" -> the
    rules summary; anything else is the coordinator's own text. Returns (text, text_key)."""
    word = rest.strip().lower().rstrip(".!")
    if word in ("", "standaard", "default"):
        return "", "reminder_default"
    if word in ("regels", "de regels", "gedragsregels", "rules", "the rules"):
        return "", "rules_summary"
    if len(rest) > MAX_TEXT:
        raise ValueError(f"De tekst is te lang (max. {MAX_TEXT} tekens).")
    return rest.strip(), "reminder_default"


class Reminders:
    def __init__(self, store: Store, clock: Clock) -> None:
        self.store = store
        self.r = store.redis
        self.k = store.keys
        self.clock = clock
        self.due_key = self.k.glob("rem", "due")
        self._claim = self.r.register_script(_CLAIM)
        self._advance = self.r.register_script(_ADVANCE)

    def _defs(self, chat: ChatRef) -> str:
        return self.k.chat(chat, "reminders")

    def _outcomes(self, chat: ChatRef) -> str:
        return self.k.chat(chat, "reminder-outcomes")

    async def _tz(self, chat: ChatRef) -> ZoneInfo:
        raw = await self.r.hget(self.k.chat(chat, "cfg"), "timezone")
        return ZoneInfo(json.loads(raw) if raw else "Europe/Brussels")

    # -- definitions ------------------------------------------------------------------------
    async def get(self, chat: ChatRef, rid: str) -> Reminder | None:
        raw = await self.r.hget(self._defs(chat), rid)
        return Reminder.from_json(chat, rid, raw) if raw else None

    async def _require(self, chat: ChatRef, rid: str) -> Reminder:
        found = await self.get(chat, rid.lstrip("#"))
        if found is None:
            raise LookupError(f"Herinnering {rid} bestaat niet in deze groep.")
        return found

    async def all(self, chat: ChatRef) -> list[Reminder]:
        h: dict[str, str] = await self.r.hgetall(self._defs(chat))
        found = [Reminder.from_json(chat, k, v) for k, v in h.items()]
        return sorted(found, key=lambda r: int(r.id) if r.id.isdigit() else 0)

    async def listing(self, chat: ChatRef) -> list[Listed]:
        out = []
        for r in await self.all(chat):
            score = await self.r.zscore(self.due_key, r.member)
            raw = await self.r.hget(self._outcomes(chat), r.id)
            out.append(Listed(r, float(score) if score is not None else None,
                              json.loads(raw) if raw else None))  # fmt: skip
        return out

    async def add(
        self,
        chat: ChatRef,
        recurrence: Recurrence,
        *,
        text: str = "",
        text_key: str = "reminder_default",
        actor: str = "",
    ) -> Listed:
        if text_key not in TEXT_KEYS:
            raise ValueError(f"text_key must be one of {TEXT_KEYS}")
        now = self.clock.now()
        rid = str(await self.r.incr(self.k.chat(chat, "reminder-seq")))
        rem = Reminder(chat, rid, recurrence, text, text_key, False, now, actor)
        return await self._save(rem, reschedule=True)

    async def update(
        self,
        chat: ChatRef,
        rid: str,
        *,
        recurrence: Recurrence | None = None,
        text: str | None = None,
        text_key: str | None = None,
        paused: bool | None = None,
    ) -> Listed:
        """Change a reminder. The due time moves only when the schedule changes or it is
        resumed, so editing the text of a reminder that is about to fire keeps that fire."""
        old = await self._require(chat, rid)
        new = old
        if recurrence is not None:
            new = replace(new, recurrence=recurrence)
        if text is not None or text_key is not None:
            new = replace(new, text=text or "", text_key=text_key or "reminder_default")
        if paused is not None:
            new = replace(new, paused=paused)
        resched = new.recurrence != old.recurrence or (old.paused and not new.paused)
        return await self._save(new, reschedule=resched)

    async def _save(self, rem: Reminder, *, reschedule: bool) -> Listed:
        tz = await self._tz(rem.chat)
        now = self.clock.now()
        nxt = rem.recurrence.next_after(now, tz)
        async with self.r.pipeline(transaction=True) as p:
            p.hset(self._defs(rem.chat), rem.id, rem.to_json())
            if rem.paused:
                p.zrem(self.due_key, rem.member)
            elif reschedule:
                p.zadd(self.due_key, {rem.member: nxt})
            else:
                p.zadd(self.due_key, {rem.member: nxt}, nx=True)
            await p.execute()
        score = await self.r.zscore(self.due_key, rem.member)
        notes = dst_notes(rem.recurrence, tz, now) if reschedule else []
        return Listed(rem, float(score) if score is not None else None, None, notes)

    async def delete(self, chat: ChatRef, rid: str) -> Reminder:
        rem = await self._require(chat, rid)
        async with self.r.pipeline(transaction=True) as p:
            p.hdel(self._defs(chat), rem.id)
            p.hdel(self._outcomes(chat), rem.id)
            p.zrem(self.due_key, rem.member)
            await p.execute()
        return rem

    async def ensure_scheduled(self, rem: Reminder) -> bool:
        """Put an active reminder back in the due ZSET if it is missing (housekeeping)."""
        if rem.paused:
            return False
        nxt = rem.recurrence.next_after(self.clock.now(), await self._tz(rem.chat))
        return bool(await self.r.zadd(self.due_key, {rem.member: nxt}, nx=True))

    # -- firing -----------------------------------------------------------------------------
    async def due(self, now: float, limit: int = 100, offset: int = 0) -> list[tuple[str, float]]:
        rows = await self.r.zrangebyscore(
            self.due_key, "-inf", now, start=offset, num=limit, withscores=True
        )
        return [(str(m), float(s)) for m, s in rows]

    def _slot(self, member: str, ts: float) -> str:
        return self.k.glob("rem", "slot", slot_id(member, ts))

    async def claim(
        self, member: str, ts: float, me: str, now: float, lease: float
    ) -> tuple[str, float]:
        """("won" | "taken" | "done" | "busy", time of the slot's first claim)."""
        status, first = await self._claim(
            keys=[self._slot(member, ts)],
            args=[me.replace("|", "_"), repr(now), repr(lease), SLOT_DONE_SECONDS],
        )
        return str(status), float(first) if first else now

    async def finish(self, member: str, ts: float, next_ts: float | None) -> None:
        """Mark the slot done, then move the due entry on (only if still at `ts`)."""
        await self.r.set(self._slot(member, ts), "done", ex=SLOT_DONE_SECONDS)
        await self._advance(
            keys=[self.due_key],
            args=[repr(ts), "" if next_ts is None else repr(next_ts), member],
        )

    async def record_outcome(self, rem: Reminder, outcome: dict[str, Any]) -> None:
        await self.r.hset(self._outcomes(rem.chat), rem.id, json.dumps(outcome))


def split_member(member: str) -> tuple[ChatRef, str]:
    chat, _, rid = member.rpartition("#")
    return ChatRef.parse(chat), rid


def slot_id(member: str, ts: float) -> str:
    """A key-safe id of one fire (also the outbox idempotency base)."""
    return "rem-" + hashlib.sha256(f"{member}@{int(ts)}".encode()).hexdigest()[:24]


async def on_group_registered(services: Services, chat: ChatRef) -> Reminder | None:
    """Give a new group its pack's default reminder (not on opt-in platforms)."""
    if chat.platform in OPT_IN_PLATFORMS:
        return None
    from rules import load_pack

    group = await services.groups.get(chat)
    pack = load_pack(group.locale)
    try:
        phrase = pack.text("reminder_schedule")
    except KeyError:
        phrase = DEFAULT_SCHEDULE
    rec, _ = parse(phrase)
    listed = await Reminders(services.store, services.clock).add(chat, rec, actor="bot")
    return listed.reminder
