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


def _why_not(raw: str, with_time: bool) -> str:
    """Why ``raw`` is not a date in the accepted form, with the closest valid value."""
    want = "een datum als 2019-04-13" + (" of een tijdstip als 2026-12-01 19:30" if with_time else "")
    match = _LOOSE.fullmatch(raw)
    if not match or (match.group(4) is not None and not with_time):
        return f"verwacht {want}, maar vond '{shown(raw)}'."
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
