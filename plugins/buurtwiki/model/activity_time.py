"""When an activity happens and when it is over: one rule for cards, calendars and "Binnenkort"."""

from __future__ import annotations

import datetime as dt
from typing import Any

from .dates import as_date

START, END, REPEAT, REPEAT_UNTIL, PLACE, ORGANISER = "start", "einde", "herhaling", "herhaling_tot", "plek", "organisator"
PAST = "geweest"  # what a past activity reads instead of its status
PAST_LABEL = "geweest"


def has_time(data: dict[str, Any]) -> bool:
    """True for a thing with a start moment (an activity)."""
    return as_date(data.get(START)) is not None


def last_day(data: dict[str, Any]) -> dt.date | None:
    """The last day it happens: the end (or start) of a one-off, ``herhaling_tot`` of a repeat;
    None for a repeat without end."""
    if data.get(REPEAT):
        return as_date(data.get(REPEAT_UNTIL))
    return as_date(data.get(END)) or as_date(data.get(START))


def is_past(data: dict[str, Any], today: dt.date) -> bool:
    """True when an activity lies wholly before ``today`` (it is then "geweest", never "gepland")."""
    if not has_time(data):
        return False
    day = last_day(data)
    return day is not None and day < today
