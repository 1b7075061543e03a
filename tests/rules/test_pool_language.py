"""conduct.off_topic and conduct.language: general fixes from the pool dev sets (a, b).

Off-topic by category (politics, lost and found pets and things, municipal news, asking the
group for a recommendation, clubs and wishes), never for a message that speaks of the police
or reassures about a suspicion; language for insults asked as a question, vermin words for
the people of a shelter, reader-aimed insults in English, and no longer for medical compounds
of "kanker" or "jaknikker".
"""

from __future__ import annotations

import pytest

from rules import Pack, classify

LANG = "conduct.language"
OFF = "conduct.off_topic"


def rules(text: str, pack: Pack) -> tuple[str, ...]:
    return classify(text, pack).violations


@pytest.mark.parametrize(
    "text",
    [
        # politics
        "Vergeet niet te gaan stemmen zondag!",
        "De gemeenteraadsverkiezingen komen eraan, denk goed na",
        "Denk eens goed na voor wie ge volgende maand gaat stemmen",
        # lost and found pets and things
        "Heeft iemand een grijze kater gezien? Hij luistert naar Felix",
        "Er zit een zwart katje op onze vensterbank, van wie is het?",
        "Een jongen vond mijn portefeuille en bracht hem terug",
        # invitations, clubs, wishes
        "Zondag is er yoga in het buurthuis",
        "Wie gaat er mee naar het optreden in het park zaterdag?",
        "Volgende week is er een communiefeest bij ons in de zaal",
        "Een gezond 2026 voor jullie allemaal!",
        # municipal news, shops, asking the group
        "Het oud papier wordt pas donderdag opgehaald",
        "Het water is afgesloten tussen 9u en 12u wegens werken",
        "Er is een nieuwe frituur op het dorpsplein, echt lekker",
        "Weet iemand een goede kinesist in de buurt?",
        "Heeft er iemand nog dozen over voor een verhuis?",
        "Ik verhuur mijn garage, 60 euro per maand",
        "Er loopt al de hele week een egel door onze tuin 🦔",
        "Danku",
        "Beterschap aan Jan van nummer 4!",
        "Innige deelneming aan de familie Peeters",
        "Fijne jaarwisseling allemaal",
    ],
)
def test_off_topic_nl(text: str, be: Pack) -> None:
    assert rules(text, be) == (OFF,)


@pytest.mark.parametrize(
    "text",
    [
        "Gaan jullie ook stemmen woensdag?",
        "Wie heeft er nog een kinderfietsje over?",
        "Heeft iemand een pakketje voor nummer 14 aangenomen?",
        "Bij ons is de stroom uitgevallen, bij jullie ook?",
    ],
)
def test_off_topic_nl_nl(text: str, nl: Pack) -> None:
    assert rules(text, nl) == (OFF,)


@pytest.mark.parametrize(
    "text",
    [
        "Has anyone seen our cat Bella? She hasn't come home since Sunday",
        "Our parrot escaped this morning, he's green and talks a lot",
        "Our rabbit got out of the hutch last night. Reward offered!",
        "Found a set of keys outside the post office, message me",
        "Don't forget to vote on Thursday",
        "Anyone know a good plumber?",
        "Bins are being collected a day late this week",
        "The council has finally fixed the potholes on Church Lane",
        "Morning all ☀️",
        "Welcome to the new family at number 12!",
        "Free sofa, needs collecting by Saturday",
        "Just been to the new bakery on the high street",
        "Book club meets Tuesday at mine",
        "Lovely evening at the village hall, highly recommend the curry night",
        "Merry Xmas all",
        "Get well soon Pat, thinking of you",
        "Join us for mince pies on Sunday",
    ],
)
def test_off_topic_en(text: str, en: Pack) -> None:
    assert rules(text, en) == (OFF,)


@pytest.mark.parametrize(
    "text",
    [
        # the police, an arrest or an emergency number: about safety, never chatter
        "hoera!! de politie heeft ze opgepakt 🎉 merci aan iedereen",
        "Hoera, ze zijn aangehouden! Dank aan iedereen die opgelet heeft",
        # reassurance about a suspicion
        "Die bestelwagen is van het feest in de zaal hiernaast, geen paniek",
        "Vals alarm, het was de kat van de buren",
        # "zijn ze weg" is the suspects, not the dog
        "Zet de hond los als ge ze ziet, dan zijn ze direct weg",
        # coordinator statements about the group
        "Iedereen is welkom in deze buurtgroep zolang je de regels volgt.",
        # stemmen = voices; an organisation found online
        "Ik hoorde stemmen achter het huis om 3u, iemand anders ook?",
        "Kijk wat ik gevonden heb op Insta over de nieuwe camera's",
    ],
)
def test_not_off_topic_nl(text: str, be: Pack) -> None:
    assert OFF not in rules(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "Has anyone rung 101? The pharmacy alarm has been going for 15 minutes",
        "Police arrested two lads at the bus stop, well done everyone",
        "False alarm, the bakery van was just the delivery",
    ],
)
def test_not_off_topic_en(text: str, en: Pack) -> None:
    assert OFF not in rules(text, en)


@pytest.mark.parametrize(
    "text",
    [
        "ZIJT GE NU ECHT ZO DOM OF WAT? 101 staat in de regels",
        "Zijt ge nu echt zo stom?",
        "Zijn jullie eigenlijk helemaal gestoord?",
        "hoe dom kan je zijn",
        "Die parasieten uit het asielcentrum, tis altijd hetzelfde",
        "Ge moogt die kakkerlakken van de opvang allemaal buiten smijten",
        "Die Roemenen moogt ge allemaal buitenschoppen",
        "Ga terug naar waar je vandaan komt",
        "Doe normaal, eikel",
        "Hou uw bakkes, niemand vroeg uw mening",
        "Dat straattuig hangt weer aan het station",
        "Het is weer zo'n marginaal die daar rondhangt",
    ],
)
def test_language_nl(text: str, be: Pack) -> None:
    assert LANG in rules(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "are you really that thick?",
        "you're so stupid",
        "how dumb can you be",
        "Bloody scrotes nicked my bike again",
        "Utter bollocks, the council never comes",
        "Go back to where you came from",
    ],
)
def test_language_en(text: str, en: Pack) -> None:
    assert LANG in rules(text, en)


@pytest.mark.parametrize(
    "text",
    [
        "Opgelet: valse collectanten vragen geld voor de kankerstichting, 101 gebeld",
        "Steun de kankerliga, de wafelverkoop is zaterdag",
        "Mijn buurman is een jaknikker, maar wel een lieve man",
        "Ben je dom genoeg om je deur open te laten, dan nodig je ze uit",
        "Die ratten van de zolder knagen aan de kabels",
        "Ik raapte kastanjes, eikels",
        "De asbak stond nog buiten",
        "Het verschil is marginaal",
        "Merci, vent",
    ],
)
def test_language_quiet_nl(text: str, be: Pack) -> None:
    assert LANG not in rules(text, be)


@pytest.mark.parametrize(
    "text",
    [
        "if you are stupid enough to leave it unlocked, they will take it",
        "Two men on a scooter, one in a black coat, took off towards the park",
    ],
)
def test_language_quiet_en(text: str, en: Pack) -> None:
    assert LANG not in rules(text, en)
