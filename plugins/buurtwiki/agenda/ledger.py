"""The accountability ledger of the toekomstagenda: who got which item, who answered, how long it took.

Pure domain logic, without MkDocs or HTML. One :class:`Ledger` is computed per build
(:func:`ledger_for` caches it in ``build.extras["agenda"]``) and read by every page. The rows
are in :mod:`.rows`, the per-organisation summaries in :mod:`.summaries`.

See :mod:`.rows` for what *answered*, *silent* and the day counts mean.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model.fields import RefValue
from ..model.schema import AGENDAPUNT_STATUS
from .rows import Row, rows_of
from .summaries import OrgSummary, sort_summaries, summarise

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..content.site import Site

EXTRAS_KEY = "agenda"
STATUSES = AGENDAPUNT_STATUS  # value word -> label, in contract order


def _resolve_one(site: Site, value: Any) -> Entity | None:
    return site.resolve(value) if isinstance(value, RefValue) else None


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


def ledger_for(build: Any) -> Ledger:
    """The build's ledger, computed on first use and kept in ``build.extras``."""
    ledger = build.extras.get(EXTRAS_KEY)
    if ledger is None:
        ledger = build.extras[EXTRAS_KEY] = Ledger(build.site, build.today)
    return ledger
