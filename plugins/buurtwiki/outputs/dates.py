"""Dutch dates and durations, with babel."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date, format_datetime, format_timedelta

from ..model.dates import as_date

LOCALE = "nl_NL"


def _as_date(value: dt.date | dt.datetime) -> dt.date:
    day = as_date(value)
    if day is None:  # pragma: no cover - callers pass dates
        raise TypeError(value)
    return day


def long_date(value: dt.date | dt.datetime | None) -> str:
    """``13 april 2019``"""
    return format_date(_as_date(value), format="d MMMM y", locale=LOCALE) if value else ""


def weekday_date(value: dt.date | dt.datetime | None) -> str:
    """``zaterdag 13 april 2019``"""
    return format_date(_as_date(value), format="EEEE d MMMM y", locale=LOCALE) if value else ""


def date_time(value: dt.date | dt.datetime | None) -> str:
    """``zaterdag 13 april 2019, 10:00`` or a date without time."""
    if value is None:
        return ""
    if not isinstance(value, dt.datetime):
        return weekday_date(value)
    return format_datetime(value, format="EEEE d MMMM y, HH:mm", locale=LOCALE)


def ago(value: dt.date | dt.datetime | None, today: dt.date) -> str:
    """``3 dagen geleden``, ``vandaag``."""
    if value is None:
        return ""
    days = (today - _as_date(value)).days
    if days == 0:
        return "vandaag"
    if days == 1:
        return "gisteren"
    if days < 0:
        return "over " + format_timedelta(dt.timedelta(days=-days), locale=LOCALE, threshold=1.1)
    return format_timedelta(dt.timedelta(days=days), locale=LOCALE, threshold=1.1) + " geleden"


def days_word(n: int) -> str:
    return f"{n} dag" if n == 1 else f"{n} dagen"
