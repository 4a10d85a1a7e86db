"""Sections every site has: what a wijk holds."""

from __future__ import annotations

from ..content.entity import Entity
from ..model.lifecycle import is_stale
from ..model.types import CONFIRMED, SUCCESSOR, Layout
from .entity_pages import edit_url
from .render import RenderContext
from .sections import Placement, Section


def related_lists(ctx: RenderContext, entity: Entity) -> list[Section]:
    """On a wijk page: its initiatives, places, activities, roles and agendas, each in a section."""
    if entity.type.layout is not Layout.WIJK_INDEX:
        return []
    out = []
    for order, spec in enumerate(ctx.site.registry.wijk_overviews):
        members = sorted(ctx.site.in_wijk(entity.slug, spec.name), key=lambda e: e.title.lower())
        if not members:
            continue
        html = ctx.render("list_section.html", entities=members[:12], total=len(members),
                          more=spec.overview_url(entity.slug), plural=spec.plural.lower())
        out.append(Section(id=spec.folder or spec.name, title=f"{spec.plural} ({len(members)})", html=html,
                           order=10 + order))
    return out


def notices(ctx: RenderContext, entity: Entity) -> list[Section]:
    """Above the body: a page nobody confirmed for a long time, and an initiative that ended."""
    out = []
    confirmed = entity.get(CONFIRMED)
    months = ctx.build.options.stale_months
    if is_stale(confirmed, ctx.today, months):
        out.append(Section(
            id="klopt-dit-nog", title="Klopt dit nog?", order=1, placement=Placement.TOP,
            html=ctx.render("notice_stale.html", entity=entity, confirmed=confirmed, months=months,
                            edit_url=edit_url(ctx.build, entity.path)),
        ))
    if entity.type.is_finished(entity.status) and entity.type.field(SUCCESSOR):
        successors = _successors(ctx).get(entity.key, [])
        out.append(Section(
            id="gestopt", title=f"Dit {entity.type.label.lower()} is {entity.status}", order=2, placement=Placement.TOP,
            html=ctx.render("notice_ended.html", entity=entity, successors=successors),
        ))
    return out


def _successors(ctx: RenderContext) -> dict[str, list[Entity]]:
    """Pages by the key of the one they succeed (``opvolger_van``), computed once per build."""
    if ctx.build.caches.successors is None:
        found: dict[str, list[Entity]] = {}
        for successor in ctx.site.entities:
            ref = successor.get(SUCCESSOR)
            predecessor = ctx.site.resolve(ref) if ref else None
            if predecessor is not None:
                found.setdefault(predecessor.key, []).append(successor)
        ctx.build.caches.successors = found
    return ctx.build.caches.successors
