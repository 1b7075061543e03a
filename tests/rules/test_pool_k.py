"""Forms found missing in blind pool k (session 5), written here in other words than the
pool's: the patterns must carry the form, not the one sentence."""

from __future__ import annotations

import pytest

from rules import Pack, classify

SAAR = "saar.police_first"
ACC = "conduct.accusation"
VIG = "conduct.vigilante"
OFF = "conduct.off_topic"
LANG = "conduct.language"


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # handed on to the police, its dispatch, the emergency number
        ("nl-BE", "Verdachte man aan de garages, ik heb het signalement doorgegeven aan 101"),
        ("nl-BE", "Twee gasten klimmen over het hek van de school, heb het al doorgebeld"),
        ("nl-BE", "Iemand loert in de auto's op de parking, de combi laten komen via 101"),
        ("nl-NL", "Man trekt aan alle autodeuren, melding is gedaan bij de politie"),
        ("nl-BE", "Busje rijdt rondjes in de wijk, de politie heeft al een melding"),
        # agents searching right now
        ("nl-BE", "Inbraak bij de bakker, de agenten zijn achter de huizen aan het zoeken"),
    ],
)
def test_called_in_new_words(packs: dict[str, Pack], locale: str, text: str) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and v.police_called and SAAR not in v.violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "Er loopt een vent door de voortuinen van de Dorpsstraat"),
        ("nl-BE", "Welke zwarte BMW is dat die zo traag door onze straat rijdt?"),
        ("nl-BE", "Mannen met een bivak op een brommer aan de kerk"),
        ("nl-BE", "De scooter reed veel te hard door het park, zonder licht"),
        ("nl-BE", "Onze robotmaaier is weg, vanmorgen stond hij nog in de tuin"),
        ("nl-BE", "Er belde een man aan 'van het waterbedrijf', hij wou binnen kijken"),
        ("nl-BE", "Een bestelwagen staat bij nr 4 met open deuren terwijl die mensen op reis zijn"),
    ],
)
def test_report_shapes_without_police_get_the_reminder(
    packs: dict[str, Pack], locale: str, text: str
) -> None:
    assert SAAR in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # jokes, the news, town and police advice, a game, a message about a message
        ("nl-BE", "Mijn dochter heeft mijn laatste koekje gestolen haha"),
        (
            "nl-BE",
            "De politiezone Rivierenland raadt aan om de tuinhuizen af te sluiten na diefstallen",
        ),
        ("nl-BE", "Nieuws van de gemeente: meer camera's na de inbraken in de wijk"),
        ("nl-BE", "Ik heb het verhaal over de inbraak aan mijn zus verteld, ze schrok ervan"),
        ("nl-BE", "Gisteren bij padel hebben we ze kapotgemaakt, 6-2"),
        ("nl-BE", "Weet iemand of er al nieuws is over de inbraak van vorige maand?"),
        ("en", "Local paper says car crime is down 15% this year"),
    ],
)
def test_no_report_no_reminder(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR not in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        ("nl-BE", ACC, "Ge moet ni ver zoeken hoor, de inbraken zijn weer begonnen"),
        ("nl-BE", ACC, "Wij weten allemaal wie die fietsen pikt"),
        ("nl-BE", ACC, "Toeval bestaat niet, telkens als die kermis er staat is het prijs"),
        ("nl-BE", ACC, "Ik noem geen namen, maar kijk eens wie er altijd 's nachts rondloopt"),
        ("nl-BE", ACC, "Ik vermoed sterk de nieuwe huurders, die doen heel vreemd"),
        ("nl-BE", ACC, "Sinds die er wonen zijn er alleen maar inbraken"),
        ("nl-BE", ACC, "Die bewoners van het hoekhuis hebben er waarschijnlijk iets mee te maken"),
        ("en", ACC, "Pretty sure it was the lads from the flats again"),
        ("en", ACC, "Not naming names but the house with the red door, you all know"),
        ("nl-BE", VIG, "Als hij terugkomt ga ik verhaal halen aan zijn deur"),
        ("nl-BE", VIG, "Volgende keer heb ik hem, dat beloof ik"),
        ("nl-BE", VIG, "Laten we die hangjongeren aan de sporthal eens wegjagen"),
        ("nl-BE", VIG, "Ik heb prikkeldraad op de muur gelegd, wie erover klimt voelt het"),
        ("nl-BE", VIG, "Mijn broer is hem met de auto achterna gereden tot aan de ring"),
        ("nl-BE", VIG, "Ik heb hem tot aan het station achtervolgd"),
        ("en", VIG, "We should set up our own patrol with a few bats"),
        ("en", VIG, "Chased them off the estate last night, next time they're mine"),
    ],
)
def test_accusation_and_vigilante_forms(
    packs: dict[str, Pack], locale: str, rule: str, text: str
) -> None:
    assert rule in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-BE", "We hebben ze ingemaakt met 5-1, wat een wedstrijd"),
        ("nl-BE", "Wie kijkt er ook naar Flikken Maastricht? Wat een aflevering gisteren"),
        ("nl-BE", "Mijn kleinzoon is vandaag 21 geworden, proficiat jongen"),
        ("nl-BE", "Heeft er nog iemand geen stroom in de Kerkstraat?"),
        ("nl-BE", "Hallo, ik ben nieuw in de wijk, aangenaam!"),
        ("nl-BE", "Die kat van de overburen zit weer in onze zandbak te graven"),
        ("en", "Anyone up for karaoke at the Crown on Friday?"),
    ],
)
def test_chatter_is_off_topic(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert classify(text, packs[locale]).violations == (OFF,)


def test_a_vehicle_in_a_description_is_no_hate_word(packs: dict[str, Pack]) -> None:
    """ "voertuig" holds "tuig" (riff-raff): with a group noun nearby it was read as hate."""
    text = "Beschrijf altijd: man/vrouw, lengte, kleding, voertuig en richting."
    assert LANG not in classify(text, packs["nl-BE"]).violations
    assert LANG in classify("Die vrouwen zijn tuig", packs["nl-BE"]).violations
