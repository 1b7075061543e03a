"""The scheduler every replica runs (DESIGN §6): APScheduler 3.11's `AsyncIOScheduler` with an
in-memory job store and one interval job that calls `tick()`. All schedule state is in Redis
(`bot.reminders`), so replicas share no job store and need no leader: each tick claims due
reminder slots and housekeeping periods, and whoever wins one does it.

`tick(now)` takes time from the injected clock, so tests call it directly with a ManualClock.
Sends go through the outbox (`Pipeline.enqueue`), so rate limits, retries and the audit of the
sender apply, and re-enqueueing a slot after a crash sends nothing twice.
"""

from __future__ import annotations

import itertools
import logging
import os
import socket
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.actions import Action, ActionKind
from bot.housekeeping import Housekeeping, Job
from bot.recurrence import fmt_local
from bot.reminders import Reminder, Reminders, slot_id, split_member

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.groups import GroupConfig
    from bot.pipeline import Pipeline
    from bot.runtime import Runtime
    from bot.services import Services

log = logging.getLogger(__name__)


@dataclass
class SchedulerConfig:
    interval_seconds: float = 20.0
    grace_seconds: float = 120 * 60.0
    lease_seconds: float = 120.0  # a claim older than this may be taken over
    retention_days: int = 90
    audit_retention_days: int = 365
    dedupe_seconds: int = 8 * 86400
    whatsapp_template: str | None = None
    whatsapp_template_language: str = "nl"
    batch: int = 100

    @classmethod
    def from_settings(cls, s: Settings) -> SchedulerConfig:
        return cls(
            grace_seconds=s.reminder_grace_minutes * 60.0,
            retention_days=s.retention_days,
            audit_retention_days=s.audit_retention_days,
            dedupe_seconds=s.dedupe_days * 86400,
            whatsapp_template=s.whatsapp_template,
            whatsapp_template_language=s.whatsapp_template_language,
        )


@dataclass
class TickReport:
    sent: list[str] = field(default_factory=list)  # reminder members
    skipped: list[str] = field(default_factory=list)
    jobs: dict[str, int] = field(default_factory=dict)  # housekeeping job -> items touched


class Scheduler:
    def __init__(
        self,
        services: Services,
        pipeline: Pipeline,
        config: SchedulerConfig | None = None,
        replica: str | None = None,
    ) -> None:
        self.s = services
        self.pipeline = pipeline
        self.cfg = config or SchedulerConfig()
        self.replica = replica or f"{socket.gethostname()}-{os.getpid()}"
        self.reminders = Reminders(services.store, services.clock)
        self.housekeeping = Housekeeping(services, pipeline, self.cfg)
        self._jobs = self.housekeeping.jobs()
        self._periods_seen: dict[str, int] = {}
        self._aps: Any = None

    @classmethod
    def for_runtime(cls, runtime: Runtime) -> Scheduler:
        return cls(
            runtime.services, runtime.pipeline, SchedulerConfig.from_settings(runtime.settings)
        )

    # -- APScheduler ------------------------------------------------------------------------
    def start(self) -> None:
        """Start the in-memory APScheduler with the one tick job (needs a running loop)."""
        from apscheduler.schedulers.asyncio import AsyncIOScheduler
        from apscheduler.triggers.interval import IntervalTrigger

        self._aps = AsyncIOScheduler(timezone=UTC)
        self._aps.add_job(
            self._tick_job,
            IntervalTrigger(seconds=self.cfg.interval_seconds, timezone=UTC),
            id="buurtbot-tick",
            coalesce=True,
            max_instances=1,
            misfire_grace_time=None,
            next_run_time=datetime.now(UTC),
        )
        self._aps.start()

    @property
    def running(self) -> bool:
        return bool(self._aps is not None and self._aps.running)

    async def stop(self) -> None:
        if self._aps is not None and self._aps.running:
            self._aps.shutdown(wait=False)
        self._aps = None

    async def _tick_job(self) -> None:
        try:
            await self.tick()
        except Exception as exc:  # Redis down, for example: the next tick tries again
            log.warning("scheduler tick failed: %s", type(exc).__name__)

    # -- one tick ---------------------------------------------------------------------------
    async def tick(self, now: float | None = None) -> TickReport:
        now = self.s.clock.now() if now is None else now
        report = TickReport()
        skip = 0  # due entries left in place (claimed elsewhere, or failed): read past them
        while True:
            due = await self.reminders.due(now, self.cfg.batch, offset=skip)
            for member, ts in due:
                try:
                    if not await self._fire(member, ts, now, report):
                        skip += 1
                except Exception:
                    skip += 1
                    log.exception("reminder slot failed; it is retried after the lease")
            if len(due) < self.cfg.batch:
                break
        for job in self._jobs:
            await self._maybe_run(job, now, report)
        return report

    async def _maybe_run(self, job: Job, now: float, report: TickReport) -> None:
        period = int(now // job.period)
        if self._periods_seen.get(job.name) == period:
            return
        key = self.s.store.keys.glob("rem", "job", job.name, f"p{period}")
        won = await self.s.store.redis.set(key, self.replica, nx=True, ex=int(job.period * 2))
        self._periods_seen[job.name] = period
        if not won:
            return
        try:
            report.jobs[job.name] = await job.run(now)
        except Exception:
            log.exception("housekeeping job %s failed", job.name)

    async def _fire(self, member: str, ts: float, now: float, report: TickReport) -> bool:
        """Handle one due slot; False when another replica holds it."""
        status, first = await self.reminders.claim(
            member, ts, self.replica, now, self.cfg.lease_seconds
        )
        if status == "busy":
            return False
        chat, rid = split_member(member)
        rem = await self.reminders.get(chat, rid)
        if rem is None or rem.paused:
            await self.reminders.finish(member, ts, None)
            return True
        group = await self.s.groups.get(chat)
        tz = ZoneInfo(group.timezone)
        if status != "done":
            # Only the latest missed occurrence counts; lateness is judged at the first claim,
            # so a replica taking over a dead one's claim decides the same.
            occurrence = max(ts, rem.recurrence.last_at_or_before(first, tz))
            await self._send_or_skip(rem, group, tz, ts, occurrence, first, now, report)
        else:
            occurrence = ts
        nxt = rem.recurrence.next_after(max(now, occurrence), tz)
        await self.reminders.finish(member, ts, nxt)
        return True

    async def _send_or_skip(
        self,
        rem: Reminder,
        group: GroupConfig,
        tz: ZoneInfo,
        ts: float,
        occurrence: float,
        first: float,
        now: float,
        report: TickReport,
    ) -> None:
        missed = sum(
            1 for _ in itertools.islice(rem.recurrence.between(ts, occurrence, tz), 10_000)
        )
        late = first - occurrence
        label = f"herinnering {rem.id} ({rem.recurrence.describe()})"
        notes = [f"{missed} eerdere keer gemist"] if missed else []
        extra = {"actor": "bot", "reminder": rem.id}
        if late > self.cfg.grace_seconds:
            outcome = "skipped_late"
            reason = f"{label} overgeslagen: {int(late // 60)} min te laat"
        elif rem.chat.platform == "whatsapp" and not self.cfg.whatsapp_template:
            outcome = "skipped_no_template"
            reason = f"{label} overgeslagen: geen goedgekeurde WhatsApp-template ingesteld"
        else:
            outcome = "sent"
            reason = f"{label} verstuurd" + (
                f", {int(late // 60)} min te laat" if late >= 60 else ""
            )
            if rem.chat.platform == "whatsapp" and self.cfg.whatsapp_template:
                extra["template"] = self.cfg.whatsapp_template
                extra["template_language"] = self.cfg.whatsapp_template_language
            action = Action(
                ActionKind.REPLY,
                rem.chat,
                text=rem.body(group.locale, group.overrides),
                reason=label,
                extra=extra,
            )
            await self.pipeline.enqueue([action], slot_id(rem.member, occurrence))
        (report.sent if outcome == "sent" else report.skipped).append(rem.member)
        await self.reminders.record_outcome(
            rem, {"outcome": outcome, "at": occurrence, "when": now}
        )
        await self.s.audit.record(
            rem.chat,
            at=now,
            actor="bot",
            action="reminder",
            reason="; ".join([reason, *notes]) + f" (gepland {fmt_local(occurrence, tz)})",
            outcome="ok" if outcome == "sent" else outcome,
        )
