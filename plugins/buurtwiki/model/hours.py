"""The opening-hours grammar of a place (``ma-vr 09:00-17:00``, ``wo,do 19:00-22:00``): one parser
for validation (the OpeningHours kind) and for the week table on a place page."""

from __future__ import annotations

import re
from dataclasses import dataclass

DAYS = ("ma", "di", "wo", "do", "vr", "za", "zo")
DAY_NAMES = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
MAX_LENGTH = 200  # a longer line is refused before any pattern runs on it
_DAY = "(?:" + "|".join(DAYS) + ")"
HOURS = re.compile(
    rf"^{_DAY}(?:-{_DAY})?(?:,\s*{_DAY}(?:-{_DAY})?)*\s+([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-4]):[0-5]\d$"
)
_PART = re.compile(rf"({_DAY})(?:-({_DAY}))?")


@dataclass(frozen=True)
class Hours:
    """One line: the weekdays it covers (0 = Monday) and the times, as written (``09:00``)."""

    days: tuple[int, ...]
    opens: str
    closes: str


def matches(raw: str) -> bool:
    return len(raw) <= MAX_LENGTH and HOURS.match(raw.lower()) is not None


def parse_hours(raw: str) -> Hours | None:
    """The days and times of one line, or None when it is not valid (validation says why)."""
    text = raw.strip().lower()
    if not matches(text):
        return None
    days_part, times = text.rsplit(maxsplit=1)
    days: list[int] = []
    for part in days_part.split(","):
        match = _PART.fullmatch(part.strip())
        if match is None:
            return None
        first = DAYS.index(match.group(1))
        last = DAYS.index(match.group(2)) if match.group(2) else first
        span = range(first, last + 1) if last >= first else [*range(first, 7), *range(0, last + 1)]
        days.extend(d for d in span if d not in days)
    opens, closes = (_padded(t) for t in times.split("-"))
    return Hours(tuple(sorted(days)), opens, closes)


def _padded(time: str) -> str:
    hour, minute = time.split(":")
    return f"{int(hour):02d}:{minute}"


def week(lines: list[str]) -> list[tuple[str, list[str]]]:
    """Each weekday's name with its opening times (``09:00–17:00``), in order; empty when closed."""
    table: list[list[str]] = [[] for _ in DAYS]
    for raw in lines:
        hours = parse_hours(raw)
        if hours is None:
            continue
        for day in hours.days:
            table[day].append(f"{hours.opens}–{hours.closes}")
    return [(DAY_NAMES[i], sorted(times)) for i, times in enumerate(table)]
