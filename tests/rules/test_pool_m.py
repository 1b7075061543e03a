"""Forms found missing in blind pool m (session 5: a Dutch city, a Flemish village, an
English street), written here in other words than the pool's."""

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
        ("nl-NL", "Bij het speeltuintje wordt weer gedeald, elke avond rond tien uur"),
        ("nl-NL", "Er staat een scooter in de fik achter de sporthal"),
        ("nl-BE", "Twee jongens trekken de spiegels van de geparkeerde wagens in de Dorpsstraat"),
        ("nl-NL", "Een man loopt langs de deuren in de Vinkenstraat en wil overal naar binnen"),
        ("nl-BE", "Ze zitten daar aan de fietsen bij de kerk te prutsen"),
        ("nl-BE", "Er staan krijttekens bij de voordeuren van nummer 4 en 6"),
        ("nl-BE", "Kzie net dat ze mijn katalysator eruit gezaagd hebben"),
        ("nl-NL", "Iemand loopt bij alle auto's aan de hendels te trekken"),
        (
            "nl-BE",
            "Een vrouw probeerde daarnet de fietsen aan het rek open te maken",
        ),
    ],
)
def test_report_shapes(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Inbraak bezig bij de buren, twee mannen in de tuin, politie staat er nu"),
        (
            "nl-BE",
            "Brand in een garage aan de Molenweg, brandweer is ter plaatse en de politie ook",
        ),
        ("nl-NL", "Hoe lang duurt het voor de politie reageert op een online aangifte?"),
        ("nl-BE", "Over die brand van vorige week: het was kortsluiting, geen brandstichting"),
        ("en", "Called 101 about two men trying the doors at no. 12, tall one with a beard"),
    ],
)
def test_called_or_no_report(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR not in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        ("nl-NL", ACC, "Ik weet allang wie het was, maar ik zeg niks"),
        ("nl-BE", ACC, "Elke keer dat ze hier staan met hun caravans is er iets weg"),
        (
            "nl-BE",
            ACC,
            "Sinds die nieuwe bezorger komt verdwijnen de pakjes, conclusie trekt ge zelf",
        ),
        ("nl-NL", ACC, "Die vent met die zwarte Golf, die heeft de inbraak bij Jansen gedaan"),
        ("en", ACC, "It's always the lads from the caravan park, every single time"),
        ("nl-BE", VIG, "Gewoon zijn banden lek steken, dan is hij snel weg"),
        (
            "nl-NL",
            VIG,
            "Die camionette moeten we gewoon klemzetten als hij terugkomt",
        ),
        ("nl-BE", VIG, "Ik ga de luchtbuks klaarleggen voor vannacht"),
        ("nl-BE", VIG, "Als ik die gasten te pakken krijg, dan gaan ze iets meemaken"),
        ("en", VIG, "Someone should give him a good hiding"),
        ("en", VIG, "I followed the van all the way to the motorway"),
    ],
)
def test_accusation_and_vigilante(
    packs: dict[str, Pack], locale: str, rule: str, text: str
) -> None:
    assert rule in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "De ring staat weer helemaal vast, sta hier al een uur"),
        ("nl-NL", "Weet iemand tot hoe laat de Jumbo open is?"),
        ("nl-BE", "Onze kelder staat weer onder na al die regen"),
        ("nl-BE", "Wa ne wind vannacht, amai"),
        ("nl-NL", "Ik ben echt doodop vandaag"),
        ("en", "Stuck in traffic on the ring again, an hour to get home"),
    ],
)
def test_small_talk_is_off_topic(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert classify(text, packs[locale]).violations == (OFF,)


def test_following_instructions_is_no_chase(packs: dict[str, Pack]) -> None:
    v = classify("I followed the advice of the police and stayed inside", packs["en"])
    assert VIG not in v.violations


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("Verdachte man met rugzak loert in de auto's bij de Colruyt", "place"),
        ("Twee gasten met een koevoet aan de achterkant van het tankstation", "place"),
        ("Er loopt een manneken van een jaar of 12 aan alle autodeuren te trekken", "gender"),
        (
            "Vent met zwarte muts probeert de fietsen aan de kerk open te krijgen, just gezien",
            "time",
        ),
    ],
)
def test_signalement_reads_landmarks_and_dialect(
    packs: dict[str, Pack], text: str, given: str
) -> None:
    v = classify(text, packs["nl-BE"])
    assert v.is_report and v.hints
    assert given not in v.hints[0].missing
