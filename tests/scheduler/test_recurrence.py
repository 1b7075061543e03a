"""Reading schedules and computing fire times in the group's time zone (no Redis)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from bot.recurrence import Recurrence, RecurrenceError, dst_notes, fmt_local, parse, parse_exact

BXL = ZoneInfo("Europe/Brussels")


def utc(*args: int) -> float:
    return datetime(*args, tzinfo=UTC).timestamp()


@pytest.mark.parametrize(
    ("phrase", "weekday", "nth", "hm", "rest"),
    [
        ("elke maandag om 19:00", 0, 0, (19, 0), ""),
        ("elke eerste maandag om 19:00", 0, 1, (19, 0), ""),
        ("elke laatste vrijdag om 20:00", 4, -1, (20, 0), ""),
        ("iedere derde woensdag om 19u", 2, 3, (19, 0), ""),
        ("elke tweede dinsdag van de maand om 19u30 regels", 1, 2, (19, 30), "regels"),
        (
            "elke zondag 7.45: Bel eerst 101!\nEn dan pas hier.",
            6,
            0,
            (7, 45),
            "Bel eerst 101!\nEn dan pas hier.",
        ),
        ("elke vierde zaterdag om 10 uur Tekst", 5, 4, (10, 0), "Tekst"),
        ("every last friday at 8pm", 4, -1, (20, 0), ""),
        ("every first Monday at 19:00", 0, 1, (19, 0), ""),
    ],
)
def test_dutch_and_english_phrases(
    phrase: str, weekday: int, nth: int, hm: tuple[int, int], rest: str
) -> None:
    rec, left = parse(phrase)
    assert (rec.weekday, rec.nth, rec.hour, rec.minute) == (weekday, nth, *hm)
    assert left == rest
    # what a coordinator reads back parses to the same schedule
    assert parse_exact(rec.describe()) == rec


@pytest.mark.parametrize(
    ("phrase", "says"),
    [
        ("morgen om 19:00", "Welke dag"),
        ("elke maandag", "Hoe laat"),
        ("elke maandag om 25:00", "ongeldig uur"),
        ("elke maandag om 19:75", "ongeldig uur"),
        ("elke maandag om halfacht", "Hoe laat"),
        ("", "Welke dag"),
    ],
)
def test_unreadable_schedules_say_how_to_write_them(phrase: str, says: str) -> None:
    with pytest.raises(RecurrenceError, match=says):
        parse(phrase)
    with pytest.raises(RecurrenceError, match="onverwacht"):
        parse_exact("elke maandag om 19:00 en nog wat")


def test_first_monday_is_a_monday_in_every_month_of_2026_and_2027() -> None:
    rec = parse_exact("elke eerste maandag om 19:00")
    for year in (2026, 2027):
        for month in range(1, 13):
            start = datetime(year, month, 1, tzinfo=BXL).timestamp() - 1
            fired = datetime.fromtimestamp(rec.next_after(start, BXL), BXL)
            assert (fired.year, fired.month) == (year, month)
            assert fired.weekday() == calendar.MONDAY and fired.day <= 7
            assert (fired.hour, fired.minute) == (19, 0)
            # and no earlier Monday in that month
            assert all(
                date(year, month, d).weekday() != calendar.MONDAY for d in range(1, fired.day)
            )


def test_last_friday_and_nth_weekday_of_each_month() -> None:
    last = parse_exact("elke laatste vrijdag om 20:00")
    third = parse_exact("elke derde woensdag om 19:00")
    for month in range(1, 13):
        start = datetime(2026, month, 1, tzinfo=BXL).timestamp() - 1
        f = datetime.fromtimestamp(last.next_after(start, BXL), BXL)
        days = calendar.monthrange(2026, month)[1]
        assert f.month == month and f.weekday() == calendar.FRIDAY and f.day + 7 > days
        w = datetime.fromtimestamp(third.next_after(start, BXL), BXL)
        assert w.weekday() == calendar.WEDNESDAY and 15 <= w.day <= 21


def test_weekly_fires_every_seven_days_in_local_time_across_dst() -> None:
    rec = parse_exact("elke maandag om 19:00")
    fires = list(rec.between(utc(2026, 3, 1), utc(2026, 11, 30), BXL))
    assert all(datetime.fromtimestamp(f, BXL).strftime("%a %H:%M") == "Mon 19:00" for f in fires)
    # spring: 19:00 CET = 18:00Z, then 19:00 CEST = 17:00Z; autumn back to 18:00Z
    assert utc(2026, 3, 23, 18) in fires and utc(2026, 3, 30, 17) in fires
    assert utc(2026, 10, 19, 17) in fires and utc(2026, 10, 26, 18) in fires


def test_spring_forward_shifts_a_missing_time_by_the_gap() -> None:
    rec = parse_exact("elke zondag om 02:30")
    fires = list(rec.between(utc(2026, 3, 20), utc(2026, 4, 6), BXL))
    # 22 Mar 02:30 CET; 29 Mar 02:30 does not exist -> 03:30 CEST (01:30Z); 5 Apr 02:30 CEST
    assert fires == [utc(2026, 3, 22, 1, 30), utc(2026, 3, 29, 1, 30), utc(2026, 4, 5, 0, 30)]
    assert fmt_local(fires[1], BXL) == "zo 29 mrt 03:30"


def test_fall_back_fires_an_ambiguous_time_once_at_its_first_occurrence() -> None:
    rec = parse_exact("elke zondag om 02:30")
    fires = list(rec.between(utc(2026, 10, 17), utc(2026, 11, 2), BXL))
    # 25 Oct 02:30 exists at 00:30Z (CEST) and 01:30Z (CET): only the first
    assert fires == [utc(2026, 10, 18, 0, 30), utc(2026, 10, 25, 0, 30), utc(2026, 11, 1, 1, 30)]


def test_the_coordinator_is_told_about_dst_dates_only_when_they_apply() -> None:
    now = utc(2026, 1, 1)
    notes = dst_notes(parse_exact("elke zondag om 02:30"), BXL, now)
    assert any("bestaat niet op zo 29 mrt 2026" in n and "03:30" in n for n in notes)
    assert any("twee keer voor op zo 25 okt 2026" in n and "eerste keer" in n for n in notes)
    assert dst_notes(parse_exact("elke maandag om 02:30"), BXL, now) == []
    assert dst_notes(parse_exact("elke zondag om 19:00"), BXL, now) == []
    # the last Sunday of the month hits both changes; the first Sunday never does
    assert len(dst_notes(parse_exact("elke laatste zondag om 02:15"), BXL, now)) == 2
    assert dst_notes(parse_exact("elke eerste zondag om 02:15"), BXL, now) == []


def test_last_occurrence_at_or_before() -> None:
    rec = Recurrence(weekday=0, nth=1, hour=19)
    t = rec.last_at_or_before(utc(2026, 3, 1), BXL)
    assert datetime.fromtimestamp(t, BXL) == datetime(2026, 2, 2, 19, tzinfo=BXL)
    assert rec.last_at_or_before(t, BXL) == t
