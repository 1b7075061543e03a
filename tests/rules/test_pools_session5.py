"""Forms found missing in the blind pools of session 5 (k, m, o and q; tests/data/
LABELLING.md), written here in other words than the pools': the patterns must carry the
form, not the one sentence.  Each case list is grouped by the pool it came from."""

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
        # pool k: handed on to the police, its dispatch, the emergency number
        ("nl-BE", "Verdachte man aan de garages, ik heb het signalement doorgegeven aan 101"),
        ("nl-BE", "Twee gasten klimmen over het hek van de school, heb het al doorgebeld"),
        ("nl-BE", "Iemand loert in de auto's op de parking, de combi laten komen via 101"),
        ("nl-NL", "Man trekt aan alle autodeuren, melding is gedaan bij de politie"),
        ("nl-BE", "Busje rijdt rondjes in de wijk, de politie heeft al een melding"),
        # agents searching right now
        ("nl-BE", "Inbraak bij de bakker, de agenten zijn achter de huizen aan het zoeken"),
        # pool q
        ("nl-BE", "Twee gasten met bivakmutsen aan de kerk, de meldkamer weet ervan"),
        ("nl-BE", "Man trekt aan autodeuren, de combi stopte net bij hem"),
        ("en", "Van with no plates outside no. 4, the police already know"),
    ],
)
def test_report_with_the_police_called_in_new_words(
    packs: dict[str, Pack], locale: str, text: str
) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and v.police_called and SAAR not in v.violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # pool k
        ("nl-BE", "Er loopt een vent door de voortuinen van de Dorpsstraat"),
        ("nl-BE", "Welke zwarte BMW is dat die zo traag door onze straat rijdt?"),
        ("nl-BE", "Mannen met een bivak op een brommer aan de kerk"),
        ("nl-BE", "De scooter reed veel te hard door het park, zonder licht"),
        ("nl-BE", "Onze robotmaaier is weg, vanmorgen stond hij nog in de tuin"),
        ("nl-BE", "Er belde een man aan 'van het waterbedrijf', hij wou binnen kijken"),
        ("nl-BE", "Een bestelwagen staat bij nr 4 met open deuren terwijl die mensen op reis zijn"),
        # pool m
        ("nl-NL", "Bij het speeltuintje wordt weer gedeald, elke avond rond tien uur"),
        ("nl-NL", "Er staat een scooter in de fik achter de sporthal"),
        ("nl-BE", "Twee jongens trekken de spiegels van de geparkeerde wagens in de Dorpsstraat"),
        ("nl-NL", "Een man loopt langs de deuren in de Vinkenstraat en wil overal naar binnen"),
        ("nl-BE", "Ze zitten daar aan de fietsen bij de kerk te prutsen"),
        ("nl-BE", "Er staan krijttekens bij de voordeuren van nummer 4 en 6"),
        ("nl-BE", "Kzie net dat ze mijn katalysator eruit gezaagd hebben"),
        ("nl-NL", "Iemand loopt bij alle auto's aan de hendels te trekken"),
        ("nl-BE", "Een vrouw probeerde daarnet de fietsen aan het rek open te maken"),
        # pool o
        ("nl-BE", "Grijze Audi rijdt al een uur heen en weer door de Beukenlaan"),
        ("nl-BE", "Zwarte Volvo zonder lichten aan de school, twee mannen erin"),
        ("nl-NL", "Een jongen loopt weg met de fiets van de buurvrouw, richting station"),
        ("nl-NL", "Bij het station worden fietsen gesloopt door een paar jongens"),
        ("en", "Someone broke into the garage next door, the lock is gone"),
        ("en", "Bloke tryin car doors on Elm Street, grey hoodie"),
        # pool q
        ("nl-BE", "Een manneke is aan't rondrijden langs de garages in de Beekstraat"),
        ("nl-NL", "Er lopen nep-monteurs rond in de wijk, twee mannen in oranje hesjes"),
        ("nl-NL", "Een grijze Opel stopt bij elk huis in de Meidoornlaan"),
        ("en", "Man in a balaclava at the back of the garages"),
        ("en", "A woman collecting for charity, no ID badge, very pushy"),
    ],
)
def test_report_without_the_police_gets_the_reminder(
    packs: dict[str, Pack], locale: str, text: str
) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and not v.police_called and SAAR in v.violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # pool k: jokes, the news, town and police advice, a game, a message about a message
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
        # pool m
        ("nl-BE", "Inbraak bezig bij de buren, twee mannen in de tuin, politie staat er nu"),
        (
            "nl-BE",
            "Brand in een garage aan de Molenweg, brandweer is ter plaatse en de politie ook",
        ),
        ("nl-NL", "Hoe lang duurt het voor de politie reageert op een online aangifte?"),
        ("nl-BE", "Over die brand van vorige week: het was kortsluiting, geen brandstichting"),
        ("en", "Called 101 about two men trying the doors at no. 12, tall one with a beard"),
        # pool o
        ("nl-BE", "Die prijzen aan de pomp, dat is toch pure diefstal"),
        ("nl-NL", "Dekt de inboedelverzekering ook diefstal uit een schuur?"),
        ("nl-BE", "Wist ge dat de meeste inbraken overdag gebeuren? Sluit uw achterdeur"),
        ("nl-BE", "Die man met de ladder bij nr 3 was van de dakwerker, geen zorgen"),
        ("nl-NL", "Is er al iets bekend over die inbraak bij de bakker?"),
        ("nl-BE", "Het alarm ging af vannacht, maar het was de wind, sorry iedereen"),
        ("en", "Does anyone know if home insurance covers a stolen bike from the garden?"),
        ("en", "Those parking fees are daylight robbery"),
        # pool q
        ("nl-NL", "Van de politie: er bellen nepagenten over uw bankrekening, hang op"),
        ("nl-BE", "Moet je bij een verdachte wagen eigenlijk 101 of 112 bellen?"),
        ("en", "Sorry, that was me in the garden with a torch last night"),
        ("en", "Did they ever catch whoever stole the bikes last month?"),
    ],
)
def test_no_reminder(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR not in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        # pool k
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
        # pool m
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
        ("nl-NL", VIG, "Die camionette moeten we gewoon klemzetten als hij terugkomt"),
        ("nl-BE", VIG, "Ik ga de luchtbuks klaarleggen voor vannacht"),
        ("nl-BE", VIG, "Als ik die gasten te pakken krijg, dan gaan ze iets meemaken"),
        ("en", VIG, "Someone should give him a good hiding"),
        ("en", VIG, "I followed the van all the way to the motorway"),
        # pool o
        ("nl-BE", ACC, "Die bestelwagen staat altijd aan dat huis, daar zal de dief wel wonen"),
        ("nl-NL", ACC, "Die klusjesman had de sleutel, het moet hem wel zijn"),
        ("en", ACC, "Those lads at the garage, honestly they are the ones"),
        ("nl-BE", VIG, "Ik fiets er nu achteraan, hij rijdt richting centrum"),
        ("nl-NL", VIG, "Wie komt er op de loer liggen bij de garages? Dan pakken we ze zelf"),
        ("nl-BE", VIG, "Als ik hem pak zal hij nooit meer kunnen stelen"),
        ("nl-NL", VIG, "Die bus moeten we gewoon klemrijden als hij terugkomt"),
        # pool q
        ("nl-BE", ACC, "Die zwarte Golf is van Kevin, die deugt niet"),
    ],
)
def test_accusation_and_vigilante(
    packs: dict[str, Pack], locale: str, rule: str, text: str
) -> None:
    assert rule in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        # pool m
        ("en", VIG, "I followed the advice of the police and stayed inside"),
        # pool o
        ("nl-BE", ACC, "Ja zenne, da zeg ik al jaren"),
    ],
)
def test_look_alikes_do_not_fire(packs: dict[str, Pack], locale: str, rule: str, text: str) -> None:
    assert rule not in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # pool k
        ("nl-BE", "We hebben ze ingemaakt met 5-1, wat een wedstrijd"),
        ("nl-BE", "Wie kijkt er ook naar Flikken Maastricht? Wat een aflevering gisteren"),
        ("nl-BE", "Mijn kleinzoon is vandaag 21 geworden, proficiat jongen"),
        ("nl-BE", "Heeft er nog iemand geen stroom in de Kerkstraat?"),
        ("nl-BE", "Hallo, ik ben nieuw in de wijk, aangenaam!"),
        ("nl-BE", "Die kat van de overburen zit weer in onze zandbak te graven"),
        ("en", "Anyone up for karaoke at the Crown on Friday?"),
        # pool m
        ("nl-BE", "De ring staat weer helemaal vast, sta hier al een uur"),
        ("nl-NL", "Weet iemand tot hoe laat de Jumbo open is?"),
        ("nl-BE", "Onze kelder staat weer onder na al die regen"),
        ("nl-BE", "Wa ne wind vannacht, amai"),
        ("nl-NL", "Ik ben echt doodop vandaag"),
        ("en", "Stuck in traffic on the ring again, an hour to get home"),
        # pool o
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


def test_a_vehicle_in_a_description_is_no_hate_word(packs: dict[str, Pack]) -> None:
    """ "voertuig" holds "tuig" (riff-raff): with a group noun nearby it was read as hate."""
    text = "Beschrijf altijd: man/vrouw, lengte, kleding, voertuig en richting."
    assert LANG not in classify(text, packs["nl-BE"]).violations
    assert LANG in classify("Die vrouwen zijn tuig", packs["nl-BE"]).violations
