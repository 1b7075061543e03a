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
