"""A bounded memo of a function of one token, for the per-message loops of the classifier."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

_V = TypeVar("_V")
MEMO_MAX = 100_000


class TokenMemo(dict[str, _V]):
    """token -> ``fn(token)``, computed on first sight; emptied when it grows too big
    (unique tokens such as numbers would otherwise pile up).  Known tokens cost one C-level
    dict lookup, e.g. ``map(memo.__getitem__, tokens)``."""

    def __init__(self, fn: Callable[[str], _V]) -> None:
        super().__init__()
        self._fn = fn

    def __missing__(self, token: str) -> _V:
        if len(self) >= MEMO_MAX:
            self.clear()
        self[token] = value = self._fn(token)
        return value
