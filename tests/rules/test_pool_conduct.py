"""conduct.accusation, conduct.vigilante and conduct.confidentiality: general forms the
blind pools showed were missed (a pointer after the accusation, chasing and confronting in
the first person, sharing to other groups and the press), and the innocent look-alikes
they must not hit (a victim's house number, false alarms, visits, sharing with the police).
"""

from __future__ import annotations

import pytest

from rules import Pack, classify

ACC = "conduct.accusation"
VIG = "conduct.vigilante"
CONF = "conduct.confidentiality"


@pytest.mark.parametrize(
    ("locale", "rule", "text"),
    [
        # accusation: the copula before the pointer, the pointer as agent, insinuation
        ("nl-BE", ACC, "tis zeker die van nr 12, die loopt hier altijd rond"),
        ("nl-BE", ACC, "Dat is die zoon van de Peeters, zeker weten"),
        ("nl-BE", ACC, "die gasten van het jeugdhuis waren het, wie anders"),
        ("nl-BE", ACC, "die fiets is gejat door die gast van de overkant"),
        ("nl-BE", ACC, "kweet wie het gedaan heeft"),
        ("nl-BE", ACC, "Ik wil niemand beschuldigen, maar de familie op de hoek is raar"),
        ("nl-BE", ACC, "die van nr 14 hebben daar zeker iets mee te maken"),
        ("nl-BE", ACC, "tis zeker jens van nummer 5 weer"),
        ("nl-NL", ACC, "Let op voor die jongen van de overkant, die steelt fietsen."),
        ("nl-NL", ACC, "Ik heb hem herkend op de beelden: het is Dennis, hij woont verderop."),
        ("en", ACC, "It's definitely the lads from the estate again"),
        ("nl-BE", VIG, "Er loopt iemand door de tuinen, ik ga er met de hond achter."),
        ("nl-BE", VIG, "Die dief is over de haag gesprongen, ik ben hem achterna gelopen."),
        ("en", ACC, "Recognised him on the doorbell cam, it's Jason from the flats"),
        ("en", ACC, "I'm not accusing anyone but the family at the end has a new telly"),
        # vigilante: chasing, going to his door, beatings, dogs, armed and waiting
        ("nl-BE", VIG, "ik rij ze achterna, 101 is gebeld"),
        ("nl-BE", VIG, "die moeten ze een goeie pak slaag geven"),
        ("nl-BE", VIG, "als hij nog eens komt zal hij het weten"),
        ("nl-BE", VIG, "laat de hond los op die gasten"),
        ("nl-BE", VIG, "ik ga morgen zelf eens aanbellen bij hem"),
        ("nl-BE", VIG, "we gaan eens bij hem langs, dan is het snel gedaan"),
        ("nl-BE", VIG, "als kik hem tegenkom sla ik zn tanden uit zn mond"),
        ("nl-BE", VIG, "Ik sta al klaar achter de deur met mijn honkbalknuppel."),
        ("nl-BE", VIG, "Ik heb hem een klap gegeven en hij is gaan lopen."),
        ("nl-NL", VIG, "Mijn man is erachteraan gerend tot aan het kanaal."),
        ("nl-NL", VIG, "Tijd dat we het heft in eigen handen nemen."),
        ("nl-NL", VIG, "Zulk tuig moet je gewoon afknallen."),
        ("nl-BE", VIG, "Wie gaat er vannacht mee op ronde in de wijk?"),
        ("en", VIG, "I chased them down the road and cornered them by the garages"),
        ("en", VIG, "I'll be waiting for them with my cricket bat tonight."),
        ("en", VIG, "Time we took matters into our own hands."),
        # confidentiality: clitic 'k', other groups, permission given, the press, going viral
        ("nl-BE", CONF, "kpost dit op insta"),
        ("nl-BE", CONF, "heb het doorgestuurd naar de groep van de turnclub"),
        ("nl-BE", CONF, "ge moogt dit gerust delen"),
        ("nl-BE", CONF, "De krant gaat dit interessant vinden, ik heb ze gemaild"),
        ("nl-BE", CONF, "Ik heb het ook in de buurtgroep van Kessel-Lo gezet."),
        ("nl-NL", CONF, "Laten we dit viraal laten gaan!"),
        ("nl-BE", CONF, "Dit moet op Facebook, iedereen moet dat zien."),
        ("en", CONF, "Screenshot sent to the local paper"),
        ("en", CONF, "Sent it to my family group chat as well."),
    ],
)
def test_pool_forms_fire(packs: dict[str, Pack], locale: str, rule: str, text: str) -> None:
    assert rule in classify(text, packs[locale]).violations


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        # the victim's house number, a false alarm, a witness, a service provider
        ("nl-BE", "Bij nr 5 is een inbreker binnen geweest vannacht, politie is ter plaatse."),
        ("nl-BE", "Dat was de auto van de buurman, die is gewoon thuisgekomen."),
        ("nl-BE", "Het was gewoon de zoon van de buren die zijn sleutel kwijt was."),
        ("nl-BE", "Loos alarm, het was die van de post, hij bracht een pakje."),
        ("nl-BE", "Mijn buurman zag twee mannen bij nr 8 inbreken, 101 gebeld."),
        ("nl-NL", "Die mannen van de gemeente waren het, ze kwamen de lantaarnpaal repareren."),
        ("nl-BE", "Ik heb hem herkend op de beelden, het is een jongen van een jaar of 16."),
        ("en", "Hi all, it's Sarah from number 12, has anyone seen my cat?"),
        ("en", "It was the cat from next door, false alarm."),
        # advice not to act, follow-ups, visits, describing an armed suspect
        ("nl-BE", "maar nie zelf beginnen speuren of achtervolgen, bel 101"),
        ("nl-BE", "Niet zelf achter hem aan gaan, bel 101."),
        ("nl-NL", "Ik ben erachteraan gegaan bij de gemeente, de lamp wordt gerepareerd."),
        ("nl-BE", "Ik ga morgen bij haar langs om te helpen met de deur."),
        ("nl-BE", "Ik zag een man met een mes bij de bushalte staan, 101 gebeld."),
        ("nl-BE", "Er loopt een hond los in de Kerkstraat, van wie is die?"),
        ("nl-BE", "Vraag het aan de buren, zullen ze het wel weten."),
        ("en", "A man was standing outside with a knife, police called."),
        ("en", "I followed the instructions from the police and stayed inside."),
        # sharing with the police, asking permission, this group
        ("nl-BE", "Deel dit met de politie, niet op facebook."),
        ("nl-BE", "Jullie mogen de beelden altijd delen met de politie."),
        ("nl-BE", "Mag ik dit delen op facebook?"),
        ("nl-BE", "Hier een screenshot van mijn camera, 101 is verwittigd."),
        ("nl-BE", "De krant heeft me gebeld voor een interview."),
        ("en", "I posted it in the group earlier, see above."),
        ("en", "I sent the footage to the police and they are looking into it."),
        # chasing a pet that ran off, beating a team, the bus, watching from inside
        ("nl-BE", "Onze hond was ontsnapt, ik ben hem tot aan de kerk achterna gelopen."),
        ("nl-BE", "Zondag pakken we ze in de derby, iedereen welkom om te supporteren!"),
        ("nl-BE", "Ik ben de bus nog achterna gelopen maar hij reed net weg."),
        ("en", "My cat got out last night and I chased her round three gardens."),
        ("en", "Called 101, I'm following him from my bedroom window, not going out."),
    ],
)
def test_pool_look_alikes_pass(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert not {ACC, VIG, CONF} & set(classify(text, packs[locale]).violations)
