"""conduct.language: swearing, insults, slurs, discrimination — and what must not fire."""

from __future__ import annotations

import pytest

from rules import Pack, classify

LANG = "conduct.language"


def fires(text: str, pack: Pack) -> bool:
    return LANG in classify(text, pack).violations


@pytest.mark.parametrize(
    "text",
    [
        "Wat een kutweer vandaag",
        "godverdomme, alweer die vrachtwagens",
        "gvd wie zet zijn auto op mijn oprit",
        "Die klootzakken van de gemeente",
        "jij bent echt een debiel",
        "Krijg de tering met je gezeur",
        "Die van de overkant zijn teringlijers",
        "wat een boerenlul",
        "Nog zo'n mongool die op de stoep parkeert",
        "Vieze nikker",
        "flikkers horen hier niet",
        "Miljaar, alweer lawaai",
        "Zo'n onnozelaar",
        "rot toch op met je gezeik",
        "Hou je bek",
        "Ik maak je kapot als je nog eens over mijn gazon rijdt",
    ],
)
def test_swearing_insults_slurs_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "kankerjong",
        "kutmarokkaan",
        "klootzakken",
        "Kutmarokkanen overal",
        "die tyfuslijers",
        "manwijf",
        "bosneger",
    ],
)
def test_compounds_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "k4nker jong",  # leetspeak
        "kl00tzak",
        "5hit",
        "k@nkerlijer",
        "$let",
        "k*t weer",  # masking
        "f**k",
        "k.u.t weer",
        "k-u-t",
        "k u t zooi",  # spacing
        "kuuuuut",  # repeated letters
        "kloooootzak",
        "KUT",  # case
        "kút",  # diacritics
        "k\u200but",  # zero-width
        "k\u0430nker",  # Cyrillic a
        "kl\u043etzak",  # Cyrillic o
        "\U0001d424\U0001d42e\U0001d42d",  # mathematical bold letters
        "knkerjong",  # a dropped vowel
        "wat een klote-zooi",
    ],
)
def test_obfuscations_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Infoavond over inbraakpreventie in Kuttekoven",  # village name
        "De kutter ligt in de haven",
        "Negeer onbekenden die aanbellen en blijf ze negeren",  # neger in negeren
        "Hoera, de straatlamp brandt weer",  # hoer in hoera
        "Ik heb een potlood gevonden",  # pot in potlood
        "De pottenbakker uit het dorp",
        "Scunthorpe",
        "Mijn buurman heeft kanker en ligt in het ziekenhuis",  # the disease
        "Steun het kankeronderzoek",
        "Ik vond een eikel in de tuin",  # contextual word, innocent use
        "Er zit een rat in de tuin",
        "Ik ben moslim",  # neutral mention of a group
        "Mijn buurvrouw is zwart en heel lief",  # positive mention
        "Wij zijn een gemengde groep van Vlamingen, Marokkanen en Polen",
        "Vrouwen zijn fantastisch",
        "Homo's en hetero's zijn hier allemaal welkom",
    ],
)
def test_innocent_words_and_mentions_do_not_fire(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Man, donkere huidskleur, 1m80, rode jas, 101 gebeld",
        "Verdachte: vrouw, Oost-Europees uiterlijk, ca 35, grijze jas",
        "Man met Noord-Afrikaans uiterlijk probeert deuren, 101 gebeld",
        "Twee zwarte mannen in een grijze Audi, politie verwittigd",
        "Getinte jongen, 16 jaar, zwarte hoodie",
    ],
)
def test_skin_colour_or_origin_in_a_signalement_never_fires(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Al die moslims zijn ratten",
        "Buitenlanders moeten allemaal weg uit onze wijk",
        "Ik haat zigeuners",
        "Homo's zijn walgelijk",
        "vluchtelingen zijn ongedierte",
        "Roemenen zijn parasieten",
        "Die joden moeten terug naar hun eigen land",
        "Allochtonen moeten allemaal oprotten",
        "Jullie soort hoort hier niet",
        "imm1granten zijn t u i g",
    ],
)
def test_discrimination_fires(text: str, be: Pack) -> None:
    assert fires(text, be)


def test_hate_needs_group_and_predicate_in_one_sentence(be: Pack) -> None:
    assert not fires("Twee Polen hielpen me. Ratten in de schuur gevonden", be)
    assert fires("Polen zijn ratten", be)


def test_quoting_or_condemning_is_not_using(be: Pack) -> None:
    assert not fires('"Moslims zijn ratten" is een verschrikkelijke uitspraak.', be)
    assert not fires("Geen vluchteling verdient het om te sterven.", be)


def test_finding_has_dutch_reason_and_evidence(be: Pack) -> None:
    (finding,) = classify("Wat een kutweer", be).findings
    assert finding.rule_id == LANG
    assert finding.evidence == "kutweer"
    assert "kutweer" in finding.reason and finding.reason.endswith(".")


def test_english_pack(en: Pack) -> None:
    assert fires("You are such an idiot", en)
    assert fires("Immigrants are vermin", en)
    assert not fires("I'm a muslim and glad to help", en)
    assert not fires("Meeting in Scunthorpe about break-in prevention", en)


@pytest.mark.parametrize(
    "text",
    [
        "\U0001d40a\U0001d414\U0001d413 \U0001d401\U0001d414\U0001d414\U0001d411\U0001d413",
        "𝓚𝓐𝓝𝓚𝓔𝓡𝓙𝓞𝓝𝓖",
    ],
)
def test_capital_mathematical_letters_fire(text: str, be: Pack) -> None:
    # NFKD turns 𝐊 into a capital K: case folding must come after it.
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Hij riep 'godverdomme' en liep weg richting station, politie gebeld",
        "Iemand heeft 'vuile makak' op de gevel gespoten, politie is verwittigd",
        "Hij zei: ‘klootzak’ tegen de wijkagent",  # typographic quotes
    ],
)
def test_single_quoted_words_are_mentions(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "'klootzak'",  # the whole message quoted is still use
        "'s nachts is die klootzak weer bezig",  # elision, not a quote
        "de auto's van die klootzak",  # apostrophe of a plural
        "Die klootzak zei 'hallo' tegen niemand",  # the insult stands outside the quote
    ],
)
def test_apostrophes_that_do_not_quote_the_hit(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Ge zijt ne smeirlap",  # Flemish spelling
        "Die achterlijke gasten van de jeugdbende weer",
        "Wat een kneus, belt aan en loopt weg",
        "Gatlikker, altijd alles aan de wijkagent gaan vertellen",
        "die zeveraar van hiernaast",
        "Wat een lummel, zet zijn auto op mijn oprit",
        "snotneuzen die aanbellen en weglopen",
        "nondedzju, alweer",
        "die fokking hangjongeren weer",
        "wtf wie doet nu zoiets",
        "Krijg de pest met je scooter",
        "Wat voor een eikel ben jij",  # "wat voor" frame
        "Wat voor domme ezel laat zijn poort open",
    ],
)
def test_more_everyday_curses_and_insults_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "De straatlamp in de Kerkstraat staat al dagen te flikkeren",
        "Mijn buurman is al weken aan het sukkelen met zijn rug",
        "Hond gevonden met een rood tuigje, wie mist hem?",
        "Een joekel van een vrachtwagen blokkeert de Dorpsstraat",
        "De gemeente investeert 2 miljard in fietspaden",
        "De kinderen speelden met knikkers op de stoep",
        "Het wijfje zit op de eieren aan de vijver, niet storen",
        "Nieuwe klerenwinkel op de Markt",
        "De kring van de buurtpreventie vergadert dinsdag",
        "Hij was daarna niet blijer",
        "Niger en Nigeria liggen in Afrika",
        "Hondenfokker zoekt zijn ontsnapte pup, fokken is zijn beroep",
        "Hij speelt fagot in de harmonie",
        "Onze reis naar Mongolië was geweldig",
        "Nieuw restaurant op de markt: Mongoolse barbecue",
        "Mijn kind heeft de pokken gehad, de pokkenprik is gezet",
        "Hij kneusde zijn enkel bij het sneeuwruimen",
        "Nieuwe kankerkliniek aan het ziekenhuis geopend",
    ],
)
def test_everyday_words_that_contain_a_bad_one_do_not_fire(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Ik wil hier geen zwarten in de straat",  # exclusion
        "Vluchtelingen horen hier niet thuis",
        "Dat volk van de moskee hoort hier niet thuis",
        "Dat soort volk moet weg uit onze straat",
        "Marokkanen eruit!",
        "Vrouwen horen in de keuken, niet in deze groep",
        "Waarom zijn Turken altijd zo agressief?",  # generalisation
        "Homo's zijn allemaal pervers",
        "Zigeuners zijn van nature dieven",
        "Die Roemenen stelen alles wat los en vast zit",
        "Die Polen pikken onze jobs",
        "Al die asielzoekers leven van onze centen",
        "Een vuile Turk heeft mijn auto geraakt",  # pejorative adjective + group
        "Ge zijt nen onnozele gast",
        "Buitenlanders moeten terug naar waar ze vandaan komen",
        "Ik haat buitenlanders die niet werken",  # "niet" inside the clause, no negation
        "Ik haat moslims, niet normaal hoe die hier rondlopen",
    ],
)
def test_more_hate_wordings_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Ik haat moslims niet, ik ken er veel die heel vriendelijk zijn",
        "Racisme tegen moslims hoort niet thuis in deze groep",
        "Mensen uitschelden voor kankerlijer is echt niet oké",
        "Roemeense nummerplaat, de auto hoort hier niet in de straat, 101 gebeld",
        "Die Poolse bestelwagen staat al 3 weken op de stoep, weg ermee",
        "De Turkse bakker is altijd zo vriendelijk",
        "We willen geen inbrekers in onze wijk, dus lichten aan",
        "De dieven stelen alles uit de garages, 101 gebeld",
        "Ik haat die nieuwe verkeersdrempels",
        "Die oude camera's moeten allemaal weg",
    ],
)
def test_hate_wordings_need_a_group_and_respect_negation(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Vrouwen zijn minder waard dan mannen",
        "Transgenders zouden geen rechten mogen hebben",
        "Ik zou nooit naast mensen met een handicap willen wonen",
        "Je kan moslims niet vertrouwen",
        "Die gelukszoekers moeten allemaal weg",
        "Die bruinkoppen weer",
    ],
)
def test_worth_rights_and_trust_wordings_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Moslims zijn niet minder waard dan anderen",
        "Vluchtelingen hebben vaak geen rechten in hun eigen land",
        "Je kan die oude camera niet vertrouwen",
        "Ik zou nooit naast een snelweg willen wonen",
        "Mensen met een handicap verdienen betere toegang tot de bus",
    ],
)
def test_worth_rights_and_trust_wordings_need_a_group_and_no_negation(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Ik heb er schijt aan wat de wijkagent zegt",
        "Wat een engerd, die gast",
        "Hou op met afzeiken",
        "Die matennaaier heeft mijn ladder nooit teruggebracht",
        "Ge zijt ne droogkloot",
        "Rot op met je besodemieteren",
    ],
)
def test_vulgar_words_and_compound_insults_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Hij speelde de hoofdrol in het toneel van de parochie",
        "De trap naar de kelder is versleten",
        "Wentelteefjes bij het ontbijt op zondag",
        "Steef van de bakkerij is jarig",
        "De drukker levert de folders morgen",
        "Fietstocht naar Hoekakker zondag",
        "Onze kleine loopt wat te klungelen met zijn fiets",
    ],
)
def test_words_that_end_like_an_insult_do_not_fire(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Jij bent zo ongelooflijk dom",
        "Je bent niet goed bij je hoofd",
        "Wat ben jij een lelijk ding",
        "Kop dicht jij",
        "Ga toch dood",
        "Ik weet waar je woont, pas maar op",
    ],
)
def test_insults_and_threats_aimed_at_the_reader_fire(text: str, be: Pack) -> None:
    assert fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Je bent gek als je je auto 's nachts open laat",
        "U bent toch niet dom, u weet dat u 101 moet bellen",
        "Wat ben je een lieve buur",
        "Val niet op het ijs!",
    ],
)
def test_generic_you_and_kind_words_do_not_fire(text: str, be: Pack) -> None:
    assert not fires(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Women belong in the kitchen",
        "Disabled people are a burden",
        "Trans people are mentally ill",
        "I know where you live",
    ],
)
def test_english_hate_and_threats_fire(text: str, en: Pack) -> None:
    assert fires(text, en)


def test_english_descriptions_do_not_fire(en: Pack) -> None:
    assert not fires("My mum is mentally ill and lives alone, please keep an eye out", en)
    assert not fires("The old shed is a burden to maintain", en)


# --- blind set 3 (each case failed before the fix) -------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "Kanker op met je scooter op het voetpad",
        "Lazer op met die herrie!",
        "Jullie zijn allemaal sukkelachtige kiekens",
        "Ge zijt precies ezels, allemaal",
        "Die Roemenen moeten ze allemaal terugsturen",
        "Asielzoekers moeten we buitengooien",
    ],
)
def test_blind3_language(text: str, be: Pack) -> None:
    assert "conduct.language" in classify(text, be).violations, text


@pytest.mark.parametrize(
    "text",
    [
        "Hij heeft kanker op jonge leeftijd gekregen",
        "De terugsturen van pakjes kan aan de balie",
    ],
)
def test_blind3_language_innocent(text: str, be: Pack) -> None:
    assert "conduct.language" not in classify(text, be).violations, text
