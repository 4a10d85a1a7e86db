"""Date arithmetic shared by every layer: months back, whole months, days between.

One low module so that loose ends, page notices, the response ledger and the date filters
count the same way (a feature module is no place for a helper others need).
"""

from __future__ import annotations

import datetime as dt
from typing import Any


def as_date(value: Any) -> dt.date | None:
    """A date for a date or datetime value; None for anything else (an unparsed or empty field)."""
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the last day of the month when it does not exist)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (21 for 10 February 2025 to 21 November 2026)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def days_since(start: dt.date, today: dt.date) -> int:
    """Days from ``start`` up to ``today``, never negative: a date in the future counts as 0."""
    return max(0, (today - start).days)


def in_zone(when: dt.datetime, tz: dt.tzinfo | None) -> dt.datetime:
    """An aware moment (a commit time) on the site's clock; unchanged without a zone."""
    return when.astimezone(tz) if tz is not None else when
