"""The accountability ledger of the toekomstagenda: who got which item, who answered, how long it took.

Pure domain logic, without MkDocs or HTML. One :class:`Ledger` is computed per build
(:func:`ledger_for` caches it in ``build.caches.ledger``) and read by every page.

Definitions (the pages explain them to visitors in the same words):

- A row is one entry of an item's ``gericht_aan``: one organisation, when it was sent, the response.
- *Answered*: any ``reactie`` other than ``geen`` (ontvangst, gesprek, toezegging, afgewezen,
  uitgevoerd).
- *Substantive*: ``gesprek``, ``toezegging`` or ``uitgevoerd`` (:data:`SUBSTANTIVE`).
- *Silent*: ``reactie: geen``, or no ``reactie`` at all ("nog onbekend": absent means not yet
  known, but the silence still counts). Silence days = build date − ``verzonden``; a row without
  ``verzonden`` cannot count days.
- *Days to answer*: ``datum`` − ``verzonden`` of an answered row with both dates.
- Per organisation, each agenda item counts once (a :class:`Receipt`): should an organisation
  appear twice in one item (a warning), the item counts as answered when either row answered.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..model.fields import RefValue
from ..model.schema import AGENDAPUNT_STATUS, TYPES

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity
    from ..content.site import Site

SUBSTANTIVE = ("gesprek", "toezegging", "uitgevoerd")
REACTION = TYPES["agendapunt"].field("gericht_aan").kind.item.field("reactie").kind  # Choice: words and labels
UNKNOWN_LABEL = "nog onbekend"
STATUSES = AGENDAPUNT_STATUS  # value word -> label, in contract order


def _resolve_one(site: Site, value: Any) -> Entity | None:
    return site.resolve(value) if isinstance(value, RefValue) else None


@dataclass(frozen=True, eq=False)
class Row:
    """One addressee of one agenda item, with its response, as of the build date."""

    item: Entity
    number: int  # position in gericht_aan, 1-based
    line: int  # line of the row in the item's file
    ref: RefValue | None
    organisation: Entity | None  # None when the reference does not resolve (already an error)
    sent: dt.date | None
    reaction: str | None  # None: not yet known
    date: dt.date | None  # date of the reaction
    explanation: str
    source: str | None
    today: dt.date

    @property
    def name(self) -> str:
        if self.organisation is not None:
            return self.organisation.title
        return self.ref.raw if self.ref else "(geen organisatie)"

    @property
    def known(self) -> bool:
        return self.reaction is not None

    @property
    def answered(self) -> bool:
        return self.reaction is not None and self.reaction != "geen"

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

    @property
    def silence_days(self) -> int | None:
        """Days of silence since sending, up to the build date; None when answered or never dated."""
        if not self.silent or not self.sent:
            return None
        return max(0, (self.today - self.sent).days)

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
        days = [r.days_to_answer for r in self.rows if r.days_to_answer is not None]
        return min(days) if days else None

    @property
    def silence_days(self) -> int | None:
        if not self.silent:
            return None
        days = [r.silence_days for r in self.rows if r.silence_days is not None]
        return max(days) if days else None


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
        return [r.days_to_answer for r in self.receipts if r.days_to_answer is not None]

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


SORTS = {
    # key: (label, function) — every sort puts the most telling entries first
    "stilte": ("langste stilte", lambda s: (s.longest_silence_days is None, -(s.longest_silence_days or 0),
                                           -len(s.open_silences), s.organisation.title.lower())),
    "naam": ("naam", lambda s: s.organisation.title.lower()),
    "ontvangen": ("aantal ontvangen", lambda s: (-s.received, s.organisation.title.lower())),
    "reactietijd": ("reactietijd (mediaan)", lambda s: (s.median_days is None, s.median_days or 0, s.organisation.title.lower())),
}


def sort_summaries(summaries: list[OrgSummary], by: str = "stilte") -> list[OrgSummary]:
    return sorted(summaries, key=SORTS[by][1])


def rows_of(site: Site, item: Entity, today: dt.date) -> list[Row]:
    """The ``gericht_aan`` rows of one item, in file order. Rows without an organisation are skipped."""
    rows = []
    for number, value in enumerate(item.get("gericht_aan") or [], start=1):
        if not isinstance(value, dict):
            continue
        ref = value.get("organisatie")
        if not isinstance(ref, RefValue):
            continue  # the required field is missing: already an error
        rows.append(Row(
            item=item,
            number=number,
            line=int(value.get("_line") or ref.line),
            ref=ref,
            organisation=site.resolve(ref),
            sent=value.get("verzonden"),
            reaction=value.get("reactie"),
            date=value.get("datum"),
            explanation=str(value.get("toelichting") or ""),
            source=value.get("bron"),
            today=today,
        ))
    return rows


def progress(item: Entity) -> int | None:
    """Progress in percent: ``voortgang``, or 100 for a realised item without one; None when unknown."""
    value = item.get("voortgang")
    if value is not None:
        return int(round(float(value)))
    return 100 if item.status == "gerealiseerd" else None


def agenda_date(agenda: Entity | None) -> dt.date | None:
    return agenda.get("vastgesteld") if agenda is not None else None


@dataclass
class ThemeGroup:
    key: str | None  # main theme key; None for items without a (known) theme
    title: str
    items: list[Entity]


@dataclass
class StatusCount:
    value: str
    label: str
    count: int


@dataclass
class ItemLink:
    """An agenda item seen from an initiative, organisation or role, with how they are linked."""

    item: Entity
    relations: list[str] = field(default_factory=list)  # "trekker", "draagt_bij_aan", "ontstaan_uit"


class Ledger:
    """The toekomstagenda of a whole site: response rows, summaries and reverse links."""

    def __init__(self, site: Site, today: dt.date):
        self.site = site
        self.today = today
        self.items: list[Entity] = sorted(site.of_type("agendapunt"), key=lambda e: (e.wijk or "", e.agenda or "", e.title.lower()))
        self.rows_by_item: dict[str, list[Row]] = {item.key: rows_of(site, item, today) for item in self.items}
        self.rows: list[Row] = [row for rows in self.rows_by_item.values() for row in rows]
        self.by_org: dict[str, OrgSummary] = {s.organisation.key: s for s in summarise(self.rows)}
        self._carried: dict[str, list[Entity]] = defaultdict(list)  # trekker key -> items
        self._contributors: dict[str, list[Entity]] = defaultdict(list)  # item key -> initiatives (draagt_bij_aan)
        self._arisen: dict[str, list[Entity]] = defaultdict(list)  # item key -> initiatives (ontstaan_uit)
        self._successors: dict[str, list[Entity]] = defaultdict(list)  # item key -> later items (vorige)
        for item in self.items:
            for ref in item.get("trekkers") or []:
                found = _resolve_one(site, ref)
                if found is not None and item not in self._carried[found.key]:
                    self._carried[found.key].append(item)
            found = _resolve_one(site, item.get("vorige"))
            if found is not None and found is not item:
                self._successors[found.key].append(item)
        for initiative in sorted(site.of_type("initiatief"), key=lambda e: e.title.lower()):
            for ref in initiative.get("draagt_bij_aan") or []:
                found = _resolve_one(site, ref)
                if found is not None and found.type.name == "agendapunt" and initiative not in self._contributors[found.key]:
                    self._contributors[found.key].append(initiative)
            found = _resolve_one(site, initiative.get("ontstaan_uit"))
            if found is not None and found.type.name == "agendapunt":
                self._arisen[found.key].append(initiative)

    # --- rows and summaries ---------------------------------------------------------------

    def rows_for(self, item: Entity) -> list[Row]:
        return self.rows_by_item.get(item.key, [])

    def summary(self, organisation: Entity) -> OrgSummary | None:
        return self.by_org.get(organisation.key)

    def summaries(self, by: str = "stilte") -> list[OrgSummary]:
        return sort_summaries(list(self.by_org.values()), by)

    def summaries_for_items(self, items: list[Entity], by: str = "stilte") -> list[OrgSummary]:
        return sort_summaries(summarise([row for item in items for row in self.rows_for(item)]), by)

    # --- editions and items -----------------------------------------------------------------

    def editions(self, wijk: str | None = None) -> list[Entity]:
        """Toekomstagenda editions, newest first (of one wijk, or all)."""
        found = [a for a in self.site.of_type("toekomstagenda") if wijk is None or a.wijk == wijk]
        return sorted(found, key=lambda a: (agenda_date(a) or dt.date.min, a.slug), reverse=True)

    def items_of(self, agenda: Entity) -> list[Entity]:
        return sorted(self.site.agenda_items(agenda), key=lambda e: e.title.lower())

    def by_theme(self, items: list[Entity]) -> list[ThemeGroup]:
        """Items grouped by main theme in registry order; items without a known theme last."""
        themes = self.site.themes
        groups: dict[str | None, list[Entity]] = defaultdict(list)
        for item in items:
            key = str(item.get("thema")) if item.get("thema") else None
            main = themes.main_of(key) if key and key in themes else None
            groups[main].append(item)
        out = [ThemeGroup(t.key, t.titel, sorted(groups[t.key], key=lambda e: e.title.lower())) for t in themes.main if groups.get(t.key)]
        if groups.get(None):
            out.append(ThemeGroup(None, "Zonder thema", sorted(groups[None], key=lambda e: e.title.lower())))
        return out

    def status_counts(self, items: list[Entity]) -> list[StatusCount]:
        """Every status of the contract, in order, with how many items have it (zeros included)."""
        return [StatusCount(value, label, sum(1 for i in items if i.status == value)) for value, label in STATUSES.items()]

    # --- links both ways ------------------------------------------------------------------

    def trekkers(self, item: Entity) -> list[Entity]:
        return [e for e in (_resolve_one(self.site, r) for r in item.get("trekkers") or []) if e is not None]

    def contributors(self, item: Entity) -> list[Entity]:
        """Initiatives whose ``draagt_bij_aan`` names this item."""
        return list(self._contributors.get(item.key, []))

    def arisen(self, item: Entity) -> list[Entity]:
        """Initiatives whose ``ontstaan_uit`` is this item."""
        return list(self._arisen.get(item.key, []))

    def initiatives_for(self, item: Entity) -> list[ItemLink]:
        """Initiatives that carry this item, arose from it or contribute to it, each with its relations.

        ``ItemLink.item`` is the initiative here; relations are "trekker", "ontstaan_uit", "draagt_bij_aan".
        """
        found: dict[str, ItemLink] = {}
        for relation, initiatives in (
            ("trekker", [t for t in self.trekkers(item) if t.type.name == "initiatief"]),
            ("ontstaan_uit", self.arisen(item)),
            ("draagt_bij_aan", self.contributors(item)),
        ):
            for initiative in initiatives:
                link = found.setdefault(initiative.key, ItemLink(initiative))
                if relation not in link.relations:
                    link.relations.append(relation)
        return list(found.values())

    def predecessor(self, item: Entity) -> Entity | None:
        found = _resolve_one(self.site, item.get("vorige"))
        return found if found is not None and found.type.name == "agendapunt" and found is not item else None

    def successors(self, item: Entity) -> list[Entity]:
        return sorted(self._successors.get(item.key, []), key=lambda e: (agenda_date(self.site.agenda_of(e)) or dt.date.min, e.title.lower()))

    def lineage(self, item: Entity) -> list[Entity]:
        """The item's earlier and later versions across editions, oldest first (the item included)."""
        chain, seen = [item], {item.key}
        current = self.predecessor(item)
        while current is not None and current.key not in seen:
            chain.insert(0, current)
            seen.add(current.key)
            current = self.predecessor(current)
        current = item
        while True:
            later = [s for s in self.successors(current) if s.key not in seen]
            if not later:
                break
            current = later[0]
            chain.append(current)
            seen.add(current.key)
        return chain

    def items_linked_to(self, entity: Entity) -> list[ItemLink]:
        """Agenda items an initiative, organisation or role carries, contributes to or arose from."""
        links: dict[str, ItemLink] = {}

        def add(item: Entity, relation: str) -> None:
            links.setdefault(item.key, ItemLink(item)).relations.append(relation)

        for item in self._carried.get(entity.key, []):
            add(item, "trekker")
        if entity.type.name == "initiatief":
            for ref in entity.get("draagt_bij_aan") or []:
                found = _resolve_one(self.site, ref)
                if found is not None and found.type.name == "agendapunt":
                    add(found, "draagt_bij_aan")
            found = _resolve_one(self.site, entity.get("ontstaan_uit"))
            if found is not None and found.type.name == "agendapunt":
                add(found, "ontstaan_uit")
        return sorted(links.values(), key=lambda link: (link.item.wijk or "", link.item.title.lower()))


def ledger_for(build: Build) -> Ledger:
    """The build's ledger, computed on first use and kept in ``build.caches``."""
    if build.caches.ledger is None:
        build.caches.ledger = Ledger(build.site, build.today)
    return build.caches.ledger
