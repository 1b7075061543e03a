"""Injected time (DESIGN §8.6): all logic asks a clock; tests move a manual one, never sleep."""

from __future__ import annotations

import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the epoch."""
        ...


class SystemClock:
    def now(self) -> float:
        return time.time()


class ManualClock:
    """A clock that only moves when told to (tests, the demo's `# +10m`)."""

    def __init__(self, start: float = 1_767_258_000.0) -> None:  # 2026-01-01 09:00 Brussels
        self._now = start

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock only moves forward")
        self._now += seconds

    def set(self, when: float) -> None:
        self._now = when
