"""Opening hours and repetitions in the terms of iCalendar (schema.org, HSDS)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from ..model.fields import DAYS

ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
SCHEMA_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_LINE = re.compile(r"^(\S+)\s+(\d{1,2}:\d{2})-(\d{1,2}:\d{2})$")
WORDS = {"wekelijks": ("WEEKLY", 1), "tweewekelijks": ("WEEKLY", 2), "maandelijks": ("MONTHLY", 1)}


def day_numbers(days: str) -> list[int]:
    """``ma-vr,za`` → [0, 1, 2, 3, 4, 5] (the parser has checked the words)."""
    out: list[int] = []
    for part in days.split(","):
        first, _, last = part.strip().partition("-")
        start = DAYS.index(first)
        end = DAYS.index(last) if last else start
        out += list(range(start, end + 1)) if end >= start else [*range(start, 7), *range(0, end + 1)]
    return out


def opening_lines(lines: list[str]) -> Iterator[tuple[str, str, str, str]]:
    """(iCal days ``MO,TU``, opens ``09:00``, closes ``17:00``, the line) per valid line."""
    for text in lines:
        match = _LINE.match(text.strip().lower())
        if match:
            days = day_numbers(match.group(1))
            yield ",".join(ICAL_DAYS[d] for d in days), _hhmm(match.group(2)), _hhmm(match.group(3)), text


def _hhmm(text: str) -> str:
    hour, minute = text.split(":")
    return f"{int(hour):02d}:{minute}"


def schema_days(byday: str) -> list[str]:
    return [f"https://schema.org/{SCHEMA_DAYS[ICAL_DAYS.index(d)]}" for d in byday.split(",")]


def recurrence(rule: Any, start: Any, end: Any, until: Any) -> dict[str, Any] | None:
    """A repetition as HSDS schedule fields (freq, interval, byday, dtstart, until, opens/closes)."""
    if not rule:
        return None
    if rule in WORDS:
        freq, interval = WORDS[rule]
        byday = ICAL_DAYS[start.weekday()] if isinstance(start, dt.date) and freq == "WEEKLY" else None
    else:
        parts = dict(p.split("=", 1) for p in str(rule).split(";") if "=" in p)
        text = parts.get("INTERVAL", "1")
        freq, byday = parts.get("FREQ", ""), parts.get("BYDAY")
        interval = int(text) if text.isdigit() and len(text) < 5 else 1
        if freq not in ("WEEKLY", "MONTHLY"):
            return None
    out: dict[str, Any] = {"freq": freq, "interval": interval, "byday": byday}
    if isinstance(start, dt.date):
        out["dtstart"] = (start.date() if isinstance(start, dt.datetime) else start).isoformat()
    if isinstance(start, dt.datetime):
        out["opens_at"] = start.strftime("%H:%M")
    if isinstance(end, dt.datetime):
        out["closes_at"] = end.strftime("%H:%M")
    if isinstance(until, dt.date):
        out["until"] = until.isoformat()
    return out
