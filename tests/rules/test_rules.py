"""saar.police_first, the signalement hint and the other conduct rules."""

from __future__ import annotations

from typing import Any

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


# --- cases from the blind evaluation set (generalisation, nl-NL and en) -------------------

CALLED_BE_NL = [
    "Alarm gaat af in de Hazelaarstraat, 'k heb al gebeld",  # implicit: the police
    "Net de wijkagent gesproken, die weet ervan. Er is vannacht ingebroken bij 3 schuren",
    "Buurman Luc heeft camerabeelden van de inbraak, hij heeft ze aan de politie bezorgd",
    "Koperen dakgoten gestolen van de kerk, de politie is al langs geweest",
]


@pytest.mark.parametrize("text", CALLED_BE_NL)
@pytest.mark.parametrize("locale", ["be", "nl"])
def test_police_called_without_a_number(text: str, locale: str, request: Any) -> None:
    v = classify(text, request.getfixturevalue(locale))
    assert v.is_report and v.police_called and SAAR not in v.violations


@pytest.mark.parametrize(
    "text",
    [
        "Politie niet gebeld want die komen toch niet, maar bij ons is de tuinberging opengebroken",
        "Moet ik de politie bellen? Er staat iemand al 10 minuten naar ons huis te kijken",
        "Er zit iemand op het dak van de school!? om 01u30",
        "Alarm van de apotheek op het dorpsplein gaat al een tijdje af, niemand te zien",
        "Opgelet: 2 mannen aan de deur die zeggen dat ze van de waterleiding zijn. Niet opendoen!",
        "Er brandt een vuilbak en een auto aan den overkant, volgens mij aangestoken",
        "Hebben jullie de politie al gebeld? Er ligt een ingeslagen ruit bij de bakker",
        "Bel iemand de politie aub, er vechten 2 mannen aan het station",
        "Waar blijft de politie nu? Alarm gaat al tien minuten af bij nummer 8",
        "De politie is er nooit als ge ze nodig hebt, weer een fiets gestolen",
    ],
)
def test_reports_in_other_words(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert v.is_report and not v.police_called
    assert v.violations == (SAAR,)


def test_geen_spoed_wel_politie_is_not_a_negation(nl: Pack) -> None:
    text = "Babbeltruc! Twee vrouwen bellen aan, een derde loopt achterom. Geen spoed wel politie gebeld."
    assert classify(text, nl).police_called
    assert not classify("Babbeltruc aan de deur, geen politie gebeld", nl).police_called


def test_same_report_judged_by_be_and_nl_numbers(be: Pack, nl: Pack) -> None:
    """101 is the Belgian police number; in the Netherlands it is no police number at all,
    and 0900-8844 only counts there."""
    be_msg = "Ingebroken in de garage van nr 7, ik heb de 101 gebeld"
    assert classify(be_msg, be).violations == ()
    assert classify(be_msg, nl).violations == (SAAR,)
    nl_msg = "Verdachte man bij de schuurtjes, 0900-8844 gebeld"
    assert classify(nl_msg, nl).violations == ()
    assert classify(nl_msg, be).violations == (SAAR,)
    both = "Verdachte man bij de schuurtjes, 1-1-2 gebeld"
    assert classify(both, be).violations == classify(both, nl).violations == ()


@pytest.mark.parametrize(
    ("text", "locale", "rule"),
    [
        (
            "Het is zeker weer die van nummer 14, die loopt altijd te loeren",
            "be",
            "conduct.accusation",
        ),
        (
            "Dat was Kevin D. van de Populierenlaan, die heeft al eerder gestolen",
            "be",
            "conduct.accusation",
        ),
        (
            "Die jongeren van het jeugdhuis hebben de schommels kapot gemaakt, wie anders",
            "be",
            "conduct.accusation",
        ),
        ("Die van den overkant (nr 33) zit daar zeker achter", "be", "conduct.accusation"),
        ("Pas op voor Marco met zijn grijze Golf, dat is een dealer", "be", "conduct.accusation"),
        (
            "Ik weet zeker dat Ricardo uit de Esdoornstraat hierachter zit",
            "nl",
            "conduct.accusation",
        ),
        (
            "Die hangjongeren bij de Albert Heijn jatten alles, dat weet iedereen",
            "nl",
            "conduct.accusation",
        ),
        (
            "It's that lad from number 23 again, he's always nicking bikes",
            "en",
            "conduct.accusation",
        ),
        ("I bet it was Tom from the flats, he's done it before", "en", "conduct.accusation"),
        ("Those kids from the estate did this, everyone knows it", "en", "conduct.accusation"),
        (
            "Wie doet er mee om hem vanavond op te wachten aan de garages? Met 5 man pakken we hem wel",
            "be",
            "conduct.vigilante",
        ),
        (
            "Ik ben hem achterna gereden en heb hem klemgezet aan de rotonde",
            "be",
            "conduct.vigilante",
        ),
        ("Wie rijdt er vannacht mee om die gasten klem te zetten?", "nl", "conduct.vigilante"),
        (
            "Who's up for waiting for him tonight behind the garages? We'll sort him out ourselves",
            "en",
            "conduct.vigilante",
        ),
        ("If I catch him on my property he'll get a beating", "en", "conduct.vigilante"),
        ("Let's all go down there tonight and give them a scare", "en", "conduct.vigilante"),
        ("Stem zondag allemaal op lijst 3!", "be", "conduct.off_topic"),
        (
            "Mijn schoonzoon is loodgieter, als er iemand iets nodig heeft: 0470 12 34 56",
            "be",
            "conduct.off_topic",
        ),
        ("Dikke merci aan de buren voor het snelle ingrijpen gisteren", "be", "conduct.off_topic"),
        ("Zalig pasen iedereen 🐣", "be", "conduct.off_topic"),
        (
            "Ons Minoes is al 3 dagen niet thuisgekomen, grijze kater met wit bef",
            "be",
            "conduct.off_topic",
        ),
        (
            "Oliebollenactie van de voetbalclub zaterdag, bestellen kan bij mij!",
            "nl",
            "conduct.off_topic",
        ),
        ("Does anyone have a ladder I could borrow this weekend?", "en", "conduct.off_topic"),
        ("Happy birthday Sarah! 🎂", "en", "conduct.off_topic"),
        (
            "Ik heb het screenshot doorgestuurd naar mijn Whatsappgroep van het werk",
            "be",
            "conduct.confidentiality",
        ),
        (
            "Dit moet in de Gelderlander, ik heb de redactie gemaild",
            "nl",
            "conduct.confidentiality",
        ),
        (
            "Sent the photos to the local paper, they should run a story",
            "en",
            "conduct.confidentiality",
        ),
    ],
)
def test_conduct_rules_in_other_words(text: str, locale: str, rule: str, request: Any) -> None:
    # One answer per message: a call to act oneself is not also off-topic ("wie doet er mee").
    assert classify(text, request.getfixturevalue(locale)).violations == (rule,)


@pytest.mark.parametrize(
    "text",
    [
        "Jan van nr 5 heeft de dader zien weglopen en heeft 101 gebeld",
        "Bij nr 14 is ingebroken vannacht, de bewoners zijn op reis. Politie ter plaatse.",
        "Het was Jan, hij heeft de aangifte gedaan bij de politie",
    ],
)
def test_naming_a_victim_or_witness_is_no_accusation(text: str, be: Pack) -> None:
    assert "conduct.accusation" not in classify(text, be).violations


def test_english_negations_with_apostrophes(en: Pack) -> None:
    v = classify("Haven't called the police yet but there's someone with a torch in the garden", en)
    assert v.is_report and not v.police_called and v.violations == (SAAR,)
    assert classify("Please don't confront anyone yourself", en).violations == ()
    assert classify("Please don't share anything from this group on Facebook", en).violations == ()
    v = classify("I'm going to call the police, a car has been idling outside for an hour", en)
    assert v.is_report and not v.police_called


def test_thanks_with_an_update_is_not_off_topic(be: Pack) -> None:
    text = "Bedankt iedereen voor het melden! Update: de dader is opgepakt door de politie."
    assert classify(text, be).violations == ()


def test_signalement_someone_asking_is_no_person(be: Pack) -> None:
    v = classify(
        "Opgelet! Verdachte camionette wit, rijdt rond in de Kapelstraat. Iemand nen idee?", be
    )
    assert v.hints and set(v.hints[0].missing) == {"plate", "direction", "time"}


def test_signalement_car_doors_are_no_vehicle(en: Pack) -> None:
    v = classify("Suspicious guy in a grey hoodie checking car doors on Oak Street", en)
    assert v.hints and "plate" not in v.hints[0].missing and "vehicle" not in v.hints[0].missing


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("Loslopende koeien op de Beekstraat, voorzichtig rijden!", "be"),
        ("De geiten van de kinderboerderij zijn ontsnapt", "be"),
        ("Onze kat is terecht, bedankt om uit te kijken 🐱", "be"),
        ("Wie kan zaterdag helpen om kleding naar het opvangcentrum te brengen?", "be"),
        ("De Chinese traiteur op de hoek is terug open na de verbouwing", "be"),
        ("Wegomlegging volgende week door rioleringswerken in de Stationsstraat", "be"),
        ("Onze hond heeft vlooien opgelopen in het park, opletten met jullie honden", "be"),
        ("Zoek nog een oppas voor vrijdagavond", "nl"),
        ("Our cat is back home, thanks all", "en"),
        ("Loose cows on the road near the farm, drive carefully", "en"),
        ("Roadworks on Station Road next week, expect a diversion", "en"),
        ("Looking for a babysitter for Friday night", "en"),
    ],
)
def test_neighbourhood_news_that_is_no_report_is_off_topic(
    text: str, locale: str, request: Any
) -> None:
    pack = request.getfixturevalue(locale)
    assert classify(text, pack).violations == ("conduct.off_topic",)


@pytest.mark.parametrize(
    "text",
    [
        "Verdachte man probeert de deur van de kinderboerderij te forceren, 101 gebeld",
        "Ons hondje sloeg aan, er liep iemand door de tuin. Politie is verwittigd",
        "Twee jongens probeerden autodeuren open te trekken bij de wegenwerken, 101 gebeld",
    ],
)
def test_a_report_with_news_words_is_not_off_topic(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert v.is_report and v.police_called
    assert "conduct.off_topic" not in v.violations


def test_off_topic_is_not_added_to_another_finding(be: Pack) -> None:
    # Chit-chat with a curse is answered for the curse only (one answer per message).
    v = classify("Godverdomme, alweer hondenpoep voor mijn deur", be)
    assert v.violations == ("conduct.language",)
    assert classify("Alweer hondenpoep voor mijn deur", be).violations == ("conduct.off_topic",)


@pytest.mark.parametrize(
    "text",
    [
        "I can't stand those immigrants, they should all leave",
        "I'll beat you up",
        "You're a moron",
        "Muslims don't belong here",
    ],
)
def test_english_language_with_apostrophes(text: str, en: Pack) -> None:
    assert classify(text, en).violations == ("conduct.language",)


def test_jullie_before_an_animal_is_possessive_not_an_insult(be: Pack) -> None:
    v = classify("Gif gevonden in het park, opletten met jullie honden", be)
    assert "conduct.language" not in v.violations
    assert classify("Jij hond!", be).violations == ("conduct.language",)


# --- blind set 3: wordings the packs missed (each case failed before the fix) ---------
@pytest.mark.parametrize(
    "text",
    [
        "Er wandelt al een half uur ne vent rond met nen zaklamp tussen de garages",
        "Twee mannen die zich voordeden als technici van de waterleiding wilden binnen",
        "Iemand staat al een tijd foto's te trekken van de huizen in onze straat",
        "Vannacht is er iemand over ons tuinhek geklommen",
        "Er is een bushokje opgeblazen met vuurwerk",
        "Iemand heeft geprobeerd de garagepoort open te krijgen",
        "Mijn fietsslot is losgeknipt aan het station",
        "Een jongen griste een gsm van het terras en fietste weg",
        "Ze zijn aan het slopen aan de bushalte",
        "Een vrouw vroeg aan de deur of we binnenkort op reis gaan",
        "Bij de overburen gaat het autoalarm al een kwartier af",
        "Twee luide knallen bij de sporthal",
        "Er zit al uren iemand in nen grijze Audi voor de school",
        "Nen drone vliegt al een tijd over de tuinen",
        "Er is 's nachts iemand die aan onze klinken voelt",
        "Er staat een ladder tegen de achtergevel van nummer 3, ze zijn niet thuis",
        "De zijspiegels van drie wagens zijn afgetrokken",
        "Iemand heeft het raampje van mijn auto ingetikt",
        "Een man stond aan de deur en zei dat hij de watermeter kwam aflezen",
        "Verhuiswagen met open deuren bij nummer 8 terwijl de bewoners op reis zijn",
        "Signalement: vrouw, lang blond haar, rode jas",
    ],
)
def test_blind3_reports_without_police_get_the_reminder(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert v.is_report, text
    assert SAAR in v.violations, text


@pytest.mark.parametrize(
    "text",
    [
        "Bij iets verdachts: eerst 101 bellen, dan pas in de groep zetten",
        "Vermeld altijd dat je gebeld hebt wanneer je een inbraak meldt",
        "De lokale politie heeft een oproep gelanceerd over de inbraken in de wijk",
        "Sorry, mijn inbraakalarm ging per ongeluk af",
        "Mijn fiets is gestolen, pv is opgemaakt",
        "Er is ingebroken in ons tuinhuis, klacht is neergelegd",
    ],
)
def test_blind3_reminders_appeals_and_reported_incidents_get_no_reminder(
    text: str, be: Pack
) -> None:
    assert SAAR not in classify(text, be).violations, text


@pytest.mark.parametrize(
    "text",
    [
        "Wielerwedstrijd zondag, de Kerkstraat is afgesloten voor alle verkeer",
        "Stemt er iemand voor die nieuwe parkeerregeling?",
        "Bakker Jan heeft nieuwe openingsuren vanaf volgende week",
        "Wie wil mijn oude kinderstoel? Wordt niet meer gebruikt",
        "Vannacht de klok een uur achteruit!",
        "Mijn buurvrouw heeft kanker, ze kan wat steun gebruiken",
        "Iemand tips voor een goede pedicure?",
        "Vrijdag is er papierophaling",
        "Wie gaat er mee naar de vrijmarkt?",
    ],
)
def test_blind3_neighbourhood_chatter_is_off_topic(text: str, be: Pack) -> None:
    assert classify(text, be).violations == ("conduct.off_topic",), text


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("Sofie van hiernaast heeft mijn pakje gejat", "conduct.accusation"),
        (
            "Pas op voor die lange van op de hoek, die loert altijd in de auto's",
            "conduct.accusation",
        ),
        ("Da's zeker weer den Bart van het hoekhuis", "conduct.accusation"),
        ("Die familie daar, daar komen al de gestolen brommers vandaan", "conduct.accusation"),
        ("Ik sta klaar met een knuppel als ze terugkomen", "conduct.vigilante"),
        ("Ik heb een bijl thuis, laat ze maar komen", "conduct.vigilante"),
        ("We smijten die gasten eruit, wie helpt", "conduct.vigilante"),
        ("Als de politie niks doet, dan regelen we het zelf", "conduct.vigilante"),
        ("De volgende keer dat ik hem zie sleur ik hem van zijn fiets", "conduct.vigilante"),
        ("Als hij terugkomt pakken we hem", "conduct.vigilante"),
        ("Ik heb het in de Facebookgroep van de wijk gezet", "conduct.confidentiality"),
        ("Stuur het naar zoveel mogelijk mensen", "conduct.confidentiality"),
    ],
)
def test_blind3_accusations_vigilante_and_sharing(text: str, rule: str, be: Pack) -> None:
    assert rule in classify(text, be).violations, text


def test_blind3_police_facebook_appeal_is_not_sharing(be: Pack) -> None:
    v = classify("De politie heeft een oproep op hun Facebookpagina gezet", be)
    assert "conduct.confidentiality" not in v.violations


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Police on their way: a van with no plates keeps circling the estate", ()),
        ("It's obviously those kids from the flats again", ("conduct.accusation",)),
        ("Everyone knows Gary is the one nicking bikes", ("conduct.accusation",)),
        ("Someone's yanking at car doors on Park Lane", (SAAR,)),
        ("Next time they come round I'll give them a proper hiding", ("conduct.vigilante",)),
        ("Fancy a pint after work?", ("conduct.off_topic",)),
        ("Our new neighbours are such a nice couple", ("conduct.off_topic",)),
        ("Woman at the door saying she's from the gas company, no ID, police called", ()),
    ],
)
def test_blind3_english(text: str, want: tuple[str, ...], en: Pack) -> None:
    assert classify(text, en).violations == want, text


@pytest.mark.parametrize(
    "text",
    [
        "Two women hang around the bus stop every evening",
        "Gas leak on Elm Road, women and kids evacuated",
    ],
)
def test_blind3_english_hang_and_gas_are_not_hate(text: str, en: Pack) -> None:
    assert "conduct.language" not in classify(text, en).violations, text


@pytest.mark.parametrize(
    ("text", "want"),
    [
        (
            "Description: white male, about 50, 6ft2, stocky, bald, grey coat. Police informed.",
            ("face", "direction", "time", "place"),
        ),
    ],
)
def test_blind3_english_signalement_is_a_report_with_hint(
    text: str, want: tuple[str, ...], en: Pack
) -> None:
    v = classify(text, en)
    assert v.is_report and not v.violations
    assert v.hints and set(v.hints[0].missing) == set(want)


def test_blind3_klein_en_dik_fills_height_and_build(be: Pack) -> None:
    v = classify("Man, klein en dik, blauwe jas, loopt rond in de tuinen. 101 gebeld.", be)
    assert v.hints and not {"height", "build"} & set(v.hints[0].missing)


def test_blind3_dutch_groups_do_not_count_101(nl: Pack) -> None:
    v = classify("Ik heb 101 gebeld, iemand rammelt aan de poortjes in het achterpad", nl)
    assert SAAR in v.violations
