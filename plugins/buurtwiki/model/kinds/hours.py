"""Opening hours, one line each: ``ma-vr 09:00-17:00``, ``wo,do 19:00-22:00``.

The grammar lives here once: the field kind checks it, the JSON Schema carries it, and
:func:`parse_hours` turns a line into days and times (for a week table on a place's page).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from ..words import did_you_mean
from .base import FieldError, Kind, anchored, any_case, line_of, scalar, shown

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
_DAY_TEXT = "(?:" + "|".join(any_case(d) for d in DAYS) + ")"
_SPAN_TEXT = rf"{_DAY_TEXT}(?:-{_DAY_TEXT})?"
_OPENS_TEXT = r"(?:[01]?[0-9]|2[0-3]):[0-5][0-9]"
_CLOSES_TEXT = r"(?:[01]?[0-9]|2[0-4]):[0-5][0-9]"
# Day spans (ma, ma-vr, separated by commas), white space, then from-to; days in any case.
HOURS_TEXT = rf"{_SPAN_TEXT}(?:,\s*{_SPAN_TEXT})*\s+{_OPENS_TEXT}-{_CLOSES_TEXT}"
_HOURS = re.compile(HOURS_TEXT)


@dataclass(frozen=True)
class HoursLine:
    """One line of opening hours: the days it covers (in week order) and the times as written."""

    days: tuple[str, ...]
    opens: str
    closes: str


def parse_hours(text: str) -> HoursLine | None:
    """``ma-wo 09:00-17:00`` as days ``("ma", "di", "wo")`` with times; None if not in the grammar.

    A span runs forward through the week (``za-ma`` is za, zo, ma).
    """
    text = text.strip()
    if not _HOURS.fullmatch(text):
        return None
    spans, times = text.lower().rsplit(None, 1)
    opens, closes = times.split("-")
    days: list[str] = []
    for span in re.sub(r"\s+", "", spans).split(","):
        first, _, last = span.strip().partition("-")
        start = DAYS.index(first)
        length = (DAYS.index(last) - start) % len(DAYS) if last else 0
        days.extend(DAYS[(start + step) % len(DAYS)] for step in range(length + 1))
    return HoursLine(tuple(d for d in DAYS if d in days), opens, closes)


@dataclass
class OpeningHours(Kind):
    """One line of opening hours; parser and schema share ``HOURS_TEXT`` (day names in any case)."""

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "openingstijden")
        if not _HOURS.fullmatch(raw):
            first = raw.split(" ")[0].split("-")[0].split(",")[0].lower()
            hint = did_you_mean(first, DAYS) if first not in DAYS else ""
            raise FieldError(
                f"veld '{name}': '{shown(raw)}' is geen geldige openingstijd; schrijf de dagen "
                f"({' '.join(DAYS)}, een reeks met -, meer met ,) en dan de tijd, zoals "
                f"'ma-vr 09:00-17:00' of 'wo 19:00-22:00'.{hint}",
                line_of(node),
            )
        return raw

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": anchored(HOURS_TEXT)}

    def example(self) -> str:
        return "ma-vr 09:00-17:00"

    def words(self) -> str:
        return "openingstijden zoals 'ma-vr 09:00-17:00'"
