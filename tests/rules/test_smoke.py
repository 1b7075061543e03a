from rules import RULE_IDS, classify, load_pack


def test_pack_has_every_rule() -> None:
    pack = load_pack("nl-BE")
    for rid in RULE_IDS:
        assert pack.reply(rid)
        assert pack.policy(rid)
    assert "101" in pack.text("rules_summary")


def test_language_fires_on_curse_and_not_on_place() -> None:
    pack = load_pack("nl-BE")
    assert classify("wat een kutweer", pack).violations == ("conduct.language",)
    assert classify("Fietsen gezien in Kuttekoven", pack).violations == ()
