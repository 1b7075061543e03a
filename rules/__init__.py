"""buurtbot rule packs and the pure classifier that reads them.

No I/O beyond reading the shipped pack files, no third-party imports.
"""

from __future__ import annotations

from .classify import classify
from .model import LOCALES, RULE_IDS, SLOTS, Finding, Hint, PackError, Verdict
from .pack import Pack, load_pack, load_pack_file, validate_overrides

__all__ = [
    "LOCALES",
    "RULE_IDS",
    "SLOTS",
    "Finding",
    "Hint",
    "Pack",
    "PackError",
    "Verdict",
    "classify",
    "load_pack",
    "load_pack_file",
    "validate_overrides",
]
