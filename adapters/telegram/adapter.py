"""The Telegram adapter: webhook/polling ingress, chat rights and admins, and actions.

PTB is used only as the API client (`telegram.Bot`) and to parse updates
(`Update.de_json`); the core does the dispatching. Where a Telegram update becomes a core
event: `mapping.py`. Where an action is carried out: `TelegramAdapter.execute`.
"""

from __future__ import annotations

import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from aiohttp import web
from redis.exceptions import RedisError
from telegram import (
    Bot,
    ChatPermissions,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.request import HTTPXRequest

from adapters.telegram.limits import Limits, RateLimiter
from adapters.telegram.mapping import (
    ALLOWED_UPDATES,
    PLATFORM,
    chat_ref,
    map_update,
    message_dates,
)
from adapters.telegram.poller import Poller
from adapters.telegram.rights import BASE, capabilities_of, is_supergroup
from bot.actions import Action, ActionKind, ActionResult
from bot.adapter import AdapterContext, AdapterError, EventSink, ingest
from bot.config import ConfigError
from bot.events import ChatRef, EventKind, InboundEvent
from bot.reach import reachability, set_reachable

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
WEBHOOK_PATH = "/webhooks/telegram"
MAX_BODY = 1024 * 1024  # Telegram updates are a few kB
CACHE_SECONDS = 600  # bot rights and admin lists
DELETE_WINDOW = 48 * 3600  # Telegram refuses to delete older messages
DATES_TTL = 3 * 86400
_SENDS = {ActionKind.REPLY, ActionKind.PRIVATE_MESSAGE, ActionKind.NOTIFY_COORDINATORS}

T = TypeVar("T")


class TelegramAdapter:
    name = PLATFORM

    def __init__(
        self,
        ctx: AdapterContext,
        *,
        limits: Limits | None = None,
        lease_ms: int = 15_000,
        poll_timeout: int = 5,
    ) -> None:
        s = ctx.settings
        if s.telegram_token is None or not s.telegram_token.get_secret_value():
            raise ConfigError("BUURTBOT_TELEGRAM_TOKEN is required for the telegram adapter")
        self.secret = (
            s.telegram_webhook_secret.get_secret_value() if s.telegram_webhook_secret else ""
        )
        if s.telegram_mode == "webhook" and not self.secret:
            raise ConfigError(
                "BUURTBOT_TELEGRAM_WEBHOOK_SECRET is required in webhook mode "
                "(or set BUURTBOT_TELEGRAM_MODE=polling)"
            )
        self.ctx = ctx
        self.store = ctx.store
        self.clock = ctx.clock
        self.mode = s.telegram_mode
        self.webhook_url = s.telegram_webhook_url
        api = s.telegram_api_url.rstrip("/")
        self.bot = Bot(
            s.telegram_token.get_secret_value(),
            base_url=f"{api}/bot",
            base_file_url=f"{api}/file/bot",
            request=HTTPXRequest(connection_pool_size=32),
            get_updates_request=HTTPXRequest(read_timeout=poll_timeout + 10.0),
        )
        self.limiter = RateLimiter(ctx.store, limits)
        self.poller = Poller(
            self.bot, ctx.store, self._accept_polled, lease_ms=lease_ms, timeout=poll_timeout
        )
        self.sink: EventSink | None = None
        self.username: str | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def routes(self) -> Sequence[web.RouteDef]:
        return [web.post(WEBHOOK_PATH, self.webhook)]

    async def start(self, sink: EventSink) -> None:
        self.sink = sink
        try:
            await self.bot.initialize()  # getMe: our id and @username (for /cmd@name)
            if self.mode == "webhook" and self.webhook_url:
                await self.bot.set_webhook(
                    self.webhook_url, secret_token=self.secret, allowed_updates=ALLOWED_UPDATES
                )
                log.info("telegram webhook registered")
        except TelegramError as exc:
            await self.bot.shutdown()
            raise _start_error(exc) from None
        self.username = self.bot.username
        if self.mode == "polling":
            self.poller.start()

    async def stop(self) -> None:
        await self.poller.stop()
        self.sink = None
        await self.bot.shutdown()

    # -- ingress ----------------------------------------------------------------------------
    async def webhook(self, request: web.Request) -> web.Response:
        got = request.headers.get(SECRET_HEADER, "")
        if not self.secret or not hmac.compare_digest(got.encode(), self.secret.encode()):
            log.warning("telegram webhook refused: wrong or missing secret token")
            return web.json_response({"error": "forbidden"}, status=403)
        if (request.content_length or 0) > MAX_BODY:
            return web.json_response({"error": "too large"}, status=413)
        body = await request.read()
        if len(body) > MAX_BODY:
            return web.json_response({"error": "too large"}, status=413)
        try:
            data = json.loads(body)
            if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
                raise ValueError("not an update")
            update = Update.de_json(data, self.bot)
        except Exception:
            return web.json_response({"error": "malformed update"}, status=400)
        if self.sink is None:
            return web.json_response({"error": "not started"}, status=503)
        try:
            events = await self.prepare(update)
        except (RedisError, OSError):
            return web.json_response({"error": "temporarily unavailable"}, status=503)
        return await ingest(self.sink, events)

    async def _accept_polled(self, update: Update) -> None:
        events = await self.prepare(update)
        if self.sink is None:
            raise RuntimeError("the telegram adapter is not started")
        for event in events:
            await self.sink.submit(event)

    async def prepare(self, update: Update) -> list[InboundEvent]:
        """Map an update to events and note what later actions need (message dates for the
        48-hour rule, the bot's rights when they change). Never calls the Bot API."""
        try:
            events = map_update(update, self.username, self.clock.now())
        except Exception as exc:  # an odd update must not make Telegram resend it forever
            log.warning("telegram update skipped: cannot map it (%s)", type(exc).__name__)
            return []
        if not events:
            log.info("telegram update of an unused kind skipped")
        for chat, message_id, date in message_dates(update):
            await self._note_date(chat, message_id, date)
        m = update.my_chat_member
        if m is not None:
            chat = chat_ref(m.chat)
            caps = capabilities_of(m.new_chat_member, chat.chat_id)
            await self._cache(chat, "tgcaps", sorted(caps))
            await self.store.redis.delete(self.store.keys.chat(chat, "tgadmins"))
            log.info("bot rights changed in %s: %s", chat.key, ",".join(sorted(caps)) or "none")
        if update.chat_member is not None:  # admins may have changed
            await self.store.redis.delete(
                self.store.keys.chat(chat_ref(update.chat_member.chat), "tgadmins")
            )
        for e in events:
            if e.kind is EventKind.MIGRATED:
                await self._forget(e.chat)
        return events

    # -- chat knowledge ---------------------------------------------------------------------
    async def capabilities(self, chat: ChatRef) -> frozenset[str]:
        if not chat.chat_id.startswith("-"):
            return BASE  # a private chat
        cached = await self._cached(chat, "tgcaps")
        if cached is not None:
            return frozenset(cached)
        assert self.bot.id is not None
        try:
            member = await self._api(
                chat, lambda: self.bot.get_chat_member(int(chat.chat_id), self.bot.id)
            )
            caps = capabilities_of(member, chat.chat_id)
        except AdapterError as exc:
            if exc.transient:
                raise
            caps = frozenset()
        await self._cache(chat, "tgcaps", sorted(caps))
        return caps

    async def admins(self, chat: ChatRef) -> Sequence[str]:
        if not chat.chat_id.startswith("-"):
            return ()
        cached = await self._cached(chat, "tgadmins")
        if cached is not None:
            return [str(x) for x in cached]
        try:
            members = await self._api(
                chat, lambda: self.bot.get_chat_administrators(int(chat.chat_id))
            )
            ids = sorted(str(m.user.id) for m in members if not m.user.is_bot)
        except AdapterError as exc:
            if exc.transient:
                raise
            ids = []
        await self._cache(chat, "tgadmins", ids)
        return ids

    async def is_admin(self, chat: ChatRef, user_id: str) -> bool:
        if user_id == chat.chat_id:  # an anonymous admin speaks as the group itself
            return True
        return user_id in await self.admins(chat)

    async def can_reach(self, user_id: str) -> bool | None:
        """Whether a private message can reach this user (None: not known yet)."""
        return await reachability(self.store, PLATFORM, user_id)

    # -- actions ----------------------------------------------------------------------------
    async def execute(self, action: Action) -> ActionResult:
        try:
            return await self._execute(action)
        except ChatMigrated as exc:
            new = ChatRef(PLATFORM, str(exc.new_chat_id))
            await self._migrated(action.chat, new)
            return await self._execute(replace(action, chat=new))

    async def _execute(self, action: Action) -> ActionResult:
        kind = action.kind
        chat = action.chat
        target = chat
        if kind is ActionKind.PRIVATE_MESSAGE:
            if not action.user_id:
                raise AdapterError("a private message needs a user")
            if await self.can_reach(action.user_id) is False:
                raise AdapterError(
                    "the user has not started the bot; a private message cannot reach them"
                )
            target = ChatRef(PLATFORM, action.user_id)
        pause_key = self._key(target, "tgpause")
        paused = await self.limiter.paused_for(pause_key)
        if paused > 0:
            raise AdapterError("Telegram asked to slow down", transient=True, retry_after=paused)
        group_budget = (
            self._key(target, "tgrl") if kind in _SENDS and target.chat_id.startswith("-") else None
        )
        still = await self.limiter.take(group_budget)
        if still > 0:
            raise AdapterError("flood limit reached", transient=True, retry_after=still)
        try:
            return await self._call(action, target)
        except RetryAfter as exc:
            seconds = _seconds(exc.retry_after)
            await self.limiter.pause(pause_key, seconds)
            log.warning("telegram flood control: %s paused %.0fs", kind.value, seconds)
            raise AdapterError(
                "Telegram asked to slow down", transient=True, retry_after=seconds
            ) from None
        except ChatMigrated:
            raise
        except BadRequest as exc:
            return await self._bad_request(action, exc)
        except Forbidden as exc:
            return await self._forbidden(action, exc)
        except InvalidToken as exc:
            raise AdapterError("the Telegram token was refused") from exc
        except NetworkError as exc:  # TimedOut included; BadRequest handled above
            raise AdapterError(f"network: {type(exc).__name__}", transient=True) from None
        except TelegramError as exc:
            raise AdapterError(f"telegram: {exc.message}") from None

    async def _call(self, action: Action, target: ChatRef) -> ActionResult:
        kind = action.kind
        chat_id = int(action.chat.chat_id)
        user_id = int(action.user_id) if action.user_id else 0
        b = self.bot
        if kind in _SENDS:
            return await self._send(action, int(target.chat_id))
        if kind is ActionKind.DELETE:
            await self._check_deletable(action)
            await b.delete_message(chat_id, int(action.message_id or 0))
        elif kind is ActionKind.BAN:
            await b.ban_chat_member(chat_id, self._user(user_id))
        elif kind is ActionKind.KICK:
            await b.ban_chat_member(chat_id, self._user(user_id))
            await b.unban_chat_member(chat_id, user_id, only_if_banned=True)
        elif kind is ActionKind.UNBAN:
            await b.unban_chat_member(chat_id, self._user(user_id), only_if_banned=True)
        elif kind is ActionKind.MUTE:
            if not is_supergroup(action.chat.chat_id):
                raise AdapterError("muting needs a supergroup; this is a basic group")
            await b.restrict_chat_member(
                chat_id,
                self._user(user_id),
                ChatPermissions.no_permissions(),
                until_date=int(action.until) if action.until else None,
            )
        elif kind is ActionKind.APPROVE_JOIN:
            await b.approve_chat_join_request(chat_id, self._user(user_id))
        elif kind is ActionKind.DECLINE_JOIN:
            await b.decline_chat_join_request(chat_id, self._user(user_id))
        elif kind is ActionKind.PIN:
            await b.pin_chat_message(
                chat_id, int(action.message_id or 0), disable_notification=True
            )
        else:  # pragma: no cover - every kind is listed above
            raise AdapterError(f"unsupported action {kind.value}")
        return ActionResult()

    @staticmethod
    def _user(user_id: int) -> int:
        if user_id <= 0:  # an anonymous admin or a channel: never act on the group itself
            raise AdapterError("this action needs a member, not the group or a channel")
        return user_id

    async def _send(self, action: Action, chat_id: int) -> ActionResult:
        reply = None
        if action.reply_to and action.kind is not ActionKind.PRIVATE_MESSAGE:
            reply = ReplyParameters(int(action.reply_to), allow_sending_without_reply=True)
        if action.extra.get("callback_id"):  # stop the button's spinner; best effort
            try:
                await self.bot.answer_callback_query(action.extra["callback_id"])
            except TelegramError:
                log.info("a callback query could not be answered (too old)")
        msg: Message = await self.bot.send_message(
            chat_id,
            action.text,
            reply_parameters=reply,
            protect_content=action.extra.get("protect") == "1" or None,
            reply_markup=_buttons(action.extra.get("buttons")),
        )
        if chat_id < 0:
            await self._note_date(chat_ref(chat_id), msg.message_id, msg.date.timestamp())
        elif action.kind is ActionKind.PRIVATE_MESSAGE and action.user_id:
            await set_reachable(self.store, PLATFORM, action.user_id, True)
        return ActionResult(message_id=str(msg.message_id))

    async def _check_deletable(self, action: Action) -> None:
        key = self.store.keys.chat(action.chat, "tgdates")
        date = await self.store.redis.zscore(key, str(action.message_id))
        if date is not None and self.clock.now() - float(date) >= DELETE_WINDOW:
            raise AdapterError(
                "the message is older than 48 hours; Telegram no longer lets bots delete it"
            )

    async def _bad_request(self, action: Action, exc: BadRequest) -> ActionResult:
        text = exc.message.lower()
        if action.kind is ActionKind.DELETE and "not found" in text:
            return ActionResult(detail="already gone")
        if "not enough rights" in text or "not an administrator" in text:
            await self._forget(action.chat)
            self._log(action, "not enough rights")
            raise AdapterError(f"the bot lacks the rights: {exc.message}") from None
        if "chat not found" in text:
            self._log(action, "chat not found")
        raise AdapterError(f"Telegram refused: {exc.message}") from None

    async def _forbidden(self, action: Action, exc: Forbidden) -> ActionResult:
        text = exc.message.lower()
        if action.kind is ActionKind.PRIVATE_MESSAGE and action.user_id:
            await set_reachable(self.store, PLATFORM, action.user_id, False)
            raise AdapterError(
                "the user has not started the bot; a private message cannot reach them"
            ) from None
        if "kicked" in text or "not a member" in text:
            await self._forget(action.chat)
            self._log(action, "bot is no longer in the chat")
            raise AdapterError("the bot was removed from this chat") from None
        self._log(action, "forbidden")
        raise AdapterError(f"Telegram refused: {exc.message}") from None

    def _log(self, action: Action, what: str) -> None:
        where = action.chat.key if action.chat.chat_id.startswith("-") else "a private chat"
        log.warning("telegram %s in %s failed: %s", action.kind.value, where, what)

    async def _migrated(self, old: ChatRef, new: ChatRef) -> None:
        """Telegram said the chat moved: queue the move of its state (DESIGN: MIGRATED)."""
        await self._forget(old)
        if self.sink is not None:
            event = InboundEvent(
                f"telegram:migrated:{old.chat_id}:{new.chat_id}",
                EventKind.MIGRATED,
                old,
                self.clock.now(),
                data={"to": new.chat_id},
            )
            await self.sink.submit(event)

    # -- small helpers ----------------------------------------------------------------------
    async def _api(self, chat: ChatRef, call: Callable[[], Awaitable[T]]) -> T:
        """A read call (rights, admins): errors become AdapterErrors."""
        try:
            return await call()
        except RetryAfter as exc:
            raise AdapterError(
                "Telegram asked to slow down", transient=True, retry_after=_seconds(exc.retry_after)
            ) from None
        except (BadRequest, Forbidden, ChatMigrated) as exc:
            raise AdapterError(f"Telegram refused: {exc.message}") from None
        except NetworkError as exc:
            raise AdapterError(f"network: {type(exc).__name__}", transient=True) from None

    def _key(self, chat: ChatRef, what: str) -> str:
        """A per-chat key; a private chat is keyed by the user's pseudonym."""
        if chat.chat_id.startswith("-"):
            return self.store.keys.chat(chat, what)
        return self.store.keys.glob(what, self.store.pseudonym(PLATFORM, chat.chat_id))

    async def _cached(self, chat: ChatRef, what: str) -> list[Any] | None:
        raw = await self.store.redis.get(self.store.keys.chat(chat, what))
        return None if raw is None else list(json.loads(raw))

    async def _cache(self, chat: ChatRef, what: str, value: list[str]) -> None:
        await self.store.redis.set(
            self.store.keys.chat(chat, what), json.dumps(value), ex=CACHE_SECONDS
        )

    async def _forget(self, chat: ChatRef) -> None:
        if chat.chat_id.startswith("-"):
            await self.store.redis.delete(
                self.store.keys.chat(chat, "tgcaps"), self.store.keys.chat(chat, "tgadmins")
            )

    async def _note_date(self, chat: ChatRef, message_id: int, date: float) -> None:
        key = self.store.keys.chat(chat, "tgdates")
        async with self.store.redis.pipeline(transaction=False) as p:
            p.zadd(key, {str(message_id): date})
            p.zremrangebyscore(key, "-inf", date - DELETE_WINDOW - 3600)
            p.expire(key, DATES_TTL)
            await p.execute()


def _buttons(raw: str | None) -> InlineKeyboardMarkup | None:
    """The core's buttons ([[label, callback data], …]) as one row of inline buttons."""
    if not raw:
        return None
    pairs = json.loads(raw)
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(str(label), callback_data=str(data)[:64]) for label, data in pairs]]
    )


def _start_error(exc: TelegramError) -> Exception:
    """What `buurtbot run` reports when Telegram refuses the start (exit 2 for settings)."""
    if isinstance(exc, InvalidToken):
        return ConfigError("BUURTBOT_TELEGRAM_TOKEN was refused by Telegram")
    if isinstance(exc, BadRequest):
        return ConfigError(f"Telegram refused the webhook: {exc.message}")
    return OSError(f"cannot reach the Telegram Bot API ({type(exc).__name__})")


def _seconds(value: Any) -> float:
    """RetryAfter.retry_after is a timedelta with PTB_TIMEDELTA=true, else an int."""
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)
