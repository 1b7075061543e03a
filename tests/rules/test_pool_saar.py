"""saar.police_first and the signalement hint on phrasings found missing in the fresh
blind pools (a, b; h in session 4): report shapes, "called" edge cases and messages that are no report."""

from __future__ import annotations

import pytest

from rules import Pack, classify

SAAR = "saar.police_first"


# --- reports that were not recognised ---------------------------------------------


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # someone pulling at door handles, object before the verb
        ("nl-BE", "Er loopt iemand aan de klinken van de geparkeerde wagens te trekken"),
        ("nl-BE", "Die vent zit aan alle autodeuren te morrelen in onze straat"),
        # "loopt ... rond" with a longer stretch in between
        ("nl-BE", "Er loopt hier al een kwartier een jongen rond met een rugzak"),
        # a vehicle with its lights off, or passing again and again
        ("nl-BE", "Een witte camionette met gedoofde lichten staat al een uur voor nr 12"),
        ("nl-BE", "Een zwarte audi is al vier keer voorbij gereden, heel traag"),
        # parts sawn off a car; another bike gone
        ("nl-BE", "Vannacht hebben ze de katalysator van mijn Honda afgezaagd"),
        ("nl-BE", "Alweer een e-bike weg aan het station"),
        # broken glass and an open door, either order
        ("nl-BE", "Mijn buurvrouw zegt dat de keukendeur openstaat en er ligt overal glas"),
        ("nl-BE", "Glas op de oprit en het raam van de garage staat open"),
        # English
        ("en", "Somebody got into our garage last night and took the mower"),
        ("en", "My bike has gone missing from outside the library, lock cut"),
        ("en", "Catalytic converter cut off my Prius on the drive overnight"),
        ("en", "Car alarm has been going off for twenty minutes on Elm Road"),
        ("en", "A drone keeps flying over our back gardens after dark"),
        ("en", "Bloke filming the front doors on Station Road with his phone"),
        ("en", "Bike thieves are active around the precinct again"),
        # session 4, pool h
        ("nl-BE", "Alarm aan 't afgaan bij een huis in de Rozenlaan, niemand te zien"),
        ("nl-BE", "Vannacht de spiegels van alle auto's in de Bongerd eraf getrapt"),
        ("nl-BE", "Dat ben ik vergeten te zeggen: er liep vannacht een man rond in onze tuin"),
        ("en", "Big unmarked lorry reversing up and down Birch Avenue at 2am"),
        ("nl-BE", "Opgelet, de pakjesdief is weer bezig in de Lindelaan"),
        ("nl-BE", "Twee jongens met een betonschaar aan de fietsenstalling van het station"),
        ("nl-BE", "Jongeren die elke avond stenen naar de ramen van de sporthal gooien"),
        ("nl-BE", "Twee mannen aan de deur die zeggen van de telecom te zijn"),
        ("nl-BE", "Er bellen mannen in fluohesjes aan voor 'dakinspectie' in de Akkerstraat"),
        ("nl-BE", "Er is iemand binnengedrongen in het leegstaande huis op de hoek"),
        ("en", "There's a guy trying to break into cars in the car park right now"),
        ("nl-BE", "Grijze camionette staat hier al 40 minuten aan de speeltuin, niemand stapt uit"),
        ("nl-BE", "Er staat al de hele avond een bestelwagen in de Veldstraat, lichten uit"),
        ("nl-BE", "Busje zonder ramen aan de school, rijdt telkens weg en komt terug"),
        ("nl-BE", "Vuurwerk tegen de ramen van de buren gegooid, ruit gebarsten"),
        ("nl-BE", "Iemand heeft een vuurwerkbom in onze brievenbus gestoken"),
        ("nl-BE", "Er kwamen twee 'monteurs' van de waterleiding aan de deur, geen pasje"),
        ("nl-BE", "Man aan de deur die zei dat hij het dak direct kon herstellen voor cash"),
        (
            "nl-BE",
            "Een vrouw stond aan mijn voordeur en zei dat ze van de gemeente was, ze wou naar binnen",
        ),
        ("nl-BE", "Er staat een gast aan de achterkant van de garages te loeren"),
        ("nl-BE", "Drone hangt al een kwartier boven onze hoven"),
        ("nl-BE", "Iemand klom net over het tuinmuurtje bij de buren"),
        ("nl-BE", "Pakjes van de stoep weggehaald, Lindelaan"),
        ("nl-BE", "Alarm van de apotheek gaat al een half uur af"),
        ("nl-BE", "De camionette van de loodgieter op de hoek is vannacht opengebroken"),
        ("nl-BE", "Net twee mannen aan de deurklinken zien voelen bij de auto's op de parking"),
    ],
)
def test_new_report_shapes(locale: str, text: str, packs: dict[str, Pack]) -> None:
    v = classify(text, packs[locale])
    assert v.is_report
    assert SAAR in v.violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # only the generic "iets verdachts" / advice: no report
        ("nl-BE", "Heeft er iemand iets verdachts gezien vannacht?"),
        ("nl-BE", "Weet iemand hoe je dat online kan melden bij de politie?"),
        ("nl-BE", "Beter niet zelf gaan kijken mensen, die kunnen gewapend zijn"),
        ("nl-BE", "Rustig blijven iedereen, de politie doet haar werk."),
        ("nl-BE", "Bel 101 en geef een goed signalement van verdachten. Marc, coördinator"),
        ("nl-NL", "Oproep van de politie: wie heeft iets verdachts gezien bij de Albert Heijn?"),
        # innocent uses of the new words
        ("nl-BE", "De deur staat open voor iedereen, kom gerust een glas drinken"),
        ("nl-BE", "Nog een fiets weg te geven, wie wil hem?"),
        ("nl-BE", "Hij doet het licht uit en rijdt naar huis met de auto"),
        ("nl-BE", "De boom in de tuin is afgezaagd door de gemeente"),
        ("en", "I took my bike to the repair shop this morning"),
        ("en", "The fire alarm test is going ahead on Tuesday"),
        ("en", "Photographing the sunset over the houses was lovely"),
        # session 4, pool h: old stories, handled incidents, meetings, news, how to report
        ("nl-BE", "Die man die gisteren rondliep in de tuinen, dat was ik, sorry! 🙈"),
        ("nl-BE", "Nieuw hier: als ge mij 's avonds met de hond ziet rondlopen, da ben ik dus"),
        # a story from long ago
        ("nl-BE", "Drie jaar geleden werd hier ook ingebroken, sindsdien hebben we camera's"),
        ("en", "We had a burglary three years ago, since then we lock everything"),
        # a handled incident and thanks
        ("nl-BE", "Fiets van mijn zoon teruggevonden aan het station, bedankt voor alle tips!"),
        # meetings and the news
        ("nl-BE", "Wijkoverleg donderdag met de wijkagent, onderwerp: inbraakpreventie"),
        ("nl-NL", "In de krant: bende van auto-inbrekers opgerold in Amersfoort"),
        # how to report
        ("nl-BE", "Kan je een diefstal van een fiets ook online aangeven?"),
        # asking whether one may share
        (
            "en",
            "Is it ok to share the picture of the suspicious car on the street's Facebook page?",
        ),
    ],
)
def test_not_a_report(locale: str, text: str, packs: dict[str, Pack]) -> None:
    assert SAAR not in classify(text, packs[locale]).violations


def test_incident_with_advice_is_still_a_report_when_no_advice(be: Pack) -> None:
    # the exclusion is for the advice, not for the incident words around it
    assert SAAR in classify("Inbraak bezig in de Dorpsstraat, ik kijk zelf even", be).violations


# --- called / not called ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Heb net gebeld naar mijn man, de achterdeur is opengebroken",  # not the police
        "Ik heb de buren verwittigd: er hangt een man rond bij de garages",
        "101 nog nie gebeld, ma der loopt iemand in de tuin te loeren",  # Flemish negation
    ],
)
def test_not_called_nl(text: str, be: Pack) -> None:
    v = classify(text, be)
    assert v.is_report and not v.police_called
    assert SAAR in v.violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Heb mijn vrouw gebeld en de politie verwittigd, inbraak bezig bij de buren"),
        ("nl-BE", "Politie is verwittigd, zij zegt da de achterdeur openstond en er ligt glas"),
        ("en", "Shots fired near the park, I rang 999 straight away"),
        ("en", "Burglary at number 4, the police have confirmed they are looking for two men"),
        # session 4, pool h: the police are there, or typed in a hurry
        # the police are there: standing at, inside, with the writer, on their way
        ("nl-BE", "De politie staat nu aan de garages, er is ingebroken in drie boxen"),
        ("nl-BE", "Agenten zijn al binnen bij de overburen, inbraak via de achterdeur"),
        ("nl-BE", "Ik sta hier buiten met twee agenten, mijn auto is opengebroken"),
        ("nl-BE", "Ze komen eraan (pol), er loopt iemand op de daken van de garages"),
        ("nl-NL", "Beveiliging en politie zijn er, verdachte man bij de pinautomaat die meekijkt"),
        # typed in a hurry
        ("nl-BE", "Pollitie verwitigd, fiets gestolen aan het station"),
        ("en", "Police are already outside, someone smashed the window of number 9"),
    ],
)
def test_called(locale: str, text: str, packs: dict[str, Pack]) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and v.police_called
    assert SAAR not in v.violations


# --- more report shapes (police called: only the hint depends on them) --------------


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Vannacht om 2u werd er bij ons drie keer aangebeld, 101 gebeld"),
        ("nl-BE", "101 gebeld: een man zit al een uur te kijken naar de huizen in onze straat"),
        ("nl-BE", "Politie verwittigd, twee gasten aan het losknippen van de fietsen"),
        ("nl-BE", "101 gebeld, jongeren gooien met eieren naar de ramen van de bib"),
        ("nl-BE", "Man van de 'watermaatschappij' wou binnen om de meter te zien, 101 gebeld"),
        ("nl-BE", "101 gebeld, iemand rommelt in de brievenbussen van de flat"),
        ("nl-BE", "Sluikstort aan de glasbak gemeld bij de politie"),
        ("en", "At 3am someone was banging on our door, police called"),
        ("en", "Police called: a man in our back garden trying the shed"),
    ],
)
def test_report_shapes_with_call(locale: str, text: str, packs: dict[str, Pack]) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and v.police_called


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Vannacht om 3 uur belde de buurvrouw aan, ze was haar sleutel kwijt"),
        ("nl-BE", "Hij wou binnen om een koffie, gezellige buurman"),
        ("nl-BE", "De bus is al drie keer voorbij gereden zonder te stoppen"),
        ("nl-BE", "Mijn buurman is de oude dakgoot aan het losschroeven"),
        ("nl-NL", "Oude meubels moeten op een stortplaats worden gedumpt."),
        ("en", "At 2am last night my son knocked on the door, forgot his keys"),
        ("en", "Alarm clock has been going off next door every morning"),
        # session 4, pool h: look-alikes of its new shapes
        ("nl-BE", "De bus heeft al 20 minuten vertraging aan het station"),
        ("nl-BE", "Het vuurwerk op oudejaarsavond boven de kerk was prachtig"),
        ("nl-BE", "De kat zit de hele dag te loeren naar de vogels"),
        ("nl-BE", "Eindelijk het dak laten herstellen door een echte dakwerker"),
    ],
)
def test_report_shapes_innocent(locale: str, text: str, packs: dict[str, Pack]) -> None:
    assert not classify(text, packs[locale]).is_report


# --- signalement slots --------------------------------------------------------------


PERSON_SLOTS = {"gender", "age", "height", "build", "skin_colour", "hair", "face", "clothing"}


def _missing(text: str, pack: Pack) -> set[str]:
    v = classify(text, pack)
    assert v.is_report, text
    return set(v.hints[0].missing) if v.hints else set()


def _assert_present(text: str, present: set[str], pack: Pack) -> None:
    missing = _missing(text, pack)
    assert not present & missing
    if present & PERSON_SLOTS:  # the person was seen, so other person slots are asked
        assert missing & PERSON_SLOTS


@pytest.mark.parametrize(
    ("text", "present"),
    [
        # present tense / ongoing: the time is now
        ("Er staat een man aan de achterdeur te morrelen, 101 gebeld", {"time"}),
        ("Er loopt al 20 minuten een man rond bij de garages, 101 gebeld", {"time"}),
        ("Verdachte auto rijdt al een uur rondjes, 101 gebeld", {"time"}),
        # a bare size in a list of features; "redelijk groot"
        ("101 gebeld. Inbraak, dader: man, groot, donkere jas, richting kerk", {"height"}),
        ("Een man, redelijk groot, sprong over de haag bij nr 5, 101 gebeld", {"height"}),
        # hair and clothing compounds, "in het zwart", "kleren"
        ("Inbraak bij nr 3, dader met kort kroeshaar, 101 gebeld", {"hair"}),
        ("Inbraak bij nr 3, dader in een grijze werkjas, 101 gebeld", {"clothing"}),
        ("Twee mannen in het zwart over de haag, 101 gebeld", {"clothing"}),
        ("Man met donkere kleren over de haag, 101 gebeld", {"clothing"}),
        ("Man met een fluovestje belt overal aan, 101 gebeld", {"clothing"}),
        # age in words, "jong gastje"
        ("Man van een jaar of veertig rammelt aan de deuren, 101 gebeld", {"age"}),
        ("Jong gastje met rode pet rammelt aan de deuren, 101 gebeld", {"age"}),
        # a place by the water, the flats, a path
        ("Man rommelt in de brievenbussen aan de vaart, 101 gebeld", {"place"}),
        ("Verdachte man op het Kerkhofpad, 101 gebeld", {"place"}),
        # a car model
        ("101 gebeld, verdachte witte golf rijdt rondjes, kenteken 1-ABC-123", {"vehicle"}),
    ],
)
def test_slots_present_nl(text: str, present: set[str], be: Pack) -> None:
    _assert_present(text, present, be)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # "de oude pastorie" is no age
        ("Twee mannen zijn de goot aan het lostrekken bij de oude pastorie, 101 gebeld", {"age"}),
        # a plate that could not be read is missing
        ("Verdachte camionette, nummerplaat niet kunnen lezen, 101 gebeld", {"plate"}),
        # "auto's" looked into are no vehicle of the report: no vehicle/plate asked
        ("Man kijkt in de auto's in de Kerkstraat, 101 gebeld", set()),
    ],
)
def test_slots_missing_nl(text: str, absent: set[str], be: Pack) -> None:
    missing = _missing(text, be)
    assert absent <= missing
    if not absent:
        assert not {"vehicle", "plate"} & missing


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("Police called. Young lad smashed the Co-op window, red jacket", {"gender"}),
        ("Burglary at no 4, police called. Two men, white, short hair", {"skin_colour"}),
        ("Police called, a woman keeps knocking on doors on Elm Road", {"time"}),
    ],
)
def test_slots_present_en(text: str, present: set[str], en: Pack) -> None:
    _assert_present(text, present, en)


@pytest.mark.parametrize(
    "text",
    [
        # a person named by a Flemish or job-like word, described all the same (pool h)
        "Er loopt hier nen typ rond aan de garages. Zwarte muts, donkere huidskleur, 1m70",
        "Collectanten zonder pasje aan de deuren, allebei in een groene jas",
    ],
)
def test_person_words_give_a_hint(text: str, be: Pack) -> None:
    missing = _missing(text, be)
    assert missing & PERSON_SLOTS  # the person was seen: the other person slots are asked
    assert "clothing" not in missing
