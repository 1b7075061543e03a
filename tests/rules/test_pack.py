"""Pack loading, validation, overrides and caching."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rules import (
    LOCALES,
    RULE_IDS,
    SLOTS,
    Pack,
    PackError,
    classify,
    load_pack,
    load_pack_file,
    validate_overrides,
)

PACKS = Path(__file__).resolve().parents[2] / "rules" / "packs"
BE_TEXT = (PACKS / "nl-BE.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_pack_is_complete(locale: str) -> None:
    pack = load_pack(locale)
    assert pack.locale == locale
    for rid in RULE_IDS:
        assert pack.reply(rid).strip()
        assert set(pack.policy(rid)) <= {"remind", "delete", "warn", "notify"}
        assert pack.policy(rid)
        assert isinstance(pack.enabled(rid), bool)
    assert "1." in pack.text("rules_summary") and "9." in pack.text("rules_summary")
    assert pack.text("reminder_default")
    assert "{missing}" in pack.text("signalement_hint")
    assert set(pack.slot_names) == set(SLOTS)


def test_default_policies_follow_design(be: Pack) -> None:
    assert be.policy("saar.police_first") == ("remind",)
    assert be.policy("conduct.language") == ("delete", "warn")
    assert be.policy("conduct.accusation") == ("delete", "notify")
    assert be.policy("conduct.vigilante") == ("remind", "notify")
    assert "101" in be.reply("saar.police_first")


def test_emergency_numbers(be: Pack, nl: Pack) -> None:
    assert be.emergency_numbers == ("101", "112")
    assert nl.emergency_numbers == ("112", "0900-8844")
    assert "112" in nl.reply("saar.police_first") and "101" not in nl.reply("saar.police_first")


def test_unknown_locale() -> None:
    with pytest.raises(ValueError, match="unknown locale"):
        load_pack("fr-BE")


def write(tmp_path: Path, text: str, name: str = "bad.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_file_loads(tmp_path: Path) -> None:
    pack = load_pack_file(write(tmp_path, BE_TEXT, "copy.toml"))
    assert classify("wat een kutweer", pack).violations == ("conduct.language",)


def test_unknown_rule_id_names_file_and_entry(tmp_path: Path) -> None:
    text = BE_TEXT + '\n[rules."conduct.spam"]\npolicy = ["remind"]\nreply = "x"\nreason = "y"\n'
    with pytest.raises(PackError, match=r'bad\.toml: \[rules\."conduct\.spam"\]: unknown rule id'):
        load_pack_file(write(tmp_path, text))


def test_unknown_rule_id_in_lexicons(tmp_path: Path) -> None:
    text = BE_TEXT + '\n[lexicons."conduct.nonsense"]\ncurse = ["x"]\n'
    with pytest.raises(PackError, match=r'\[lexicons\."conduct\.nonsense"\]: unknown rule id'):
        load_pack_file(write(tmp_path, text))


def test_bad_pattern_names_entry(tmp_path: Path) -> None:
    text = BE_TEXT.replace("hate_standalone = [\n", "hate_standalone = [\n  '(?:unclosed',\n", 1)
    with pytest.raises(PackError) as exc:
        load_pack_file(write(tmp_path, text))
    msg = str(exc.value)
    assert "bad.toml" in msg
    assert '[patterns."conduct.language"] hate_standalone[0]' in msg
    assert "bad pattern" in msg


def test_unknown_placeholder(tmp_path: Path) -> None:
    text = BE_TEXT.replace("hate_standalone = [\n", "hate_standalone = [\n  '{@nope}',\n", 1)
    with pytest.raises(PackError, match=r"unknown placeholder \{@nope\}"):
        load_pack_file(write(tmp_path, text))


def test_missing_reply_text(tmp_path: Path) -> None:
    text = BE_TEXT.replace(
        'reply = "Dit is al gemeld. Heb je iets nieuws gezien? Vul dan aan in één bericht. 🙏"\n',
        "",
    )
    with pytest.raises(PackError, match=r'\[rules\."report\.duplicate"\] reply: missing reply'):
        load_pack_file(write(tmp_path, text))


def test_missing_rule(tmp_path: Path) -> None:
    start = BE_TEXT.index('[rules."report.photo_context"]')
    end = BE_TEXT.index("# ----", start)
    with pytest.raises(PackError, match=r'\[rules\."report\.photo_context"\]: missing rule'):
        load_pack_file(write(tmp_path, BE_TEXT[:start] + BE_TEXT[end:]))


def test_bad_policy_and_unknown_slot(tmp_path: Path) -> None:
    text = BE_TEXT.replace('policy = ["remind"]', 'policy = ["shout"]', 1)
    with pytest.raises(PackError, match="unknown action 'shout'"):
        load_pack_file(write(tmp_path, text))
    text = BE_TEXT.replace('"slot.face" = [', '"slot.nose" = [', 1)
    with pytest.raises(PackError, match=r"slot\.nose"):
        load_pack_file(write(tmp_path, text))


def test_invalid_toml(tmp_path: Path) -> None:
    with pytest.raises(PackError, match=r"bad\.toml: invalid TOML"):
        load_pack_file(write(tmp_path, "[pack\nlocale = 1"))


def test_child_pack_extends_parent(tmp_path: Path) -> None:
    text = '[pack]\nlocale = "nl-BE"\nextends = "nl-BE"\nemergency_numbers = ["101"]\n'
    pack = load_pack_file(write(tmp_path, text, "child.toml"))
    assert pack.emergency_numbers == ("101",)
    assert pack.reply("conduct.language") == load_pack("nl-BE").reply("conduct.language")


# --- overrides ---------------------------------------------------------------------


def test_override_disables_rule_and_changes_policy(be: Pack) -> None:
    pack = load_pack(
        "nl-BE",
        {
            "rules": {
                "conduct.language": {"enabled": False},
                "saar.police_first": {"policy": ["remind", "notify"]},
            }
        },
    )
    assert not pack.enabled("conduct.language")
    assert classify("wat een kutweer", pack).violations == ()
    assert classify("wat een kutweer", be).violations == ("conduct.language",)
    assert pack.policy("saar.police_first") == ("remind", "notify")
    assert be.policy("saar.police_first") == ("remind",)


def test_override_adds_and_removes_words(be: Pack) -> None:
    pack = load_pack(
        "nl-BE",
        {
            "words": {
                "add": {"conduct.language": ["snorfkop"]},
                "remove": {"conduct.language": ["shit"]},
            }
        },
    )
    assert "conduct.language" in classify("wat een snorfkop", pack).violations
    assert "conduct.language" not in classify("wat een snorfkop", be).violations
    assert "conduct.language" not in classify("shit", pack).violations
    assert "conduct.language" in classify("shit", be).violations


def test_override_off_topic_words() -> None:
    pack = load_pack("nl-BE", {"words": {"add": {"conduct.off_topic": ["wafelenbak"]}}})
    assert classify("Zaterdag wafelenbak in het buurthuis", pack).violations == (
        "conduct.off_topic",
    )


def test_override_emergency_numbers() -> None:
    text = "Inbraak bij de buren, 057 230 500 gebeld"
    plain = load_pack("nl-BE")
    zone = load_pack("nl-BE", {"emergency_numbers": ["101", "112", "057 230 500"]})
    assert zone.emergency_numbers == ("101", "112", "057 230 500")
    assert classify(text, plain).violations == ("saar.police_first",)
    assert classify(text, zone).violations == ()


def test_cache_is_keyed_by_locale_and_overrides() -> None:
    a = load_pack(
        "nl-BE",
        {"rules": {"conduct.language": {"enabled": False}, "conduct.off_topic": {"enabled": True}}},
    )
    b = load_pack(
        "nl-BE",
        {"rules": {"conduct.off_topic": {"enabled": True}, "conduct.language": {"enabled": False}}},
    )
    assert a is b  # key order does not matter
    assert load_pack("nl-BE") is load_pack("nl-BE")
    assert load_pack("nl-BE") is not a
    assert load_pack("nl-NL") is not load_pack("nl-BE")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"colour": "red"}, "unknown override key"),
        ({"rules": {"conduct.spam": {"enabled": False}}}, "unknown rule id"),
        ({"rules": {"conduct.language": {"enabled": "no"}}}, "enabled must be true or false"),
        ({"rules": {"conduct.language": {"policy": ["ban"]}}}, "policy must be a list"),
        ({"rules": {"conduct.language": {"mute": True}}}, "unknown key"),
        ({"words": {"add": {"report.duplicate": ["x"]}}}, "has no word list"),
        ({"words": {"add": {"conduct.language": "kut"}}}, "must be a list of words"),
        ({"words": {"replace": {}}}, "unknown key"),
        ({"emergency_numbers": []}, "non-empty list of numbers"),
        ({"emergency_numbers": ["call me"]}, "non-empty list of numbers"),
    ],
)
def test_validate_overrides_rejects(overrides: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=re.escape(message)):
        validate_overrides(overrides)
    with pytest.raises(ValueError):
        load_pack("nl-BE", overrides)


def test_validate_overrides_accepts_documented_schema() -> None:
    validate_overrides(
        {
            "rules": {"conduct.off_topic": {"enabled": False, "policy": ["remind"]}},
            "words": {"add": {"conduct.language": ["x"]}, "remove": {"conduct.off_topic": ["bbq"]}},
            "emergency_numbers": ["112", "0900-8844"],
        }
    )
