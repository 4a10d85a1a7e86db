"""Entity page sections of the toekomstagenda (listed in ``features.py:PROVIDERS``).

- toekomstagenda: origin, state of affairs (status counts), items per theme, addressees, other editions;
- agendapunt: progress and trekkers, the response ledger, the story (timeline), initiatives, editions;
- organisatie: "Aan deze organisatie gericht";
- initiatief, organisatie, rol: the agenda items they carry, contribute to or arose from.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlparse

from ..outputs.sections import Placement, Section
from .ledger import agenda_date, ledger_for, progress
from .timeline import build_timeline

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..outputs.render import RenderContext

T = "agenda/"  # template folder


def agenda_sections(ctx: RenderContext, entity: Entity) -> list[Section]:
    """On a toekomstagenda (one edition)."""
    if entity.type.name != "toekomstagenda":
        return []
    ledger = ledger_for(ctx.build)
    items = ledger.items_of(entity)
    origin = ctx.site.resolve(entity.get("ontstaan_uit")) if entity.get("ontstaan_uit") else None
    place = ctx.site.resolve(origin.get("plek")) if origin is not None and origin.get("plek") else None
    summaries = ledger.summaries_for_items(items)
    out = [
        Section("herkomst", "Hoe deze agenda ontstond", ctx.render(
            T + "origin.html", agenda=entity, origin=origin, place=place, count=len(items),
            document_host=_host(entity.get("document"))), order=5, placement=Placement.TOP),
        Section("stand-van-zaken", "Stand van zaken", ctx.render(
            T + "state.html", agenda=entity, items=items, counts=ledger.status_counts(items), summaries=summaries,
            rows=[r for i in items for r in ledger.rows_for(i)]), order=6, placement=Placement.TOP),
        Section("agendapunten", f"Agendapunten per thema ({len(items)})", ctx.render(
            T + "items_by_theme.html", groups=ledger.by_theme(items), ledger=ledger, progress=progress, agenda=entity),
            order=20),
    ]
    if summaries:
        out.append(Section("gericht-aan", "Aan wie is deze agenda gestuurd?", ctx.render(
            T + "edition_addressees.html", summaries=summaries), order=25))
    editions = [e for e in ledger.editions(entity.wijk) if e is not entity]
    if editions:
        out.append(Section("andere-edities", "Andere edities", ctx.render(
            T + "editions_list.html", editions=editions, ledger=ledger), order=80))
    return out


def item_sections(ctx: RenderContext, entity: Entity) -> list[Section]:
    """On an agendapunt."""
    if entity.type.name != "agendapunt":
        return []
    ledger = ledger_for(ctx.build)
    rows = ledger.rows_for(entity)
    out = [
        Section("voortgang", "Voortgang", ctx.render(
            T + "item_progress.html", item=entity, value=progress(entity), trekkers=ledger.trekkers(entity)),
            order=5, placement=Placement.TOP),
        Section("wie-reageerde", "Aan wie gericht, en wie reageerde?", ctx.render(
            T + "ledger.html", item=entity, rows=rows), order=20),
    ]
    timeline = build_timeline(ledger, entity, ctx.build.history, ctx.build.tz, ctx.build.options.hide_bots)
    if timeline:
        out.append(Section("verhaal", "Het verhaal van dit punt", ctx.render(T + "timeline.html", timeline=timeline, item=entity),
                           order=30))
    out.append(Section("initiatieven", "Initiatieven bij dit punt", ctx.render(
        T + "item_initiatives.html", item=entity, links=ledger.initiatives_for(entity)), order=40))
    lineage = ledger.lineage(entity)
    if len(lineage) > 1:
        out.append(Section("edities", "In eerdere en latere edities", ctx.render(
            T + "lineage.html", lineage=lineage, item=entity, agenda_date=agenda_date), order=50))
    return out


def organisation_section(ctx: RenderContext, entity: Entity) -> Section | None:
    """On an organisatie: every agenda item addressed to it, across all wijken and editions."""
    if entity.type.name != "organisatie":
        return None
    summary = ledger_for(ctx.build).summary(entity)
    if summary is None:
        return None
    return Section("aan-deze-organisatie-gericht", "Aan deze organisatie gericht", ctx.render(
        T + "organisation.html", summary=summary, organisation=entity), order=20)


def linked_items_section(ctx: RenderContext, entity: Entity) -> Section | None:
    """On an initiatief, organisatie or rol: the agenda items it carries, contributes to or arose from."""
    if entity.type.name not in ("initiatief", "organisatie", "rol"):
        return None
    links = ledger_for(ctx.build).items_linked_to(entity)
    if not links:
        return None
    return Section("bij-de-toekomstagenda", "Bij de toekomstagenda", ctx.render(
        T + "linked_items.html", links=links, entity=entity, progress=progress), order=22)


def _host(url: str | None) -> str:
    return (urlparse(url).netloc.removeprefix("www.") or url) if url else ""
