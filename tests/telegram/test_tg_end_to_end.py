"""buurtbot in a Telegram group, end to end: webhook -> pipeline -> core -> sender -> fake
Bot API, with the audit. Moderation of messages and /warn, /remove come from the planner
(issue 7)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import ANNA, CARLA, GROUP, PIET, Deployment
from fakes.telegram_api import FakeTelegram

from bot import commands
from bot.actions import Action
from bot.context import EventContext
from bot.events import ChatRef
from bot.texts import t

CHAT = ChatRef("telegram", str(GROUP))


@pytest.fixture
def coordinators_only_command() -> Iterator[str]:
    """A coordinators-only command registered for one test (the real ones come with issue 7)."""
    name = "tgtestcmd"

    async def handler(ctx: EventContext) -> list[Action]:
        return [ctx.reply("gedaan")]

    commands._load()
    commands.command(name, coordinators_only=True, summary="test")(handler)
    try:
        yield name
    finally:
        cmd = commands.REGISTRY.pop(name)
        commands.ORDER.remove(cmd)


async def test_coordinator_only_commands_follow_telegram_admin_rights(
    tg: Deployment, fake: FakeTelegram, coordinators_only_command: str
) -> None:
    refused = fake.message(GROUP, ANNA, f"/{coordinators_only_command}@buurtbot")
    allowed = fake.message(GROUP, CARLA, f"/{coordinators_only_command}")
    assert await tg.post(refused) == 200
    assert await tg.post(allowed) == 200
    texts = {p["reply_parameters"]["message_id"]: p["text"] for p in fake.calls_to("sendMessage")}
    assert texts == {
        refused["message"]["message_id"]: t("not_allowed"),
        allowed["message"]["message_id"]: "gedaan",
    }
    entries = await tg.runtime.services.audit.all(CHAT)
    refusals = [e for e in entries if e.outcome == "refused"]
    assert [e.actor for e in refusals] == [tg.runtime.store.pseudonym("telegram", str(ANNA))]
    assert len(fake.calls_to("getChatAdministrators")) == 1  # cached for the second command


async def test_an_anonymous_admin_is_a_coordinator(
    tg: Deployment, fake: FakeTelegram, coordinators_only_command: str
) -> None:
    update = fake.message(GROUP, CARLA, f"/{coordinators_only_command}")
    update["message"]["sender_chat"] = fake.chats[GROUP].obj()
    update["message"]["from"] = {"id": 1087968824, "is_bot": True, "first_name": "Group"}
    assert await tg.post(update) == 200
    assert [p["text"] for p in fake.calls_to("sendMessage")] == ["gedaan"]


async def test_a_group_first_seen_through_a_message_works_at_once(
    tg: Deployment, fake: FakeTelegram
) -> None:
    assert await tg.post(fake.message(GROUP, ANNA, "/regels")) == 200
    assert await tg.runtime.services.groups.exists(CHAT)
    (sent,) = fake.calls_to("sendMessage")
    assert sent["chat_id"] == GROUP and sent["text"]
    assert fake.calls_to("getChatMember")  # its rights were looked up on demand


async def test_an_insult_is_deleted_warned_and_audited(tg: Deployment, fake: FakeTelegram) -> None:
    update = fake.message(GROUP, ANNA, "Die buurman is een vuile klootzak")
    mid = update["message"]["message_id"]
    assert await tg.post(update) == 200
    assert [p["message_id"] for p in fake.calls_to("deleteMessage")] == [mid]
    assert fake.calls_to("sendMessage")  # the warning
    entries = await tg.runtime.services.audit.all(CHAT)
    assert any(e.action == "delete" and e.rule == "conduct.language" for e in entries)
    assert any("warn" in e.action for e in entries)


async def test_a_report_without_101_gets_a_threaded_reminder(
    tg: Deployment, fake: FakeTelegram
) -> None:
    update = fake.message(
        GROUP, ANNA, "Verdachte man met zwarte jas aan de Kerkstraat, loopt richting station"
    )
    assert await tg.post(update) == 200
    (sent,) = fake.calls_to("sendMessage")
    assert sent["reply_parameters"]["message_id"] == update["message"]["message_id"]
    assert "101" in sent["text"]
    assert fake.calls_to("deleteMessage") == []  # a report is never deleted


async def test_warn_by_reply_from_an_admin_works_and_from_a_member_is_refused(
    tg: Deployment, fake: FakeTelegram
) -> None:
    spam = fake.message(GROUP, PIET, "Goedkope horloges, stuur me een bericht")
    mid = spam["message"]["message_id"]
    assert await tg.post(spam) == 200
    assert await tg.post(fake.message(GROUP, ANNA, "/warn spam", reply_to=mid)) == 200
    assert await tg.post(fake.message(GROUP, CARLA, "/warn spam", reply_to=mid)) == 200
    entries = await tg.runtime.services.audit.all(CHAT)
    piet = tg.runtime.store.pseudonym("telegram", str(PIET))
    warns = [e for e in entries if e.action.endswith("warn") and e.outcome != "refused"]
    assert [e.target for e in warns] == [piet]
    assert any(e.outcome == "refused" for e in entries)


async def test_remove_bans_the_author_of_the_replied_message(
    tg: Deployment, fake: FakeTelegram
) -> None:
    spam = fake.message(GROUP, PIET, "Goedkope horloges, stuur me een bericht")
    assert await tg.post(spam) == 200
    command = fake.message(GROUP, CARLA, "/remove spam", reply_to=spam["message"]["message_id"])
    assert await tg.post(command) == 200
    assert PIET in fake.chats[GROUP].banned
    assert any(e.action == "ban" for e in await tg.runtime.services.audit.all(CHAT))


async def test_a_notification_button_acts_on_the_case(tg: Deployment, fake: FakeTelegram) -> None:
    assert await tg.post(fake.private_start(CARLA)) == 200  # the coordinator opened the bot
    accusation = fake.message(GROUP, ANNA, "Die van nummer 7 is een dief, dat weet iedereen")
    assert await tg.post(accusation) == 200
    [note] = [
        p for p in fake.calls_to("sendMessage") if p["chat_id"] == CARLA and "Zaak 1" in p["text"]
    ]
    buttons = note["reply_markup"]["inline_keyboard"][0]
    assert [b["callback_data"] for b in buttons] == [
        f"case ok 1 telegram:{GROUP}",
        f"case ban 1 telegram:{GROUP}",
        f"case herstel 1 telegram:{GROUP}",
    ]
    # a member who somehow presses it is refused and nothing happens
    assert await tg.post(fake.press(PIET, note, buttons[1]["callback_data"])) == 200
    assert ANNA not in fake.chats[GROUP].banned
    assert await tg.post(fake.press(CARLA, note, buttons[1]["callback_data"])) == 200
    assert ANNA in fake.chats[GROUP].banned
    answers = [p for p in fake.calls_to("sendMessage") if p["chat_id"] == CARLA]
    assert "Zaak 1" in answers[-1]["text"] and "verwijderd" in answers[-1]["text"]
    assert fake.calls_to("answerCallbackQuery")
    entries = await tg.runtime.services.audit.all(CHAT)
    assert any(e.action == "ban" and e.case == "1" for e in entries)


async def test_a_join_request_is_handled(tg: Deployment, fake: FakeTelegram) -> None:
    assert await tg.post(fake.private_start(CARLA)) == 200
    jan = {"id": 5555555, "is_bot": False, "first_name": "Jan"}
    assert await tg.post(fake.join_request(GROUP, jan)) == 200
    [note] = [
        p for p in fake.calls_to("sendMessage") if p["chat_id"] == CARLA and "Zaak 1" in p["text"]
    ]
    assert "Jan vraagt om lid te worden" in note["text"]
    welcome = [p for p in fake.calls_to("sendMessage") if p["chat_id"] == 5555555]
    assert welcome and "aanvraag" in welcome[0]["text"]
    approve = note["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    assert approve == f"case toelaten 1 telegram:{GROUP}"
    assert await tg.post(fake.press(CARLA, note, approve)) == 200
    assert [p["user_id"] for p in fake.calls_to("approveChatJoinRequest")] == [5555555]
    assert 5555555 in fake.chats[GROUP].members
