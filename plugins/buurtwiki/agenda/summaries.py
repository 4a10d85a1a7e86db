"""Per organisation: what it received, what it answered, how long it has been silent.

The same summary feeds "Wie reageerde?" (site and per edition), the organisation page and the
loose ends list "Instellingen die nooit antwoordden", so they show the same numbers.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .rows import Receipt, Row

if TYPE_CHECKING:
    from ..content.entity import Entity


@dataclass
class OrgSummary:
    """Everything addressed to one organisation (within a set of rows), summarised."""

    organisation: Entity
    rows: list[Row]  # sorted by date sent (unknown last), then item title

    @cached_property
    def receipts(self) -> list[Receipt]:
        grouped: dict[str, list[Row]] = {}
        for row in self.rows:
            grouped.setdefault(row.item.key, []).append(row)
        return [Receipt(rows[0].item, rows) for rows in grouped.values()]

    @property
    def received(self) -> int:
        """Agenda items received (each item once)."""
        return len(self.receipts)

    @property
    def answered(self) -> int:
        return sum(1 for r in self.receipts if r.answered)

    @property
    def substantive(self) -> int:
        return sum(1 for r in self.receipts if r.substantive)

    @property
    def answer_days(self) -> list[int]:
        return [d for d in (r.days_to_answer for r in self.receipts) if d is not None]

    @property
    def median_days(self) -> float | None:
        days = self.answer_days
        return statistics.median(days) if days else None

    @property
    def open_silences(self) -> list[Receipt]:
        """Items it has not answered, longest silence first (those without a sending date last)."""
        silent = [r for r in self.receipts if r.silent]
        return sorted(silent, key=lambda r: (r.silence_days is None, -(r.silence_days or 0), r.item.title.lower()))

    @property
    def longest_silence(self) -> Receipt | None:
        dated = [r for r in self.open_silences if r.silence_days is not None]
        return dated[0] if dated else None

    @property
    def longest_silence_days(self) -> int | None:
        longest = self.longest_silence
        return longest.silence_days if longest else None


def _sort_key(row: Row) -> tuple:
    return (row.sent is None, row.sent or dt.date.min, row.item.title.lower(), row.number)


def summarise(rows: list[Row]) -> list[OrgSummary]:
    """Per organisation (resolved rows only), ordered by name."""
    grouped: dict[str, list[Row]] = defaultdict(list)
    orgs: dict[str, Entity] = {}
    for row in rows:
        if row.organisation is None:
            continue
        grouped[row.organisation.key].append(row)
        orgs[row.organisation.key] = row.organisation
    out = [OrgSummary(orgs[key], sorted(found, key=_sort_key)) for key, found in grouped.items()]
    return sorted(out, key=lambda s: s.organisation.title.lower())


SORTS: dict[str, tuple[str, Callable[[OrgSummary], Any]]] = {
    # key: (label, function) — every sort puts the most telling entries first
    "stilte": ("langste stilte", lambda s: (s.longest_silence_days is None, -(s.longest_silence_days or 0),
                                           -len(s.open_silences), s.organisation.title.lower())),
    "naam": ("naam", lambda s: s.organisation.title.lower()),
    "ontvangen": ("aantal ontvangen", lambda s: (-s.received, s.organisation.title.lower())),
    "reactietijd": ("reactietijd (mediaan)", lambda s: (s.median_days is None, s.median_days or 0, s.organisation.title.lower())),
}


def sort_summaries(summaries: list[OrgSummary], by: str = "stilte") -> list[OrgSummary]:
    return sorted(summaries, key=SORTS[by][1])
