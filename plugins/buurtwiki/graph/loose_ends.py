"""Loose ends ("losse eindjes"): the links that are missing. Missing links are information.

Six lists, for the whole site or one wijk, computed from the graph and the front matter:

1. agenda items nobody carries (no ``trekkers``; initiatives that contribute are noted);
2. places no initiative or activity uses;
3. initiatives without a place (no ``plekken``, not managing a place, no activity at a place);
4. initiatives looking for a trekker (``zoekt: trekker``);
5. institutions that never answered: an organisation with at least one ``gericht_aan`` row
   addressed to it, and no row with a reaction other than ``geen`` or absent;
6. pages not confirmed (``bevestigd``) for more than ``stale_months`` months, or never.

Finished things are left out: agenda items ``gerealiseerd``/``losgelaten``, initiatives
``gestopt``/``overgedragen``, places ``gesloten``. Nothing here knows about HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .model import Graph

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..content.site import Site

DONE = {
    "agendapunt": {"gerealiseerd", "losgelaten"},
    "initiatief": {"gestopt", "overgedragen"},
    "plek": {"gesloten"},
}
NO_ANSWER = {None, "geen"}


@dataclass
class LooseEnd:
    entity: Entity
    since: dt.date | None = None  # the date the gap is counted from (sent, last confirmed)
    related: list[Entity] = field(default_factory=list)  # e.g. contributing initiatives, unanswered agenda items
    count: int = 0  # e.g. the number of unanswered rows
    flag: bool = False  # category-specific: "also looks for a place", "never confirmed"
    months: int | None = None  # whole months since ``since`` (for "niet bevestigd")


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


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day ``months`` months earlier (the last day of the month when it does not exist)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole months from ``start`` to ``end`` (21 for 10 February 2025 to 21 November 2026)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - 1 if end.day < start.day else months


def _done(entity: Entity) -> bool:
    return (entity.status or "") in DONE.get(entity.type.name, set())


def _title(entity: Entity) -> str:
    return entity.title.lower()


def find_loose_ends(
    site: Site, graph: Graph, today: dt.date, stale_months: int = 12, wijk: str | None = None
) -> LooseEnds:
    """The six lists for the whole site, or only what lies in ``wijk`` (for organisations: the
    rows of that wijk's agenda items)."""
    if wijk is None:
        entities: Iterable[Entity] = site.entities
    else:
        entities = [n.entity for n in graph.in_wijk(wijk)]
    by_type: dict[str, list[Entity]] = {}
    for entity in entities:
        by_type.setdefault(entity.type.name, []).append(entity)

    def sources(entity: Entity, relation: str, type_name: str | None = None) -> list[Entity]:
        return [
            graph.nodes[e.source].entity for e in graph.incoming(entity.key)
            if e.relation == relation and (type_name is None or graph.nodes[e.source].type == type_name)
        ]

    def targets(entity: Entity, relation: str, type_name: str | None = None) -> list[Entity]:
        return [
            graph.nodes[e.target].entity for e in graph.outgoing(entity.key)
            if e.relation == relation and (type_name is None or graph.nodes[e.target].type == type_name)
        ]

    agenda = by_type.get("agendapunt", [])
    places = by_type.get("plek", [])
    initiatives = by_type.get("initiatief", [])

    not_carried = Category(
        "agendapunten-zonder-trekker", "Agendapunten die niemand trekt",
        "Punten van een toekomstagenda zonder trekker: geen initiatief, organisatie of rol die het oppakt.",
    )
    for item in agenda:
        if _done(item) or targets(item, "trekkers"):
            continue
        not_carried.items.append(LooseEnd(item, related=sources(item, "draagt_bij_aan")))

    unused = Category(
        "plekken-zonder-gebruik", "Plekken die niemand gebruikt",
        "Geen initiatief noemt deze plek en er is geen activiteit.",
    )
    for place in places:
        if _done(place):
            continue
        if sources(place, "plekken") or sources(place, "plek", "activiteit") or targets(place, "beheerder", "initiatief"):
            continue
        unused.items.append(LooseEnd(place))

    homeless = Category(
        "initiatieven-zonder-plek", "Initiatieven zonder plek",
        "Initiatieven die geen plek noemen, geen plek beheren en geen activiteit op een plek hebben.",
    )
    for initiative in initiatives:
        if _done(initiative) or targets(initiative, "plekken") or sources(initiative, "beheerder", "plek"):
            continue
        activities = sources(initiative, "organisator", "activiteit")
        if any(targets(a, "plek") for a in activities):
            continue
        homeless.items.append(LooseEnd(initiative, flag="plek" in (initiative.get("zoekt") or [])))

    seeking = Category(
        "zoekt-trekker", "Initiatieven die een trekker zoeken",
        "Deze initiatieven zoeken iemand die het voortouw neemt.",
    )
    for initiative in initiatives:
        if not _done(initiative) and "trekker" in (initiative.get("zoekt") or []):
            seeking.items.append(LooseEnd(initiative, since=initiative.get("bevestigd")))

    silent = Category(
        "zonder-antwoord", "Instellingen die nooit antwoordden",
        "Organisaties waaraan een agendapunt is gestuurd en die op geen enkel punt hebben gereageerd. "
        "De dagen tellen vanaf de eerste keer dat iets is verzonden.",
    )
    rows: dict[str, list[tuple[Entity, dict]]] = {}
    for item in agenda:
        for row in item.get("gericht_aan") or []:
            ref = row.get("organisatie") if isinstance(row, dict) else None
            target = site.resolve(ref) if ref is not None else None
            if target is not None:
                rows.setdefault(target.key, []).append((item, row))
    for key, found in rows.items():
        if any(row.get("reactie") not in NO_ANSWER for _, row in found):
            continue
        sent = [row["verzonden"] for _, row in found if isinstance(row.get("verzonden"), dt.date)]
        items = list(dict.fromkeys(item for item, _ in found))
        silent.items.append(LooseEnd(site.get(key), since=min(sent) if sent else None, related=items, count=len(found)))

    cutoff = months_before(today, stale_months)
    stale = Category(
        "niet-bevestigd", "Niet bevestigd",
        f"Pagina's waarvan niemand in de laatste {stale_months} maanden heeft nagekeken of ze nog kloppen "
        f"(veld bevestigd), of die nog nooit zijn bevestigd.",
    )
    for entity in [*initiatives, *places]:
        if _done(entity) or entity.type.field("bevestigd") is None:
            continue
        confirmed = entity.get("bevestigd")
        if not isinstance(confirmed, dt.date):
            stale.items.append(LooseEnd(entity, flag=True))
        elif confirmed < cutoff:
            stale.items.append(LooseEnd(entity, since=confirmed, months=months_between(confirmed, today)))

    for category in (not_carried, unused, homeless, seeking):
        category.items.sort(key=lambda i: (i.entity.wijk or "", _title(i.entity)))
    silent.items.sort(key=lambda i: (i.since or today, _title(i.entity)))
    stale.items.sort(key=lambda i: (i.since is None, i.since or today, _title(i.entity)))
    return LooseEnds([not_carried, unused, homeless, seeking, silent, stale])
