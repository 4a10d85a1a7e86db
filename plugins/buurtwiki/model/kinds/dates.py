"""Dates (``2019-04-13``, also ``2019-4-3``) and local date-times (``2026-12-01 19:30``)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

import yaml

from .base import FieldError, Kind, anchored, line_of, scalar, shown

MONTHS = "januari februari maart april mei juni juli augustus september oktober november december"
MIN_YEAR, MAX_YEAR = 1500, 2200  # dates of a neighbourhood; outside this a date is a typo

# The accepted form, shared by parser and schema: a year 1500-2200, month 1-12, day 1-31 (one or
# two digits), and for a date-time an optional time 0:00-23:59 with optional seconds.
_YEAR_TEXT = r"1[5-9][0-9]{2}|2[01][0-9]{2}|2200"
DATE_TEXT = rf"(?:{_YEAR_TEXT})-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12][0-9]|3[01])"
TIME_TEXT = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?"
DATETIME_TEXT = rf"{DATE_TEXT}(?:[ T]{TIME_TEXT})?"
_FORMS = {False: re.compile(DATE_TEXT), True: re.compile(DATETIME_TEXT)}

# A looser reading, only to explain what is wrong with a value that is not in the form.
_LOOSE = re.compile(r"([0-9]{1,6})-([0-9]{1,2})-([0-9]{1,2})(?:[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?)?")


def _date_parts(raw: str, node: yaml.Node, name: str, with_time: bool) -> dt.date | dt.datetime:
    line = line_of(node)
    if not _FORMS[with_time].fullmatch(raw):
        raise FieldError(f"veld '{name}': {_why_not(raw, with_time)}", line)
    match = _LOOSE.fullmatch(raw)
    assert match is not None  # the form is a narrower reading of the same shape
    year, month, day = (int(g) for g in match.groups()[:3])
    if day > calendar.monthrange(year, month)[1]:  # the one check JSON Schema cannot make
        raise FieldError(f"veld '{name}': {_past_month_end(raw, year, month)}", line)
    if match.group(4) is None:
        return dt.date(year, month, day)
    return dt.datetime(year, month, day, int(match.group(4)), int(match.group(5)))


def _past_month_end(raw: str, year: int, month: int) -> str:
    last = calendar.monthrange(year, month)[1]
    return (
        f"'{shown(raw)}' is geen bestaande datum: {MONTHS.split()[month - 1]} {year} heeft {last} dagen. "
        f"Bedoel je {year}-{month:02d}-{last:02d}?"
    )


# Dates as people write them elsewhere, only to suggest the form: 13-04-2019, 13/4/2019, 2019/04/13,
# 13 april 2019, each with an optional time. Bounded: no nested repetition, at most 60 characters.
_DAY_FIRST = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
_YEAR_FIRST = re.compile(r"([0-9]{4})[/.]([0-9]{1,2})[/.]([0-9]{1,2})")
_WORDS = re.compile(r"([0-9]{1,2}) ([a-z]{3,9})\.? ([0-9]{4})")
_TIME = re.compile(r"(?:,? (?:om )?([0-9]{1,2})[:.]([0-9]{2})(?: uur)?)?")


def _other_form(raw: str, with_time: bool) -> str | None:
    """The value in the accepted form, when ``raw`` is a date written another common way."""
    text = raw.strip().lower()[:60]
    for pattern, order in ((_DAY_FIRST, (2, 1, 0)), (_YEAR_FIRST, (0, 1, 2)), (_WORDS, (2, 1, 0))):
        match = pattern.match(text)
        if match is None:
            continue
        time = _TIME.fullmatch(text[match.end():])
        if time is None:
            return None
        parts = match.groups()
        year_text, month_text, day_text = (parts[i] for i in order)
        names = MONTHS.split()
        month = int(month_text) if month_text.isdigit() else next(
            (i + 1 for i, m in enumerate(names) if len(month_text) >= 3 and m.startswith(month_text)), None)
        year, day = int(year_text), int(day_text)
        if month is None or not 1 <= month <= 12 or not MIN_YEAR <= year <= MAX_YEAR:
            return None
        if not 1 <= day <= calendar.monthrange(year, month)[1]:
            return None
        out = f"{year}-{month:02d}-{day:02d}"
        if with_time and time.group(1) is not None and int(time.group(1)) < 24:
            out += f" {int(time.group(1)):02d}:{time.group(2)}"
        return out
    return None


def _why_not(raw: str, with_time: bool) -> str:
    """Why ``raw`` is not a date in the accepted form, with the closest valid value."""
    want = "een datum als 2019-04-13" + (" of een tijdstip als 2026-12-01 19:30" if with_time else "")
    match = _LOOSE.fullmatch(raw)
    if not match or (match.group(4) is not None and not with_time):
        other = _other_form(raw, with_time)
        return f"verwacht {want}, maar vond '{shown(raw)}'." + (f" Bedoel je {other}?" if other else "")
    year, month, day = (int(g) for g in match.groups()[:3])
    if len(match.group(1)) != 4 or not MIN_YEAR <= year <= MAX_YEAR:
        nearest = f"{MIN_YEAR}-01-01" if year < MIN_YEAR else f"{MAX_YEAR}-12-31"
        return (
            f"'{shown(raw)}' kan niet: jaar {match.group(1)} valt buiten de toegestane jaren {MIN_YEAR} tot en met {MAX_YEAR}. "
            f"Bedoel je {nearest}?"
        )
    if not 1 <= month <= 12:
        hint = f" Bedoel je {year}-{day:02d}-{month:02d}?" if 1 <= day <= 12 else ""
        return (
            f"'{shown(raw)}' is geen bestaande datum: maand {month} bestaat niet "
            f"(een maand is 01 tot en met 12; schrijf jaar-maand-dag).{hint}"
        )
    if day < 1:
        return (
            f"'{shown(raw)}' is geen bestaande datum: dag {day} bestaat niet (een dag begint bij 01). "
            f"Bedoel je {year}-{month:02d}-01?"
        )
    if day > 31:
        return _past_month_end(raw, year, month)
    return f"'{shown(raw)}' heeft geen bestaande tijd; een tijd loopt van 00:00 tot 23:59."


@dataclass
class Date(Kind):
    """A date ``jjjj-m-d`` with one or two digits for month and day.

    Schema: a string with the pattern ``DATE_TEXT`` (no ``format: date``, which demands two digits).
    Parser-only: that the day exists in that month (2019-02-30, 2019-04-31).
    """

    def parse(self, node: yaml.Node, name: str) -> dt.date | dt.datetime:
        return _date_parts(scalar(node, name, "een datum"), node, name, with_time=False)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": anchored(DATE_TEXT)}

    def example(self) -> str:
        return "2026-01-31"

    def words(self) -> str:
        return "een datum (jjjj-mm-dd)"


@dataclass
class DateTime(Kind):
    """A local date-time (site time zone) or a date; seconds are read and dropped.

    Schema: a string with the pattern ``DATETIME_TEXT``. Parser-only: the day exists in that month.
    """

    def parse(self, node: yaml.Node, name: str) -> dt.date | dt.datetime:
        return _date_parts(scalar(node, name, "een datum"), node, name, with_time=True)

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": anchored(DATETIME_TEXT)}

    def example(self) -> str:
        return "2026-12-01 19:30"

    def words(self) -> str:
        return "een datum met tijd (jjjj-mm-dd uu:mm)"
