"""Loose ends ("losse eindjes"): the links that are missing. Missing links are information.

Six lists, for the whole site or one wijk, computed from the graph and the front matter:

1. agenda items nobody carries (no ``trekkers``; initiatives that contribute are noted);
2. places no initiative or activity uses;
3. initiatives without a place (no ``plekken``, not managing a place, no activity at a place);
4. initiatives looking for a trekker (``zoekt: trekker``);
5. institutions that never answered: an organisation with at least one agenda item it never
   answered, read from the response ledger (:mod:`buurtwiki.agenda.summaries`), so the counts
   and days are those of "Wie reageerde?";
6. pages not confirmed (``bevestigd``) for more than ``stale_months`` months, or never.

Finished things are left out (:func:`buurtwiki.model.lifecycle.is_finished`). Nothing here
knows about HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model.dates import as_date, months_between
from ..model.lifecycle import CONFIRMED_FIELD, is_finished, stale_cutoff
from .model import Graph

if TYPE_CHECKING:
    from ..agenda.ledger import Ledger
    from ..agenda.summaries import OrgSummary
    from ..content.entity import Entity
    from ..content.site import Site



@dataclass
class LooseEnd:
    entity: Entity
    since: dt.date | None = None  # the date the gap is counted from (sent, last confirmed)
    related: list[Entity] = field(default_factory=list)  # e.g. contributing initiatives, unanswered agenda items
    count: int = 0  # e.g. the number of unanswered rows
    flag: bool = False  # category-specific: "also looks for a place", "never confirmed"
    months: int | None = None  # whole months since ``since`` (for "niet bevestigd")
    summary: OrgSummary | None = None  # the ledger's summary (for "zonder antwoord")


@dataclass
class Category:
    key: str  # also the anchor on the page
    title: str
    description: str
    items: list[LooseEnd] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.items)


@dataclass
class LooseEnds:
    categories: list[Category]

    @property
    def total(self) -> int:
        return sum(len(c) for c in self.categories)

    def get(self, key: str) -> Category:
        return next(c for c in self.categories if c.key == key)


def _done(entity: Entity) -> bool:
    return is_finished(entity.type.name, entity.status)


def _title(entity: Entity) -> str:
    return entity.title.lower()


class _Links:
    """Typed neighbours in the graph, by relation name."""

    def __init__(self, graph: Graph):
        self.graph = graph

    def sources(self, entity: Entity, relation: str, type_name: str | None = None) -> list[Entity]:
        nodes = self.graph.nodes
        return [
            nodes[e.source].entity for e in self.graph.incoming(entity.key)
            if e.relation == relation and (type_name is None or nodes[e.source].type == type_name)
        ]

    def targets(self, entity: Entity, relation: str, type_name: str | None = None) -> list[Entity]:
        nodes = self.graph.nodes
        return [
            nodes[e.target].entity for e in self.graph.outgoing(entity.key)
            if e.relation == relation and (type_name is None or nodes[e.target].type == type_name)
        ]


def not_carried(links: _Links, agenda: list[Entity]) -> Category:
    category = Category(
        "agendapunten-zonder-trekker", "Agendapunten die niemand trekt",
        "Punten van een toekomstagenda zonder trekker: geen initiatief, organisatie of rol die het oppakt.",
    )
    for item in agenda:
        if _done(item) or links.targets(item, "trekkers"):
            continue
        category.items.append(LooseEnd(item, related=links.sources(item, "draagt_bij_aan")))
    return category


def unused_places(links: _Links, places: list[Entity]) -> Category:
    category = Category(
        "plekken-zonder-gebruik", "Plekken die niemand gebruikt",
        "Geen initiatief noemt deze plek en er is geen activiteit.",
    )
    for place in places:
        if _done(place):
            continue
        if (links.sources(place, "plekken") or links.sources(place, "plek", "activiteit")
                or links.targets(place, "beheerder", "initiatief")):
            continue
        category.items.append(LooseEnd(place))
    return category


def homeless_initiatives(links: _Links, initiatives: list[Entity]) -> Category:
    category = Category(
        "initiatieven-zonder-plek", "Initiatieven zonder plek",
        "Initiatieven die geen plek noemen, geen plek beheren en geen activiteit op een plek hebben.",
    )
    for initiative in initiatives:
        if _done(initiative) or links.targets(initiative, "plekken") or links.sources(initiative, "beheerder", "plek"):
            continue
        activities = links.sources(initiative, "organisator", "activiteit")
        if any(links.targets(a, "plek") for a in activities):
            continue
        category.items.append(LooseEnd(initiative, flag="plek" in (initiative.get("zoekt") or [])))
    return category


def seeking_trekker(initiatives: list[Entity]) -> Category:
    category = Category(
        "zoekt-trekker", "Initiatieven die een trekker zoeken",
        "Deze initiatieven zoeken iemand die het voortouw neemt.",
    )
    for initiative in initiatives:
        if not _done(initiative) and "trekker" in (initiative.get("zoekt") or []):
            category.items.append(LooseEnd(initiative, since=as_date(initiative.get(CONFIRMED_FIELD))))
    return category


def never_answered(ledger: Ledger, agenda: list[Entity]) -> Category:
    """Organisations with agenda items they never answered: the ledger's receipts, per organisation."""
    category = Category(
        "zonder-antwoord", "Instellingen die nooit antwoordden",
        "Organisaties die op een of meer agendapunten nooit hebben gereageerd. De dagen tellen vanaf "
        "het verzenden van het punt dat het langst wacht, tot de bouwdatum.",
    )
    for summary in ledger.summaries_for_items(agenda):
        silences = summary.open_silences
        if not silences:
            continue
        longest = summary.longest_silence
        category.items.append(LooseEnd(
            summary.organisation, since=longest.first_sent if longest else None,
            related=[r.item for r in silences], count=len(silences), summary=summary,
        ))
    return category


def not_confirmed(entities: list[Entity], today: dt.date, stale_months: int) -> Category:
    cutoff = stale_cutoff(today, stale_months)
    category = Category(
        "niet-bevestigd", "Niet bevestigd",
        f"Pagina's waarvan niemand in de laatste {stale_months} maanden heeft nagekeken of ze nog kloppen "
        f"(veld bevestigd), of die nog nooit zijn bevestigd.",
    )
    for entity in entities:
        if _done(entity) or entity.type.field(CONFIRMED_FIELD) is None:
            continue
        confirmed = as_date(entity.get(CONFIRMED_FIELD))
        if confirmed is None:
            category.items.append(LooseEnd(entity, flag=True))
        elif confirmed < cutoff:
            category.items.append(LooseEnd(entity, since=confirmed, months=months_between(confirmed, today)))
    category.items.sort(key=lambda i: (i.since is None, i.since or today, _title(i.entity)))
    return category


def find_loose_ends(
    site: Site, graph: Graph, ledger: Ledger, today: dt.date, stale_months: int = 12, wijk: str | None = None
) -> LooseEnds:
    """The six lists for the whole site, or only what lies in ``wijk`` (for organisations: the
    receipts of that wijk's agenda items)."""
    if wijk is None:
        entities: Iterable[Entity] = site.entities
    else:
        entities = [n.entity for n in graph.in_wijk(wijk)]
    by_type: dict[str, list[Entity]] = {}
    for entity in entities:
        by_type.setdefault(entity.type.name, []).append(entity)
    agenda = by_type.get("agendapunt", [])
    places = by_type.get("plek", [])
    initiatives = by_type.get("initiatief", [])
    links = _Links(graph)
    simple = [not_carried(links, agenda), unused_places(links, places),
              homeless_initiatives(links, initiatives), seeking_trekker(initiatives)]
    for category in simple:
        category.items.sort(key=lambda i: (i.entity.wijk or "", _title(i.entity)))
    return LooseEnds([*simple, never_answered(ledger, agenda), not_confirmed([*initiatives, *places], today, stale_months)])
