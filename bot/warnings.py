"""Warnings as records (DESIGN §5): who was warned, why, by whom, when — not a counter.

One Redis hash per member per chat (`{chat}:warnings:<pseudonym>`), one field per warning, keyed
by the warning id. The id is derived from the event that caused it, so processing the same event
twice (at-least-once, DESIGN §8.3) stores one warning. A withdrawn warning keeps its field with a
`withdrawn` mark, so a redelivered event cannot bring it back. Expiry compares stored clock times
with the clock (DESIGN §8.6); the key's TTL only collects garbage.

`warn_member` and `remove_member` are what both coordinators' commands and the automatic
planner call: they record, tell the member why, act at the limit and audit.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from redis.exceptions import WatchError

from bot.actions import Action, ActionKind
from bot.bans import Bans
from bot.context import EventContext
from bot.events import ChatRef
from bot.once import once
from bot.store import Store
from bot.texts import t

DAY = 86400.0
#: Garbage collection only: records live at least this long after their last change.
MIN_TTL_DAYS = 400
MAX_REASON = 200  # characters; a reason is shown in the group and kept in the audit


@dataclass(frozen=True)
class Warning:  # shadows the builtin on purpose: the name other issues rely on
    id: str
    reason: str
    rule: str  # "" when a coordinator gave it by hand
    by: str  # pseudonym of the coordinator, or "bot"
    at: float


@dataclass(frozen=True)
class _Record:
    """A stored warning with its place in the member's history: `seq` orders warnings given
    at the same clock time (and keeps "waarschuwing 2/3" right)."""

    warning: Warning
    seq: int
    withdrawn: bool = False

    def dump(self, withdrawn_at: float | None = None) -> str:
        w = self.warning
        d: dict[str, Any] = {
            "reason": w.reason,
            "rule": w.rule,
            "by": w.by,
            "at": w.at,
            "seq": self.seq,
        }
        if withdrawn_at is not None:
            d["withdrawn"] = withdrawn_at
        return json.dumps(d, ensure_ascii=False)

    @classmethod
    def load(cls, wid: str, raw: str) -> _Record:
        d = json.loads(raw)
        w = Warning(
            wid,
            str(d.get("reason", "")),
            str(d.get("rule", "")),
            str(d.get("by", "")),
            float(d.get("at", 0.0)),
        )
        return cls(w, int(d.get("seq", 0)), "withdrawn" in d)

    @property
    def order(self) -> tuple[float, int, str]:
        return (self.warning.at, self.seq, self.warning.id)


SEQ = "#seq"  # the hash field that numbers a member's warnings


def _records(h: dict[str, str]) -> list[_Record]:
    return sorted((_Record.load(k, v) for k, v in h.items() if k != SEQ), key=lambda r: r.order)


class Warnings:
    """Storage of warning records."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _key(self, chat: ChatRef, pid: str) -> str:
        return self.store.keys.chat(chat, "warnings", pid)

    async def add(self, chat: ChatRef, pid: str, w: Warning) -> bool:
        """Store `w`; False (and nothing changes) when a warning with its id exists."""
        key = self._key(chat, pid)
        r = self.store.redis
        if await r.hexists(key, w.id):
            return False
        seq = int(await r.hincrby(key, SEQ, 1))
        added = bool(await r.hsetnx(key, w.id, _Record(w, seq).dump()))
        await r.expire(key, int(MIN_TTL_DAYS * DAY))
        return added

    async def active(self, chat: ChatRef, pid: str, now: float, expiry_days: int) -> list[Warning]:
        """Warnings that still count, oldest first."""
        h: dict[str, str] = await self.store.redis.hgetall(self._key(chat, pid))
        return [r.warning for r in _records(h) if _counts(r, now, expiry_days)]

    async def withdraw_last(
        self, chat: ChatRef, pid: str, now: float, expiry_days: int
    ) -> Warning | None:
        """Withdraw the newest active warning (atomically: two at once withdraw two)."""

        def newest(records: list[_Record]) -> _Record | None:
            live = [r for r in records if _counts(r, now, expiry_days)]
            return live[-1] if live else None

        return await self._withdraw(self._key(chat, pid), newest, now)

    async def withdraw(self, chat: ChatRef, pid: str, warning_id: str) -> bool:
        """Withdraw one warning by id; False when there is none (or it was withdrawn)."""

        def by_id(records: list[_Record]) -> _Record | None:
            return next(
                (r for r in records if r.warning.id == warning_id and not r.withdrawn), None
            )

        return await self._withdraw(self._key(chat, pid), by_id, 0.0) is not None

    async def _withdraw(
        self, key: str, pick: Callable[[list[_Record]], _Record | None], now: float
    ) -> Warning | None:
        """Mark the record `pick` chooses as withdrawn, optimistically (WATCH/MULTI)."""
        async with self.store.redis.pipeline(transaction=True) as p:
            while True:
                try:
                    await p.watch(key)
                    chosen = pick(_records(await p.hgetall(key)))
                    if chosen is None:
                        await p.unwatch()
                        return None
                    p.multi()
                    p.hset(key, chosen.warning.id, chosen.dump(withdrawn_at=now))
                    await p.execute()
                    return chosen.warning
                except WatchError:
                    continue

    async def withdraw_all(self, chat: ChatRef, pid: str, now: float, expiry_days: int) -> int:
        """A clean slate (after /unban): withdraw every active warning; how many."""
        n = 0
        for w in await self.active(chat, pid, now, expiry_days):
            n += await self.withdraw(chat, pid, w.id)
        return n


def _counts(r: _Record, now: float, expiry_days: int) -> bool:
    return not r.withdrawn and r.warning.at > now - expiry_days * DAY


def _limit_text(name: str, count: int, last: Warning, username: str, can_ban: bool) -> str:
    how = (
        t("propose_how_username", username=username)
        if username
        else t("propose_how_reply", name=name)
    )
    text = t("propose_remove", name=name, count=count, reason=last.reason or "—", how=how)
    return text if can_ban else f"{text} {t('cap_fix_ban')}"


async def warn_member(
    ctx: EventContext,
    *,
    target_user_id: str,
    target_name: str,
    reason: str,
    rule: str | None,
    by: str,
    reply_to: str | None,
) -> list[Action]:
    """Record a warning, tell the member why, and at the limit remove them (mode `ban`) or ask
    the coordinators (mode `propose`, or when the bot may not remove anyone here)."""
    s = ctx.services
    chat = ctx.chat
    pid = s.store.pseudonym(chat.platform, target_user_id)
    reason = reason[:MAX_REASON]
    w = Warning(f"{ctx.event.event_id}:{rule or 'manual'}", reason, rule or "", by, ctx.now)
    store = Warnings(s.store)
    new = await store.add(chat, pid, w)
    active = await store.active(chat, pid, ctx.now, ctx.group.warn_expiry_days)
    ids = [a.id for a in active]
    number = ids.index(w.id) + 1 if w.id in ids else len(active)
    limit = ctx.group.warn_limit
    reached = len(active) >= limit
    ban = reached and ctx.group.warn_mode == "ban" and "ban" in ctx.capabilities
    key = "warned_banned" if ban else "warned_reason" if reason else "warned"
    text = t(key, name=target_name, n=number, limit=limit, reason=reason)
    actions = [
        Action(
            ActionKind.REPLY,
            chat,
            text=text,
            reply_to=reply_to,
            rule=rule,
            reason=reason,
            extra={"actor": by},
        )
    ]
    outcome = f"{number}/{limit}"
    if ban:
        why = t("limit_reason", limit=limit)
        await Bans(s.store).add(chat, pid, at=ctx.now, by=by, reason=why, name=target_name)
        actions.append(_ban(ctx, target_user_id, rule, why, by))
        outcome += ", verwijderd"
    elif reached:
        alias = await s.store.alias(pid) or {}
        username = str(alias.get("username", ""))
        actions.append(
            Action(
                ActionKind.NOTIFY_COORDINATORS,
                chat,
                text=_limit_text(target_name, len(active), w, username, "ban" in ctx.capabilities),
                user_id=target_user_id,
                rule=rule,
                reason=reason,
                extra={"actor": "bot"},
            )
        )
        outcome += ", voorgelegd aan coördinatoren"
    if new:
        await s.audit.record(
            chat,
            at=ctx.now,
            actor=by,
            action="warn",
            target=pid,
            rule=rule or "",
            reason=reason,
            outcome=outcome,
        )
    return actions


def _ban(ctx: EventContext, user_id: str, rule: str | None, reason: str, by: str) -> Action:
    return Action(
        ActionKind.BAN, ctx.chat, user_id=user_id, rule=rule, reason=reason, extra={"actor": by}
    )


async def remove_member(
    ctx: EventContext, *, target_user_id: str, target_name: str, reason: str, by: str
) -> list[Action]:
    """Remove the member for good (DESIGN §8.10: a ban; /unban undoes it), with a short group
    message. Without the right to remove, tell the coordinator how to give it."""
    s = ctx.services
    pid = s.store.pseudonym(ctx.chat.platform, target_user_id)
    reason = reason[:MAX_REASON]
    if "ban" not in ctx.capabilities:
        await s.audit.record(
            ctx.chat,
            at=ctx.now,
            actor=by,
            action="remove",
            target=pid,
            reason=reason,
            outcome="niet mogelijk: geen recht om te verwijderen",
        )
        return [ctx.reply(t("cap_fix_ban"))]
    await Bans(s.store).add(ctx.chat, pid, at=ctx.now, by=by, reason=reason, name=target_name)
    if await once(ctx, "remove"):
        await s.audit.record(
            ctx.chat, at=ctx.now, actor=by, action="remove", target=pid, reason=reason
        )
    text = t("removed_reason" if reason else "removed", name=target_name, reason=reason)
    return [_ban(ctx, target_user_id, None, reason, by), ctx.reply(text, thread=False)]
