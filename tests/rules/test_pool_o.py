"""Forms found missing in blind pool o (session 5: crime words in messages that are no
report, chatter without topic words), written here in other words than the pool's."""

from __future__ import annotations

import pytest

from rules import Pack, classify

SAAR = "saar.police_first"
ACC = "conduct.accusation"
VIG = "conduct.vigilante"
OFF = "conduct.off_topic"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Die prijzen aan de pomp, dat is toch pure diefstal"),
        ("nl-NL", "Dekt de inboedelverzekering ook diefstal uit een schuur?"),
        ("nl-BE", "Wist ge dat de meeste inbraken overdag gebeuren? Sluit uw achterdeur"),
        ("nl-BE", "Die man met de ladder bij nr 3 was van de dakwerker, geen zorgen"),
        ("nl-NL", "Is er al iets bekend over die inbraak bij de bakker?"),
        ("nl-BE", "Het alarm ging af vannacht, maar het was de wind, sorry iedereen"),
        ("en", "Does anyone know if home insurance covers a stolen bike from the garden?"),
        ("en", "Those parking fees are daylight robbery"),
    ],
)
def test_crime_words_without_a_report(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR not in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Grijze Audi rijdt al een uur heen en weer door de Beukenlaan"),
        ("nl-BE", "Zwarte Volvo zonder lichten aan de school, twee mannen erin"),
        ("nl-NL", "Een jongen loopt weg met de fiets van de buurvrouw, richting station"),
        ("nl-NL", "Bij het station worden fietsen gesloopt door een paar jongens"),
        ("en", "Someone broke into the garage next door, the lock is gone"),
        ("en", "Bloke tryin car doors on Elm Street, grey hoodie"),
    ],
)
def test_reports(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        ("nl-BE", ACC, "Die bestelwagen staat altijd aan dat huis, daar zal de dief wel wonen"),
        ("nl-NL", ACC, "Die klusjesman had de sleutel, het moet hem wel zijn"),
        ("en", ACC, "Those lads at the garage, honestly they are the ones"),
        ("nl-BE", VIG, "Ik fiets er nu achteraan, hij rijdt richting centrum"),
        ("nl-NL", VIG, "Wie komt er op de loer liggen bij de garages? Dan pakken we ze zelf"),
        ("nl-BE", VIG, "Als ik hem pak zal hij nooit meer kunnen stelen"),
        ("nl-NL", VIG, "Die bus moeten we gewoon klemrijden als hij terugkomt"),
    ],
)
def test_accusation_and_vigilante(
    packs: dict[str, Pack], locale: str, rule: str, text: str
) -> None:
    assert rule in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "zelfde hier"),
        ("nl-BE", "Iemand zin om zondag mee te gaan fietsen?"),
        ("nl-NL", "Welkom Sanne en Pieter in de groep!"),
        ("nl-NL", "Is de bakker morgen open?"),
        ("nl-BE", "Wie geeft er bijles wiskunde?"),
        ("en", "Anyone up for a picnic in the park on Saturday?"),
    ],
)
def test_chatter_is_off_topic(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert classify(text, packs[locale]).violations == (OFF,)


def test_agreeing_is_no_insinuation(packs: dict[str, Pack]) -> None:
    assert ACC not in classify("Ja zenne, da zeg ik al jaren", packs["nl-BE"]).violations
