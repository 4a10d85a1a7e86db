"""The rows of the response ledger: who got which agenda item, and what came back.

Two views of one ``gericht_aan`` entry:

- :class:`Address` is what the file says (organisation, sent, reaction, date); content checks
  read it, because it needs no build date;
- :class:`Row` is an address as of the build date, which adds the days of silence.

A :class:`Receipt` is one agenda item as received by one organisation: the unit every count
(ledger, "Wie reageerde?", loose ends) is made of, so an organisation listed twice in one item
counts once.

Definitions (the pages explain them to visitors in the same words):

- *Answered*: any ``reactie`` other than ``geen`` (ontvangst, gesprek, toezegging, afgewezen,
  uitgevoerd).
- *Substantive*: ``gesprek``, ``toezegging`` or ``uitgevoerd`` (:data:`SUBSTANTIVE`).
- *Silent*: ``reactie: geen``, or no ``reactie`` at all ("nog onbekend": absent means not yet
  known, but the silence still counts). Silence days = build date − ``verzonden``, never below 0;
  a row without ``verzonden`` cannot count days.
- *Days to answer*: ``datum`` − ``verzonden`` of an answered row with both dates.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING

from ..model.dates import as_date, days_since
from ..model.fields import Choice, RefValue
from ..model.schema import GERICHT_AAN

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..content.site import Site

ROWS_FIELD = "gericht_aan"  # the agendapunt field holding the rows (GERICHT_AAN structs)
NO_REACTION = "geen"
SUBSTANTIVE = ("gesprek", "toezegging", "uitgevoerd")
UNKNOWN_LABEL = "nog onbekend"


def _reaction_choice() -> Choice:
    """The ``reactie`` words and labels, read from the model."""
    found = GERICHT_AAN.field("reactie")
    if found is None or not isinstance(found.kind, Choice):  # pragma: no cover - a broken schema
        raise RuntimeError("GERICHT_AAN has no Choice field 'reactie'")
    return found.kind


REACTION = _reaction_choice()


@dataclass(frozen=True, eq=False)
class Address:
    """One addressee of one agenda item, with its response, as written in the file."""

    item: Entity
    number: int  # position in gericht_aan, 1-based
    line: int  # line of the row in the item's file
    ref: RefValue
    organisation: Entity | None  # None when the reference does not resolve (already an error)
    sent: dt.date | None
    reaction: str | None  # None: not yet known
    date: dt.date | None  # date of the reaction
    explanation: str
    source: str | None

    @property
    def name(self) -> str:
        return self.organisation.title if self.organisation is not None else self.ref.raw

    @property
    def key(self) -> str:
        """The organisation's key, or the written slug when it does not resolve."""
        return self.organisation.key if self.organisation is not None else self.ref.slug

    @property
    def known(self) -> bool:
        return self.reaction is not None

    @property
    def answered(self) -> bool:
        return self.reaction is not None and self.reaction != NO_REACTION

    @property
    def substantive(self) -> bool:
        return self.reaction in SUBSTANTIVE

    @property
    def silent(self) -> bool:
        return not self.answered

    @property
    def state(self) -> str:
        """The reaction word, or ``onbekend`` when not yet known (for CSS classes)."""
        return self.reaction or "onbekend"

    @property
    def label(self) -> str:
        return REACTION.label(self.reaction) if self.reaction else UNKNOWN_LABEL

    @property
    def date_before_sent(self) -> bool:
        return bool(self.sent and self.date and self.date < self.sent)

    @property
    def days_to_answer(self) -> int | None:
        """Days from sending to the response; None without both dates or when they contradict."""
        if not self.answered or not self.sent or not self.date or self.date_before_sent:
            return None
        return (self.date - self.sent).days


@dataclass(frozen=True, eq=False)
class Row(Address):
    """An address as of the build date."""

    today: dt.date

    @property
    def silence_days(self) -> int | None:
        """Days of silence since sending, up to the build date; None when answered or never dated."""
        if not self.silent or not self.sent:
            return None
        return days_since(self.sent, self.today)

    @property
    def sent_in_future(self) -> bool:
        return bool(self.sent and self.sent > self.today)


@dataclass
class Receipt:
    """One agenda item as received by one organisation (usually one row, more when listed twice)."""

    item: Entity
    rows: list[Row]

    @property
    def answered(self) -> bool:
        return any(r.answered for r in self.rows)

    @property
    def substantive(self) -> bool:
        return any(r.substantive for r in self.rows)

    @property
    def silent(self) -> bool:
        return not self.answered

    @property
    def days_to_answer(self) -> int | None:
        days = [d for d in (r.days_to_answer for r in self.rows) if d is not None]
        return min(days) if days else None

    @property
    def silence_days(self) -> int | None:
        if not self.silent:
            return None
        days = [d for d in (r.silence_days for r in self.rows) if d is not None]
        return max(days) if days else None

    @property
    def first_sent(self) -> dt.date | None:
        sent = [r.sent for r in self.rows if r.sent is not None]
        return min(sent) if sent else None


def addresses_of(site: Site, item: Entity) -> list[Address]:
    """The ``gericht_aan`` rows of one item, in file order. Rows without an organisation are skipped."""
    out = []
    for number, value in enumerate(item.get(ROWS_FIELD) or [], start=1):
        if not isinstance(value, dict):
            continue
        ref = value.get("organisatie")
        if not isinstance(ref, RefValue):
            continue  # the required field is missing: already an error
        out.append(Address(
            item=item,
            number=number,
            line=int(value.get("_line") or ref.line),
            ref=ref,
            organisation=site.resolve(ref),
            sent=as_date(value.get("verzonden")),
            reaction=value.get("reactie"),
            date=as_date(value.get("datum")),
            explanation=str(value.get("toelichting") or ""),
            source=value.get("bron"),
        ))
    return out


def rows_of(site: Site, item: Entity, today: dt.date) -> list[Row]:
    """The item's addresses as of ``today``."""
    return [
        Row(**{f.name: getattr(a, f.name) for f in fields(a)}, today=today)
        for a in addresses_of(site, item)
    ]
