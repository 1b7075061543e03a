"""saar.police_first, the signalement hint and the other conduct rules."""

from __future__ import annotations

import pytest

from rules import Pack, classify

SAAR = "saar.police_first"


@pytest.mark.parametrize(
    "text",
    [
        "Inbraak bij de buren, 101 gebeld",
        "Net 1-0-1 gebeld: man probeert autodeuren open te trekken",
        "Verdachte man in de tuin, politie is onderweg",
        "Politie is ter plaatse, inbrekers gevlucht",
        "De politie is verwittigd: graffiti op de school",
        "Fiets gestolen, aangifte gedaan",
        "Alarm gaat af bij de bakker, politie is op de hoogte",
        "Ik heb de politie gebelt, er hangt iemand rond bij de garages",
        "Ben met 112 aan de lijn, er wordt ingebroken!",
        "Heb 101 gebeld en de politie komt eraan. Verdachte busje rijdt rondjes",
    ],
)
def test_report_with_police_called(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert v.is_report and v.police_called
    assert SAAR not in v.violations


@pytest.mark.parametrize(
    "text",
    [
        "Verdachte man loopt rond in de Kerkstraat",  # no mention at all
        "Heeft iemand al 101 gebeld? Er hangen 2 mannen rond bij de garages",  # question
        "is de politie al gebeld, er loert iemand in de tuin",  # question without '?'
        "Bel 101!! Man probeert de deuren van de auto's",  # imperative
        "ik ga zo 101 bellen, er loert iemand in de tuin",  # intention
        "Nog geen 101 gebeld maar er sluipt iemand rond met een zaklamp",  # negation
        "Politie niet gebeld, wel iemand over de schutting zien klimmen",
        "niemand heeft 101 gebeld volgens mij, er is net ingebroken",
    ],
)
def test_report_without_police_called(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert v.is_report and not v.police_called
    assert SAAR in v.violations
    finding = next(f for f in v.findings if f.rule_id == SAAR)
    assert "101" in finding.reason and finding.evidence


@pytest.mark.parametrize(
    "text",
    [
        "Ter herinnering: eerst 101 bellen, pas daarna melden in de groep.",
        "Tip van de politie: sluit altijd je ramen, ook als je even weg bent.",
        "De politie vraagt wie camerabeelden heeft van de inbraak in de Nieuwstraat.",
        "Update: de dader van de inbraak is opgepakt.",
        "Bedankt iedereen voor het melden van de diefstal!",
        "Loos alarm, het was de buurman.",
    ],
)
def test_not_a_report(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert not v.is_report
    assert SAAR not in v.violations


def test_be_and_nl_numbers_differ(be: Pack, nl: Pack) -> None:
    text = "Inbraak bij de buren, 101 gebeld"
    assert classify(text, be).police_called
    assert not classify(text, nl).police_called
    assert SAAR in classify(text, nl).violations
    for text in ("Inbraak bij de buren, 112 gebeld", "Inbraak, 0900-8844 gebeld"):
        assert classify(text, nl).police_called
    assert not classify("Inbraak, 0900 8844 gebeld", be).police_called


def test_verdict_fields_for_the_bot(be: Pack) -> None:
    v = classify("Er is ingebroken in de Kerkstraat 12, 101 gebeld", be)
    assert v.is_report and v.incident_kind == "inbraak" and v.place == "kerkstraat"
    v = classify("Verdachte witte bestelwagen rijdt rondjes in de Lindelaan", be)
    assert v.incident_kind == "verdacht_voertuig" and v.place == "lindelaan"
    v = classify("Man loert bij de ramen naar binnen", be)
    assert v.incident_kind == "verdacht_persoon" and v.place is None
    v = classify("Mijn fiets is gestolen", be)
    assert v.incident_kind == "diefstal"
    v = classify("BBQ zaterdag", be)
    assert (v.is_report, v.incident_kind, v.place) == (False, None, None)


# --- signalement --------------------------------------------------------------------


def hint_missing(text: str, pack: Pack) -> tuple[str, ...] | None:
    v = classify(text, pack)
    assert "signalement.missing" not in v.violations  # a hint, never a violation
    return v.hints[0].missing if v.hints else None


def test_complete_person_signalement_has_no_hint(be: Pack) -> None:
    text = (
        "Verdachte man loopt rond in de Kerkstraat, 101 gebeld. Man, ca 30 jaar, 1m80, slank, "
        "blank, kort bruin haar, baard, zwarte jas en jeans. Liep richting station om 22u15."
    )
    assert hint_missing(text, be) is None


def test_partial_person_signalement(be: Pack) -> None:
    text = "101 gebeld: man loert bij de ramen naar binnen in de Molenstraat, rode jas"
    missing = hint_missing(text, be)
    assert missing == ("age", "height", "build", "skin_colour", "hair", "face", "direction", "time")
    hint = classify(text, be).hints[0]
    assert hint.id == "signalement.missing"
    assert "leeftijd" in hint.text and "richting en tijdstip" in hint.text


def test_vehicle_report_asks_vehicle_slots_only(be: Pack) -> None:
    text = "Verdachte witte bestelwagen rijdt rondjes door de Lindelaan, 101 verwittigd"
    missing = hint_missing(text, be)
    assert missing == ("plate", "direction", "time")
    assert "hair" not in (missing or ())


def test_person_in_vehicle(be: Pack) -> None:
    text = (
        "101 gebeld. 2 mannen in een grijze BMW, nummerplaat 1-ABC-234, kijken bij de huizen "
        "naar binnen, rijden weg richting kerk"
    )
    missing = hint_missing(text, be) or ()
    assert "plate" not in missing and "vehicle" not in missing and "direction" not in missing
    assert "clothing" in missing and "hair" in missing


def test_no_hint_without_report(be: Pack) -> None:
    assert hint_missing("Mooie rode jas gezien in de winkel", be) is None


def test_nl_uses_kenteken(nl: Pack) -> None:
    v = classify("Verdacht busje rijdt rondjes in de wijk, 112 gebeld", nl)
    assert v.hints and "kenteken" in v.hints[0].text


# --- accusation, vigilante, off-topic, confidentiality --------------------------------


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Die van nr 7 is een dief", "conduct.accusation"),
        ("Het zijn weer die Roemenen", "conduct.accusation"),
        ("Ik weet zeker wie het gedaan heeft", "conduct.accusation"),
        ("Die van hiernaast heeft die fiets gepikt", "conduct.accusation"),
        ("Die Kevin is een junk en een dealer", "conduct.accusation"),
        ("Als ik hem zie sla ik hem in elkaar", "conduct.vigilante"),
        ("We pakken hem zelf wel", "conduct.vigilante"),
        ("Laten we gaan kijken met een knuppel", "conduct.vigilante"),
        ("Wie gaat er mee patrouilleren? We nemen stokken mee", "conduct.vigilante"),
        ("Zaterdag BBQ op het pleintje, iedereen welkom!", "conduct.off_topic"),
        ("👍", "conduct.off_topic"),
        ("Bedankt!", "conduct.off_topic"),
        ("gezien", "conduct.off_topic"),
        ("Gelukkig nieuwjaar allemaal 🎉", "conduct.off_topic"),
        ("Te koop: tuinset, af te halen", "conduct.off_topic"),
        ("Wie heeft er een ladder te leen?", "conduct.off_topic"),
        ("Onze kat is kwijt sinds gisteren", "conduct.off_topic"),
        ("Ik zet het op facebook", "conduct.confidentiality"),
        ("Deel dit aub zoveel mogelijk", "conduct.confidentiality"),
        ("Ik stuur het naar de krant", "conduct.confidentiality"),
        ("Foto staat ook op mijn TikTok", "conduct.confidentiality"),
    ],
)
def test_conduct_rules_fire(text: str, rule: str, be: Pack) -> None:
    assert rule in classify(text, be).violations


@pytest.mark.parametrize(
    "text",
    [
        "Die van nr 7 zijn op vakantie, hou hun huis in de gaten. Politie weet ervan.",
        "Mijn buurman heeft 101 gebeld, politie is ter plaatse.",
        "Speel geen eigen rechter, laat het aan de politie over.",
        "Ga hem niet zelf achterna, politie is verwittigd.",
        "Ik heb het licht aangedaan en goedenavond gezegd, hij is weg. 101 gebeld.",
        "Zet dit niet op Facebook aub.",
        "Goeiemorgen, vannacht is er ingebroken in 2 auto's in de Parklaan, aangifte gedaan.",
        "Man met rode pet probeert deuren in de Kerkstraat, 101 gebeld, bedankt voor het opletten!",
    ],
)
def test_conduct_rules_do_not_fire(text: str, be: Pack) -> None:
    assert classify(text, be).violations == ()


def test_a_real_report_is_never_off_topic(be: Pack) -> None:
    v = classify("Hallo allemaal! Net ingebroken bij de buren, 101 gebeld. Fijne avond 🙂", be)
    assert v.is_report and "conduct.off_topic" not in v.violations


def test_accusation_is_answered_instead_of_the_101_reminder(be: Pack) -> None:
    assert classify("Die van hiernaast heeft mijn fiets gepikt", be).violations == (
        "conduct.accusation",
    )


def test_violations_are_sorted_and_unique(be: Pack) -> None:
    v = classify("die van nummer 12 is een vuile crimineel en een klootzak, deel dit", be)
    assert v.violations == tuple(sorted(set(v.violations)))
    assert v.violations == ("conduct.accusation", "conduct.confidentiality", "conduct.language")


def test_media_without_text_is_not_off_topic(be: Pack) -> None:
    assert classify("", be, has_media=True).violations == ()
    assert classify("👍", be, has_media=True).violations == ()


def test_english_rules(en: Pack) -> None:
    assert classify("Burglary at number 5 last night!", en).violations == (SAAR,)
    assert classify("Burglary at number 5, police called", en).violations == ()
    assert "conduct.vigilante" in classify("If I catch him I'll beat him up", en).violations
    assert "conduct.off_topic" in classify("thanks 👍", en).violations
