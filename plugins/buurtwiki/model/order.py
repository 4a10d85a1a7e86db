"""Dates that come in order: an end is not before its start (``start``/``einde``,
``sinds``/``tot``, a row's ``van``/``tot``). One rule for the page's fields and for rows.

A date and a date with a time compare by their day: an activity from 19:00 that ends "on that
day" is fine.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any


def _day(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    return value if isinstance(value, dt.date) else None


def _before(later: Any, earlier: Any) -> bool:
    if isinstance(later, dt.datetime) and isinstance(earlier, dt.datetime):
        return later < earlier
    a, b = _day(later), _day(earlier)
    return a is not None and b is not None and a < b


def out_of_order(values: dict[str, Any], pairs: tuple[tuple[str, str], ...]) -> Iterator[tuple[str, str]]:
    """(field, Dutch message) for each pair whose second value lies before the first."""
    for first, second in pairs:
        if first in values and second in values and _before(values[second], values[first]):
            yield second, (
                f"{_shown(values[second])} ligt vóór '{first}' ({_shown(values[first])}). Dat kan niet: "
                f"verwissel de twee datums of pas er één aan."
            )


def _shown(value: Any) -> str:
    """As a resident writes it in the file: 2026-03-05 or 2026-03-05 19:00."""
    if isinstance(value, dt.datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    return value.isoformat() if isinstance(value, dt.date) else str(value)
