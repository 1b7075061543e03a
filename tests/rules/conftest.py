from __future__ import annotations

import pytest

from rules import Pack, load_pack


@pytest.fixture(scope="session")
def be() -> Pack:
    return load_pack("nl-BE")


@pytest.fixture(scope="session")
def nl() -> Pack:
    return load_pack("nl-NL")


@pytest.fixture(scope="session")
def en() -> Pack:
    return load_pack("en")


@pytest.fixture(scope="session")
def packs(be: Pack, nl: Pack, en: Pack) -> dict[str, Pack]:
    """The shipped packs by locale, for tests parametrised over locales."""
    return {"nl-BE": be, "nl-NL": nl, "en": en}
