"""When a reminder fires: "elke eerste maandag om 19:00" parsed into a `Recurrence`, and its
fire times computed in the group's time zone with zoneinfo (no cron: coordinators never see
one, and APScheduler's `from_crontab` counts weekdays from Monday = 0, DESIGN §6).

DST: a local time that does not exist (spring forward, 02:30 on the last Sunday of March in
Brussels) is shifted forward by the gap (03:30); one that exists twice (fall back) fires at
its first occurrence only. `dst_notes` says so in Dutch, for the coordinator and the audit.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS_NL = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
SHORT_NL = ("ma", "di", "wo", "do", "vr", "za", "zo")
SHORT_EN = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MONTHS_NL = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")
ORDINALS_NL = {1: "eerste", 2: "tweede", 3: "derde", 4: "vierde", -1: "laatste"}
_ORDINALS = {
    "eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "laatste": -1,
    "1e": 1, "2e": 2, "3e": 3, "4e": 4,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1,
    "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
_WEEKDAYS = {
    name: i
    for names in (WEEKDAYS_NL, WEEKDAYS_EN, SHORT_NL, SHORT_EN)
    for i, name in enumerate(names)
}
_EVERY = {"elke", "iedere", "every", "each", "op"}
_AT = {"om", "at", "@"}
_MONTH_WORDS = {"van", "de", "maand", "of", "the", "month", "each", "every", "vd", "per"}
_TIME = re.compile(r"^(?P<h>\d{1,2})(?:(?:[:.]|u|h)(?P<m>\d{2}))?(?P<suffix>u|h|uur|am|pm)?$")
#: How far ahead `dst_notes` looks (a little over a year: every DST change once).
HORIZON_DAYS = 400
#: Search bound for the next/previous occurrence (a monthly one is at most ~5 weeks away).
_SEARCH_DAYS = 40


class RecurrenceError(ValueError):
    """A schedule that could not be read; the message is Dutch and says how to write it."""


@dataclass(frozen=True, slots=True)
class Recurrence:
    weekday: int  # 0 = Monday, as datetime.weekday()
    nth: int = 0  # 0: every week; 1-4: that one of the month; -1: the last of the month
    hour: int = 19
    minute: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.weekday <= 6 or self.nth not in (0, 1, 2, 3, 4, -1):
            raise RecurrenceError("ongeldige dag")
        if not (0 <= self.hour <= 23 and 0 <= self.minute <= 59):
            raise RecurrenceError("ongeldig uur: gebruik 00:00 tot 23:59")

    # -- representation ---------------------------------------------------------------------
    def to_dict(self) -> dict[str, int]:
        return {"weekday": self.weekday, "nth": self.nth, "hour": self.hour, "minute": self.minute}

    @classmethod
    def from_dict(cls, d: dict[str, int]) -> Recurrence:
        return cls(int(d["weekday"]), int(d["nth"]), int(d["hour"]), int(d["minute"]))

    @property
    def clock_time(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"

    def describe(self) -> str:
        """Dutch, the way a coordinator writes it: "elke eerste maandag om 19:00"."""
        day = WEEKDAYS_NL[self.weekday]
        which = f"{ORDINALS_NL[self.nth]} " if self.nth else ""
        return f"elke {which}{day} om {self.clock_time}"

    # -- calendar ---------------------------------------------------------------------------
    def matches(self, d: date) -> bool:
        if d.weekday() != self.weekday:
            return False
        if self.nth == 0:
            return True
        if self.nth == -1:
            return d.day + 7 > calendar.monthrange(d.year, d.month)[1]
        return (d.day - 1) // 7 + 1 == self.nth

    def at(self, d: date, tz: ZoneInfo) -> tuple[float, str]:
        """The instant of this reminder on local date `d`, and "" / "gap" / "fold"."""
        return local_instant(datetime(d.year, d.month, d.day, self.hour, self.minute), tz)

    def next_after(self, after: float, tz: ZoneInfo) -> float:
        """The first fire time strictly after `after` (epoch seconds)."""
        start = datetime.fromtimestamp(after, tz).date() - timedelta(days=1)
        for i in range(_SEARCH_DAYS):
            d = start + timedelta(days=i)
            if self.matches(d):
                ts, _ = self.at(d, tz)
                if ts > after:
                    return ts
        raise AssertionError("no occurrence within 40 days")  # pragma: no cover

    def last_at_or_before(self, when: float, tz: ZoneInfo) -> float:
        """The latest fire time at or before `when`."""
        start = datetime.fromtimestamp(when, tz).date() + timedelta(days=1)
        for i in range(_SEARCH_DAYS):
            d = start - timedelta(days=i)
            if self.matches(d):
                ts, _ = self.at(d, tz)
                if ts <= when:
                    return ts
        raise AssertionError("no occurrence within 40 days")  # pragma: no cover

    def between(self, after: float, until: float, tz: ZoneInfo) -> Iterator[float]:
        """Fire times in (after, until]."""
        ts = self.next_after(after, tz)
        while ts <= until:
            yield ts
            ts = self.next_after(ts, tz)


def local_instant(naive: datetime, tz: ZoneInfo) -> tuple[float, str]:
    """Epoch seconds of a local wall time. A time in a DST gap is shifted forward by the gap
    ("gap"); one that occurs twice resolves to its first occurrence ("fold")."""
    first = naive.replace(tzinfo=tz, fold=0)
    ts = first.timestamp()  # in a gap, fold=0 takes the offset before the change: shifted on
    if datetime.fromtimestamp(ts, tz).replace(tzinfo=None) != naive:
        return ts, "gap"
    if first.utcoffset() != naive.replace(tzinfo=tz, fold=1).utcoffset():
        return ts, "fold"
    return ts, ""


def dst_notes(rec: Recurrence, tz: ZoneInfo, now: float) -> list[str]:
    """Dutch notes for the coordinator about fire times in the coming year that a DST change
    moves (gap: shifted forward) or that exist twice (fold: first one only)."""
    notes: list[str] = []
    start = datetime.fromtimestamp(now, tz).date()
    for i in range(HORIZON_DAYS):
        d = start + timedelta(days=i)
        if not rec.matches(d):
            continue
        ts, kind = rec.at(d, tz)
        day = f"{SHORT_NL[d.weekday()]} {d.day} {MONTHS_NL[d.month - 1]} {d.year}"
        if kind == "gap":
            notes.append(
                f"Let op: {rec.clock_time} bestaat niet op {day} (de klok gaat vooruit); "
                f"die keer stuur ik om {fmt_time(ts, tz)}."
            )
        elif kind == "fold":
            notes.append(
                f"Let op: {rec.clock_time} komt twee keer voor op {day} (de klok gaat "
                "terug); ik stuur alleen de eerste keer."
            )
    return notes


def parse(text: str) -> tuple[Recurrence, str]:
    """Read a schedule at the start of `text`; return it and the rest of the text (case and
    line breaks kept). Dutch ("elke eerste maandag om 19:00", "elke vrijdag om 19u30") or
    English ("every last friday at 20:00")."""
    tokens = [(m.group(0), m.end()) for m in re.finditer(r"\S+", text)]
    i, end = 0, 0
    nth = 0
    weekday: int | None = None

    def word(j: int) -> str:
        return tokens[j][0].lower().strip(",;:") if j < len(tokens) else ""

    while word(i) in _EVERY:
        end = tokens[i][1]
        i += 1
    if word(i) in _ORDINALS:
        nth = _ORDINALS[word(i)]
        end = tokens[i][1]
        i += 1
    if word(i) in _WEEKDAYS:
        weekday = _WEEKDAYS[word(i)]
        end = tokens[i][1]
        i += 1
    else:
        raise RecurrenceError(
            "Welke dag? Schrijf bv. 'elke maandag om 19:00' of 'elke eerste maandag om 19:00'."
        )
    if nth:
        while word(i) in _MONTH_WORDS and word(i) not in _AT:
            end = tokens[i][1]
            i += 1
    if word(i) in _AT:
        end = tokens[i][1]
        i += 1
    m = _TIME.match(word(i))
    if not m:
        raise RecurrenceError("Hoe laat? Schrijf bv. 'om 19:00', 'om 19u' of 'om 19u30'.")
    end = tokens[i][1]
    i += 1
    hour, minute = int(m["h"]), int(m["m"] or 0)
    suffix = m["suffix"] or ""
    if suffix in ("am", "pm"):
        if not 1 <= hour <= 12:
            raise RecurrenceError("ongeldig uur: gebruik 00:00 tot 23:59")
        hour = hour % 12 + (12 if suffix == "pm" else 0)
    if word(i) in ("uur", "u"):
        end = tokens[i][1]
    rec = Recurrence(weekday, nth, hour, minute)
    rest = text[end:].strip().lstrip(":—–-").strip()
    return rec, rest


def parse_exact(text: str) -> Recurrence:
    """A schedule and nothing else (the CLI)."""
    rec, rest = parse(text)
    if rest:
        raise RecurrenceError(f"onverwacht na het schema: {rest!r}")
    return rec


def fmt_time(ts: float, tz: ZoneInfo) -> str:
    return datetime.fromtimestamp(ts, tz).strftime("%H:%M")


def fmt_local(ts: float, tz: ZoneInfo) -> str:
    """A Dutch short date and time: "ma 5 jan 19:00"."""
    d = datetime.fromtimestamp(ts, tz)
    return f"{SHORT_NL[d.weekday()]} {d.day} {MONTHS_NL[d.month - 1]} {d:%H:%M}"
