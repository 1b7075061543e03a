"""A fake Telegram Bot API server (aiohttp) that the real PTB client talks to.

Routes `POST /bot<token>/<method>`; answers in the documented shapes (`{"ok": true, "result":
…}` / `{"ok": false, "error_code": …, "description": …, "parameters": {…}}`). It keeps chats,
members, admins and the bot's rights, records every call, enforces the 48-hour delete rule and
"bot can't initiate conversation" (until the user sent /start privately), injects faults, and
delivers updates through `getUpdates` (offset semantics, long poll) or by POSTing to the
registered webhook with the secret header.
"""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

BOT_ID = 999_000
FULL_RIGHTS = {
    "can_manage_chat": True,
    "can_delete_messages": True,
    "can_manage_video_chats": False,
    "can_restrict_members": True,
    "can_promote_members": False,
    "can_change_info": False,
    "can_invite_users": True,
    "can_post_stories": False,
    "can_edit_stories": False,
    "can_delete_stories": False,
    "can_pin_messages": True,
}
_TEXT_FIELDS = {"text", "caption", "url", "secret_token", "description", "callback_query_id"}
DELETE_WINDOW = 48 * 3600


class ApiError(Exception):
    def __init__(self, code: int, description: str, **parameters: Any) -> None:
        super().__init__(description)
        self.code = code
        self.description = description
        self.parameters = parameters

    def body(self) -> dict[str, Any]:
        b: dict[str, Any] = {"ok": False, "error_code": self.code, "description": self.description}
        if self.parameters:
            b["parameters"] = self.parameters
        return b


@dataclass
class FakeChat:
    id: int
    type: str
    title: str
    bot_rights: dict[str, bool] | None = None  # None: a plain member
    members: set[int] = field(default_factory=set)
    admins: set[int] = field(default_factory=set)
    banned: set[int] = field(default_factory=set)
    restricted: dict[int, dict[str, Any]] = field(default_factory=dict)
    join_requests: set[int] = field(default_factory=set)
    messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    migrated_to: int | None = None
    bot_present: bool = True

    def obj(self) -> dict[str, Any]:
        return {"id": self.id, "type": self.type, "title": self.title}


class FakeTelegram:
    def __init__(self, token: str = "123456:TEST-token", now: Callable[[], float] = time.time):
        self.token = token
        self.now = now
        self.me = {
            "id": BOT_ID,
            "is_bot": True,
            "first_name": "Buurtbot",
            "username": "buurtbot",
            "can_join_groups": True,
            "can_read_all_group_messages": True,
            "supports_inline_queries": False,
        }
        self.calls: list[tuple[str, dict[str, Any]]] = []
        self.chats: dict[int, FakeChat] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.started: set[int] = set()
        self.updates: list[dict[str, Any]] = []
        self.webhook: dict[str, Any] | None = None
        self.faults: dict[str, list[ApiError]] = {}
        self._update_id = 700_000
        self._mid = 0
        self._new_update = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    # -- server -----------------------------------------------------------------------------
    async def start(self) -> None:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append((method, params))
        fn = getattr(self, "api_" + method, None)
        try:
            if fn is None:
                raise ApiError(404, "Not Found: method not found")
            queued = self.faults.get(method)
            if queued:
                raise queued.pop(0)
            result = await fn(params) if inspect.iscoroutinefunction(fn) else fn(params)
        except ApiError as exc:
            return web.json_response(exc.body(), status=exc.code)
        return web.json_response({"ok": True, "result": result})

    # -- scenario helpers -------------------------------------------------------------------
    def fail(self, method: str, code: int, description: str, **parameters: Any) -> None:
        """The next call of `method` fails with this documented error body."""
        self.faults.setdefault(method, []).append(ApiError(code, description, **parameters))

    def add_chat(
        self,
        chat_id: int,
        *,
        title: str = "Buurtpreventie Oost",
        rights: dict[str, bool] | None = None,
    ) -> FakeChat:
        kind = "supergroup" if str(chat_id).startswith("-100") else "group"
        chat = FakeChat(chat_id, kind, title, bot_rights=rights)
        self.chats[chat_id] = chat
        return chat

    def add_user(
        self, chat_id: int, user_id: int, name: str, *, admin: bool = False
    ) -> dict[str, Any]:
        user = {"id": user_id, "is_bot": False, "first_name": name, "username": name.lower()}
        self.users[user_id] = user
        chat = self.chats[chat_id]
        chat.members.add(user_id)
        if admin:
            chat.admins.add(user_id)
        return user

    def next_update(self, **payload: Any) -> dict[str, Any]:
        self._update_id += 1
        return {"update_id": self._update_id, **payload}

    def message(
        self,
        chat_id: int,
        user_id: int,
        text: str = "",
        *,
        reply_to: int | None = None,
        photo: bool = False,
        **extra: Any,
    ) -> dict[str, Any]:
        """A user posts in a chat: stored (with its date) and returned as an update."""
        chat = self.chats[chat_id]
        self._mid += 1
        msg: dict[str, Any] = {
            "message_id": self._mid,
            "date": int(self.now()),
            "chat": chat.obj(),
            "from": self.users[user_id],
            **extra,
        }
        if photo:
            msg["photo"] = [
                {
                    "file_id": f"p{self._mid}",
                    "file_unique_id": f"u{self._mid}",
                    "width": 90,
                    "height": 90,
                }
            ]
            if text:
                msg["caption"] = text
        elif text:
            msg["text"] = text
            if text.startswith("/"):
                length = len(text.split()[0])
                msg["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        if reply_to is not None:
            msg["reply_to_message"] = dict(chat.messages[reply_to]["obj"])
        chat.messages[self._mid] = {"date": msg["date"], "obj": msg}
        return self.next_update(message=msg)

    def press(self, user_id: int, sent: dict[str, Any], data: str) -> dict[str, Any]:
        """The user presses an inline button under a message the bot sent (`sent` is the
        recorded sendMessage call): a callback_query update."""
        chat_id = int(sent["chat_id"])
        chat = (
            self.chats[chat_id].obj()
            if chat_id in self.chats
            else {"id": chat_id, "type": "private", "first_name": self.users[chat_id]["first_name"]}
        )
        self._mid += 1
        message = {
            "message_id": self._mid,
            "date": int(self.now()),
            "chat": chat,
            "text": sent["text"],
        }
        query = {
            "id": f"cb{self._mid}",
            "from": self.users[user_id],
            "chat_instance": f"ci{chat_id}",
            "message": message,
            "data": data,
        }
        return self.next_update(callback_query=query)

    def private_start(self, user_id: int) -> dict[str, Any]:
        """The user opens the bot privately and presses Start."""
        self.started.add(user_id)
        user = self.users[user_id]
        self._mid += 1
        msg = {
            "message_id": self._mid,
            "date": int(self.now()),
            "chat": {"id": user_id, "type": "private", "first_name": user["first_name"]},
            "from": user,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        }
        return self.next_update(message=msg)

    def join_request(self, chat_id: int, user: dict[str, Any]) -> dict[str, Any]:
        self.users[user["id"]] = user
        self.chats[chat_id].join_requests.add(user["id"])
        req = {
            "chat": self.chats[chat_id].obj(),
            "from": user,
            "user_chat_id": user["id"],
            "date": int(self.now()),
        }
        return self.next_update(chat_join_request=req)

    def migrate(self, chat_id: int, new_id: int) -> dict[str, Any]:
        """The group becomes a supergroup: same people, new id; the old id answers 400."""
        old = self.chats[chat_id]
        new = FakeChat(
            new_id,
            "supergroup",
            old.title,
            bot_rights=old.bot_rights,
            members=set(old.members),
            admins=set(old.admins),
        )
        self.chats[new_id] = new
        old.migrated_to = new_id
        self._mid += 1
        msg = {
            "message_id": self._mid,
            "date": int(self.now()),
            "chat": old.obj(),
            "from": next(iter(self.users.values())),
            "migrate_to_chat_id": new_id,
        }
        return self.next_update(message=msg)

    def queue(self, update: dict[str, Any]) -> None:
        """Make an update available to getUpdates."""
        self.updates.append(update)
        self._new_update.set()

    async def deliver(self, update: dict[str, Any], *, secret: str | None = None) -> int:
        """POST an update to the registered webhook, as Telegram does; returns the status."""
        assert self.webhook is not None, "no webhook registered"
        header = self.webhook.get("secret_token") if secret is None else secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": header} if header else {}
        async with (
            aiohttp.ClientSession() as s,
            s.post(self.webhook["url"], json=update, headers=headers) as resp,
        ):
            return resp.status

    def calls_to(self, method: str) -> list[dict[str, Any]]:
        return [p for m, p in self.calls if m == method]

    # -- the API ----------------------------------------------------------------------------
    def api_getMe(self, p: dict[str, Any]) -> Any:
        return self.me

    def api_setWebhook(self, p: dict[str, Any]) -> Any:
        self.webhook = {
            "url": p["url"],
            "secret_token": p.get("secret_token"),
            "allowed_updates": p.get("allowed_updates"),
        }
        return True

    def api_deleteWebhook(self, p: dict[str, Any]) -> Any:
        self.webhook = None
        return True

    async def api_getUpdates(self, p: dict[str, Any]) -> Any:
        if self.webhook is not None:
            raise ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = int(p.get("offset") or 0)
        self.updates = [u for u in self.updates if u["update_id"] >= offset]
        timeout = float(p.get("timeout") or 0)
        if not self.updates and timeout > 0:
            self._new_update.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._new_update.wait(), timeout)
        return self.updates[: int(p.get("limit") or 100)]

    def _chat(self, p: dict[str, Any]) -> FakeChat:
        chat_id = int(p["chat_id"])
        chat = self.chats.get(chat_id)
        if chat is None:
            raise ApiError(400, "Bad Request: chat not found")
        if chat.migrated_to is not None:
            raise ApiError(
                400,
                "Bad Request: group chat was upgraded to a supergroup chat",
                migrate_to_chat_id=chat.migrated_to,
            )
        if not chat.bot_present:
            raise ApiError(403, "Forbidden: bot was kicked from the group chat")
        return chat

    def _need(self, chat: FakeChat, right: str, description: str) -> None:
        if not (chat.bot_rights or {}).get(right):
            raise ApiError(400, description)

    def api_sendMessage(self, p: dict[str, Any]) -> Any:
        chat_id = int(p["chat_id"])
        if chat_id > 0:
            if chat_id not in self.started:
                raise ApiError(403, "Forbidden: bot can't initiate conversation with a user")
            chat_obj = {"id": chat_id, "type": "private", "first_name": "x"}
        else:
            chat = self._chat(p)
            chat_obj = chat.obj()
            rp = p.get("reply_parameters")
            missing = rp and int(rp["message_id"]) not in chat.messages
            if missing and not rp.get("allow_sending_without_reply"):
                raise ApiError(400, "Bad Request: message to be replied not found")
        self._mid += 1
        msg = {
            "message_id": self._mid,
            "date": int(self.now()),
            "chat": chat_obj,
            "from": self.me,
            "text": str(p["text"]),
        }
        if chat_id < 0:
            self.chats[chat_id].messages[self._mid] = {"date": msg["date"], "obj": msg}
        return msg

    def api_deleteMessage(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        mid = int(p["message_id"])
        stored = chat.messages.get(mid)
        if stored is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        own = stored["obj"]["from"]["id"] == BOT_ID
        if not own:
            self._need(chat, "can_delete_messages", "Bad Request: message can't be deleted")
        if self.now() - stored["date"] >= DELETE_WINDOW:
            raise ApiError(400, "Bad Request: message can't be deleted for everyone")
        del chat.messages[mid]
        return True

    def _restricting(self, p: dict[str, Any]) -> FakeChat:
        chat = self._chat(p)
        self._need(
            chat,
            "can_restrict_members",
            "Bad Request: not enough rights to restrict/unrestrict chat member",
        )
        return chat

    def api_banChatMember(self, p: dict[str, Any]) -> Any:
        chat = self._restricting(p)
        uid = int(p["user_id"])
        chat.members.discard(uid)
        chat.banned.add(uid)
        return True

    def api_unbanChatMember(self, p: dict[str, Any]) -> Any:
        chat = self._restricting(p)
        uid = int(p["user_id"])
        if uid in chat.banned:
            chat.banned.discard(uid)
        elif not p.get("only_if_banned"):
            chat.members.discard(uid)  # the documented surprise: unban removes a member
        return True

    def api_restrictChatMember(self, p: dict[str, Any]) -> Any:
        if self._chat(p).type != "supergroup":
            raise ApiError(400, "Bad Request: method is available only for supergroups")
        chat = self._restricting(p)
        chat.restricted[int(p["user_id"])] = {
            "permissions": p.get("permissions"),
            "until_date": p.get("until_date"),
        }
        return True

    def _join(self, p: dict[str, Any], approve: bool) -> Any:
        chat = self._chat(p)
        self._need(chat, "can_invite_users", "Bad Request: not enough rights")
        uid = int(p["user_id"])
        if uid not in chat.join_requests:
            raise ApiError(400, "Bad Request: HIDE_REQUESTER_MISSING")
        chat.join_requests.discard(uid)
        if approve:
            chat.members.add(uid)
        return True

    def api_approveChatJoinRequest(self, p: dict[str, Any]) -> Any:
        return self._join(p, True)

    def api_declineChatJoinRequest(self, p: dict[str, Any]) -> Any:
        return self._join(p, False)

    def api_pinChatMessage(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        self._need(chat, "can_pin_messages", "Bad Request: not enough rights to pin a message")
        return True

    def _member(self, chat: FakeChat, uid: int) -> dict[str, Any]:
        if uid == BOT_ID:
            if chat.bot_rights is None:
                return {"status": "member", "user": self.me}
            rights = {**{k: False for k in FULL_RIGHTS}, **chat.bot_rights}
            return {
                "status": "administrator",
                "user": self.me,
                "can_be_edited": False,
                "is_anonymous": False,
                **rights,
            }
        user = self.users[uid]
        if uid in chat.banned:
            return {"status": "kicked", "user": user, "until_date": 0}
        if uid in chat.admins:
            return {
                "status": "administrator",
                "user": user,
                "can_be_edited": False,
                "is_anonymous": False,
                **FULL_RIGHTS,
            }
        if uid in chat.members:
            return {"status": "member", "user": user}
        return {"status": "left", "user": user}

    def api_getChatMember(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        return self._member(chat, int(p["user_id"]))

    def api_getChatAdministrators(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        admins = [self._member(chat, uid) for uid in sorted(chat.admins)]
        if chat.bot_rights is not None:
            admins.append(self._member(chat, BOT_ID))
        return admins

    def api_getChat(self, p: dict[str, Any]) -> Any:
        chat = self._chat(p)
        return {**chat.obj(), "accent_color_id": 0, "max_reaction_count": 11}

    def api_answerCallbackQuery(self, p: dict[str, Any]) -> Any:
        return True


async def _params(request: web.Request) -> dict[str, Any]:
    """PTB posts form fields, JSON-encoding every non-string value."""
    if request.content_type == "application/json":
        data: dict[str, Any] = await request.json()
        return data
    form = await request.post()
    out: dict[str, Any] = {}
    for k, v in form.items():
        if not isinstance(v, str) or k in _TEXT_FIELDS:
            out[k] = v
            continue
        try:
            out[k] = json.loads(v)
        except ValueError:
            out[k] = v
    return out
