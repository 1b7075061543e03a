"""Where a message's fate is decided: classifier findings × group policy × the chat's
capabilities → actions (DESIGN §2, §3, §8.5).

* One public reply per message, combining its findings; a report is never deleted.
* What the chat can't do is re-planned (no `delete` → remind + notify) and the coordinators are
  told once why.
* Coordinators and trusted members are not auto-moderated, but what they would have tripped is
  audited. In `proefmodus` the group sees nothing; the coordinators get what would have happened.
  During `/pauze` only what protects people is acted on.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from bot.actions import Action, ActionKind
from bot.cases import Case, Cases, case_buttons
from bot.context import EventContext
from bot.events import EventKind
from bot.groups import Role
from bot.reach import reachable
from bot.stateful import StatefulRules
from bot.texts import NL, t
from rules import classify
from rules.model import without_delete

log = logging.getLogger(__name__)

#: The order in which findings are answered (most serious first).
ORDER = (
    "conduct.language",
    "conduct.accusation",
    "conduct.vigilante",
    "conduct.confidentiality",
    "saar.police_first",
    "report.duplicate",
    "conduct.off_topic",
    "report.one_message",
    "report.photo_context",
)
#: Reminders about form, silenced while a group is paused (incident mode).
FORM_RULES = frozenset(
    {
        "saar.police_first",
        "report.duplicate",
        "conduct.off_topic",
        "report.one_message",
        "report.photo_context",
    }
)
LABELS = {
    "conduct.language": "taalgebruik",
    "conduct.accusation": "beschuldiging",
    "conduct.vigilante": "eigen rechter",
    "conduct.confidentiality": "vertrouwelijkheid",
    "saar.police_first": "eerst 101",
    "report.duplicate": "al gemeld",
    "conduct.off_topic": "niet voor de groep",
    "report.one_message": "één bericht",
    "report.photo_context": "foto zonder uitleg",
}


@dataclass
class Found:
    rule: str
    evidence: str
    reason: str
    learned: bool = False  # an estimate of the learned model: never deleted for


@dataclass
class Plan:
    public: list[str] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)
    notify: list[str] = field(default_factory=list)
    done: list[str] = field(default_factory=list)  # for the case record
    deleted: bool = False
    would: list[str] = field(default_factory=list)  # proefmodus: what was not done


async def moderate_message(ctx: EventContext) -> list[Action]:
    """Classify a message, add the stateful findings, and plan what to do."""
    e = ctx.event
    verdict = classify(e.text, ctx.pack, has_media=bool(e.media))
    found = {f.rule_id: Found(f.rule_id, f.evidence, f.reason, f.learned) for f in verdict.findings}
    if ctx.role in (Role.COORDINATOR, Role.TRUSTED):
        if found:
            await ctx.services.audit.record(
                ctx.chat,
                at=ctx.now,
                actor="bot",
                action="niet gemodereerd",
                target=ctx.pid,
                rule=",".join(sorted(found)),
                reason=t("exempt", role=t(f"role_{ctx.role.value}")),
                outcome="skipped",
            )
        return []
    state = ctx.services.stateful
    if e.kind is not EventKind.EDITED:  # an edit is judged again, but is no new fragment or report
        await _stateful(ctx, state, verdict.is_report, verdict.incident_kind, verdict.place, found)
    found = {r: f for r, f in found.items() if ctx.pack.enabled(r)}
    if ctx.group.paused_until > ctx.now:
        found = {r: f for r, f in found.items() if r not in FORM_RULES}
    hint = next((h for h in verdict.hints if h.id == "signalement.missing"), None)
    if not found and hint is None:
        return []
    plan = await _plan(ctx, state, found, verdict.is_report)
    if hint is not None and ctx.group.paused_until <= ctx.now:
        if await reachable(ctx.services, ctx.chat, ctx.pid, ctx.capabilities):
            user_id = e.user.id if e.user else ""
            plan.actions.append(
                Action(ActionKind.PRIVATE_MESSAGE, ctx.chat, user_id=user_id, text=hint.text)
            )
        elif plan.public:
            plan.public.append(hint.text)
    actions = await _finish(ctx, state, plan, found)
    if ctx.group.trial:
        return await _trial(ctx, actions, found, plan)
    return actions


async def _stateful(
    ctx: EventContext,
    state: StatefulRules,
    is_report: bool,
    kind: str | None,
    place: str | None,
    found: dict[str, Found],
) -> None:
    e = ctx.event
    lim = state.limits
    text = e.text.strip()
    if "photo" in e.media and not is_report and len(text.split()) < 3:
        found["report.photo_context"] = Found(
            "report.photo_context", text or "[foto]", t("reason_photo")
        )
    elif len(text) > lim.essay_chars:
        found["report.one_message"] = Found(
            "report.one_message", f"{len(text)} tekens", t("reason_essay")
        )
    elif (
        not is_report
        and not e.media
        and len(text) < lim.fragment_chars
        and await state.fragment_burst(ctx.chat, ctx.pid, e.event_id, ctx.now)
    ):
        found["report.one_message"] = Found(
            "report.one_message", f"{lim.burst_count} korte berichten", t("reason_burst")
        )
    if is_report:
        earlier = await state.duplicate_of(ctx.chat, e.event_id, text, kind, place, ctx.now)
        if earlier:
            found["report.duplicate"] = Found(
                "report.duplicate", place or "", t("reason_duplicate")
            )


async def _plan(
    ctx: EventContext, state: StatefulRules, found: dict[str, Found], is_report: bool
) -> Plan:
    e = ctx.event
    plan = Plan()
    user_id = e.user.id if e.user else ""
    name = e.user.name if e.user else ""
    cannot_delete = False
    for rule in ORDER:
        f = found.get(rule)
        if f is None:
            continue
        policy = set(ctx.pack.policy(rule))
        if "delete" in policy:
            # a report is never deleted (DESIGN §8.5), nor a message on an estimate
            kept = is_report or f.learned
            if kept or "delete" not in ctx.capabilities:
                policy = set(without_delete(policy))
                cannot_delete = cannot_delete or not kept
        if "delete" in policy and e.message_id and not plan.deleted:
            plan.actions.append(
                Action(
                    ActionKind.DELETE,
                    ctx.chat,
                    message_id=e.message_id,
                    user_id=user_id,
                    rule=rule,
                    reason=f.reason,
                    extra={"actor": "bot"},
                )
            )
            plan.deleted = True
            plan.done.append("delete")
        if ("delete" in policy or "remind" in policy) and await state.once_per_window(
            ctx.chat, ctx.pid, rule, ctx.now, e.event_id
        ):
            plan.public.append(ctx.pack.reply(rule))
        if "warn" in policy and user_id and ctx.group.trial:
            plan.would.append(t("would_warn"))  # proefmodus records no warning
        elif "warn" in policy and user_id:
            from bot.warnings import warn_member

            warned = await warn_member(
                ctx,
                target_user_id=user_id,
                target_name=name,
                reason=LABELS[rule],
                rule=rule,
                by="bot",
                reply_to=None if plan.deleted else e.message_id,
            )
            for a in warned:
                if a.kind is ActionKind.REPLY and a.chat == ctx.chat:
                    plan.public.append(a.text)
                else:
                    plan.actions.append(a)
                    if a.kind is ActionKind.BAN:
                        plan.done.append("ban")
            plan.done.append(f"warn:{e.event_id}:{rule}")
        if "notify" in policy or "delete" in policy:  # a deleted message is always shown to them
            plan.notify.append(f"{LABELS[rule]}: {f.reason}")
    if cannot_delete and await state.once_ever(ctx.chat, "cannot_delete", ctx.now, e.event_id):
        plan.actions.append(
            Action(
                ActionKind.NOTIFY_COORDINATORS,
                ctx.chat,
                text=t("cannot_delete"),
                extra={"actor": "bot"},
            )
        )
    return plan


async def _finish(
    ctx: EventContext, state: StatefulRules, plan: Plan, found: dict[str, Found]
) -> list[Action]:
    e = ctx.event
    actions = list(plan.actions)
    hits = [r for r in ORDER if r in found]
    if plan.public:
        if await state.reply_budget(ctx.chat, e.event_id, ctx.now):
            text = "\n".join(dict.fromkeys(plan.public))
            rule = hits[0] if hits else None
            actions.insert(
                0,
                Action(
                    ActionKind.REPLY,
                    ctx.chat,
                    text=text,
                    rule=rule,
                    reply_to=None if plan.deleted else e.message_id,
                    reason=", ".join(LABELS[r] for r in hits),
                    extra={"actor": "bot"},
                ),
            )
        else:
            await ctx.services.audit.record(
                ctx.chat,
                at=ctx.now,
                actor="bot",
                action="reply",
                target=ctx.pid,
                rule=",".join(hits),
                outcome="skipped",
                reason=t("reason_rate_limited"),
            )
    if plan.notify and not ctx.group.trial:  # in proefmodus no case is opened
        case = await Cases(ctx.services.store).open(
            ctx.chat,
            Case(
                number=0,
                event_id=e.event_id,
                rule=",".join(hits),
                target_pid=ctx.pid,
                target_user_id=e.user.id if e.user else "",
                target_name=e.user.name if e.user else "",
                done=plan.done,
                text=e.text if plan.deleted else "",
                at=ctx.now,
            ),
        )
        quoted = t("notify_deleted_text", text=e.text) if plan.deleted else ""
        body = t(
            "notify_case",
            n=case.number,
            name=case.target_name or "?",
            findings="; ".join(plan.notify),
            quoted=quoted,
        )
        actions.append(
            Action(
                ActionKind.NOTIFY_COORDINATORS,
                ctx.chat,
                text=body,
                rule=case.rule,
                extra={
                    "actor": "bot",
                    "case": str(case.number),
                    "buttons": case_buttons(ctx.chat, case.number, ("ok", "ban", "herstel")),
                },
            )
        )
    return actions


async def _trial(
    ctx: EventContext, actions: list[Action], found: dict[str, Found], plan: Plan
) -> list[Action]:
    """proefmodus: nothing happens in the group; the coordinators see what would have."""
    would = [_describe(a) for a in actions if a.kind is not ActionKind.NOTIFY_COORDINATORS]
    would += plan.would
    if plan.notify:
        would.append(t("trial_only_notify"))
    if not would:
        return []
    name = ctx.event.user.name if ctx.event.user else "?"
    text = t(
        "trial_notice",
        name=name,
        rules=", ".join(LABELS[r] for r in ORDER if r in found) or "-",
        would="; ".join(would),
    )
    return [
        Action(
            ActionKind.NOTIFY_COORDINATORS,
            ctx.chat,
            text=text,
            extra={"actor": "bot", "trial": "1"},
        )
    ]


def _describe(a: Action) -> str:
    if a.kind is ActionKind.REPLY:
        return t("would_reply", text=a.text.splitlines()[0])
    key = f"would_{a.kind.value}"
    return t(key) if key in NL else a.kind.value
