"""saar.police_first and the signalement hint on phrasings found missing in the fresh
blind pools (a, b): report shapes, "called" edge cases and messages that are no report."""

from __future__ import annotations

import pytest

from rules import Pack, classify

SAAR = "saar.police_first"


@pytest.fixture(scope="session")
def packs(be: Pack, nl: Pack, en: Pack) -> dict[str, Pack]:
    return {"nl-BE": be, "nl-NL": nl, "en": en}


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
    ],
)
def test_called(locale: str, text: str, packs: dict[str, Pack]) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and v.police_called
    assert SAAR not in v.violations
