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


FULL_DAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
# Hours as people write them: "maandag 9-17", "Ma t/m vr 9.30 - 17 uur"; only to suggest the form.
_LOOSE_TIMES = re.compile(
    r"([0-9]{1,2})(?:[:.]([0-9]{2}))? ?(?:uur|u)? ?(?:-|tot) ?([0-9]{1,2})(?:[:.]([0-9]{2}))? ?(?:uur|u)?"
)
_DAY_WORD = re.compile(r"[a-z]{2,9}")


def _day(word: str) -> str | None:
    """``maandag``, ``maan``, ``ma`` -> ``ma``."""
    return next((d for d, full in zip(DAYS, FULL_DAYS, strict=True) if full.startswith(word) and len(word) >= 2), None)


def suggest_hours(raw: str) -> str | None:
    """``maandag 9-17`` -> ``ma 09:00-17:00``; None when the line cannot be read that way."""
    text = " ".join(raw.lower().split())[:80]
    times = _LOOSE_TIMES.search(text)
    if times is None or text[times.end():].strip():
        return None
    opens, opens_min, closes, closes_min = times.groups()
    start, end = int(opens), int(closes)
    if end < start and end + 12 <= 24:  # "9-5": five in the afternoon
        end += 12
    if start > 23 or end > 24:
        return None
    words = text[: times.start()].replace("t/m", "-").replace(" tot en met ", "-").replace(" en ", ",")
    spans = []
    for part in words.replace(" ", "").split(","):
        days = [_day(w) for w in part.split("-")]
        if not days or len(days) > 2 or any(d is None or not _DAY_WORD.fullmatch(w) for d, w in zip(days, part.split("-"), strict=True)):
            return None
        spans.append("-".join(d for d in days if d))
    out = f"{','.join(spans)} {start:02d}:{opens_min or '00'}-{end:02d}:{closes_min or '00'}"
    return out if _HOURS.fullmatch(out) else None


@dataclass
class OpeningHours(Kind):
    """One line of opening hours; parser and schema share ``HOURS_TEXT`` (day names in any case)."""

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "openingstijden")
        if not _HOURS.fullmatch(raw):
            first = raw.split(" ")[0].split("-")[0].split(",")[0].lower()
            suggestion = suggest_hours(raw)
            hint = f" Bedoel je '{suggestion}'?" if suggestion else did_you_mean(first, DAYS) if first not in DAYS else ""
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
