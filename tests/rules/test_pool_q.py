"""Forms found missing in blind pool q (session 5, the 101 rule), in other words than the
pool's."""

from __future__ import annotations

import pytest

from rules import Pack, classify

SAAR = "saar.police_first"


@pytest.mark.parametrize(
    ("locale", "text", "called"),
    [
        ("nl-BE", "Twee gasten met bivakmutsen aan de kerk, de meldkamer weet ervan", True),
        ("nl-BE", "Man trekt aan autodeuren, de combi stopte net bij hem", True),
        ("en", "Van with no plates outside no. 4, the police already know", True),
        ("nl-BE", "Een manneke is aan't rondrijden langs de garages in de Beekstraat", False),
        ("nl-NL", "Er lopen nep-monteurs rond in de wijk, twee mannen in oranje hesjes", False),
        ("nl-NL", "Een grijze Opel stopt bij elk huis in de Meidoornlaan", False),
        ("en", "Man in a balaclava at the back of the garages", False),
        ("en", "A woman collecting for charity, no ID badge, very pushy", False),
    ],
)
def test_reports_and_called(packs: dict[str, Pack], locale: str, text: str, called: bool) -> None:
    v = classify(text, packs[locale])
    assert v.is_report and v.police_called is called
    assert (SAAR in v.violations) is not called


@pytest.mark.parametrize(
    ("locale", "text"),
    [
        ("nl-NL", "Van de politie: er bellen nepagenten over uw bankrekening, hang op"),
        ("nl-BE", "Moet je bij een verdachte wagen eigenlijk 101 of 112 bellen?"),
        ("en", "Sorry, that was me in the garden with a torch last night"),
        ("en", "Did they ever catch whoever stole the bikes last month?"),
    ],
)
def test_no_report(packs: dict[str, Pack], locale: str, text: str) -> None:
    assert SAAR not in classify(text, packs[locale]).violations


def test_a_plain_insinuation(packs: dict[str, Pack]) -> None:
    v = classify("Die zwarte Golf is van Kevin, die deugt niet", packs["nl-BE"])
    assert "conduct.accusation" in v.violations
