"""The console adapter end to end on both stores, and the demo script grammar (DESIGN §8.7)."""

from __future__ import annotations

import pytest

from bot.events import ChatRef

CHAT = ChatRef("console", "buurt")


async def test_rules_and_help_in_dutch(group) -> None:  # type: ignore[no-untyped-def]
    out = await group.play("anna: /regels")
    assert out.startswith("#1 anna: /regels\n")
    assert "↳ bot (op #1): Gedragsregels" in out
    assert "101" in out
    out = await group.play("bert: /help")
    assert "/regels" in out and "/help" in out


async def test_group_registers_itself_on_the_first_event(group) -> None:  # type: ignore[no-untyped-def]
    await group.play("anna: goedemorgen")
    s = group.services
    assert await s.groups.exists(CHAT)
    entries = await s.audit.all(CHAT)
    assert [e.action for e in entries if e.action == "register"] == ["register"]
    await group.play("bert: goedemiddag")
    entries = await s.audit.all(CHAT)
    assert [e.action for e in entries if e.action == "register"] == ["register"]


async def test_replies_numbering_and_clock_moves(group) -> None:  # type: ignore[no-untyped-def]
    s = group.services
    start = s.clock.now()
    out = await group.play("anna: eerste", "bert@1: /help", "# +91d", "# +10m")
    assert "#1 anna: eerste" in out
    assert "#2 bert (op #1): /help" in out
    assert s.clock.now() == start + 91 * 86400 + 600


async def test_script_directives(group) -> None:  # type: ignore[no-untyped-def]
    out = await group.play(
        "# coordinator carla",
        "# trusted wijkagent",
        "# photo anna: rode wagen",
        "# join piet",
        "# leave piet",
        "# capabilities -delete",
        "# zomaar een opmerking",
    )
    assert "# carla is coördinator" in out
    assert "#1 anna: [foto] rode wagen" in out
    assert "# piet komt in de groep" in out and "# piet verlaat de groep" in out
    assert "delete" not in out.split("# kan: ")[1].splitlines()[0]
    s = group.services
    adapter = s.adapters["console"]
    assert await adapter.is_admin(CHAT, "carla")
    pid = s.store.pseudonym("console", "wijkagent")
    assert (await s.groups.role_of(CHAT, pid)).value == "trusted"


async def test_bad_script_lines_are_refused(group) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="#7"):
        await group.play("anna@7: antwoord op niets")
    with pytest.raises(ValueError, match="capability"):
        await group.play("# capabilities -vliegen")
    with pytest.raises(ValueError, match="name: text"):
        await group.play("geen dubbelpunt hier")


async def test_transcript_is_deterministic(store, settings_env) -> None:  # type: ignore[no-untyped-def]
    import io

    from bot.config import load_settings
    from bot.demo import run_demo

    script = ["# coordinator carla", "anna: hallo", "carla@1: /regels", "# +1d", "bert: /help"]
    outs = []
    for _ in range(2):
        buf = io.StringIO()
        await run_demo(load_settings(), script, out=buf)
        outs.append(buf.getvalue())
    assert outs[0] == outs[1]
    assert "#3 bert: /help" in outs[0]
