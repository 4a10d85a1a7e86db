"""Sections every site has: what a wijk holds."""

from __future__ import annotations

from ..content.entity import Entity
from ..model.lifecycle import CONFIRMED_FIELD, is_finished, is_stale
from ..model.schema import TYPES
from .entity_pages import edit_url
from .overviews import WIJK_TYPES
from .render import RenderContext
from .sections import Placement, Section


def related_lists(ctx: RenderContext, entity: Entity) -> list[Section]:
    """On a wijk page: its initiatives, places, activities, roles and agendas, each in a section."""
    if entity.type.name != "wijk":
        return []
    out = []
    for order, name in enumerate(WIJK_TYPES):
        members = sorted(ctx.site.in_wijk(entity.slug, name), key=lambda e: e.title.lower())
        if not members:
            continue
        folder = TYPES[name].folder or name
        html = ctx.render("list_section.html", entities=members[:12], total=len(members),
                          more=f"wijken/{entity.slug}/{folder}/", plural=TYPES[name].plural.lower())
        out.append(Section(id=folder or name, title=f"{TYPES[name].plural} ({len(members)})", html=html, order=10 + order))
    return out


def notices(ctx: RenderContext, entity: Entity) -> list[Section]:
    """Above the body: a page nobody confirmed for a long time, and an initiative that ended."""
    out = []
    confirmed = entity.get(CONFIRMED_FIELD)
    months = ctx.build.options.stale_months
    if is_stale(confirmed, ctx.today, months):
        out.append(Section(
            id="klopt-dit-nog", title="Klopt dit nog?", order=1, placement=Placement.TOP,
            html=ctx.render("notice_stale.html", entity=entity, confirmed=confirmed, months=months,
                            edit_url=edit_url(ctx.build, entity.path)),
        ))
    if entity.type.name == "initiatief" and entity.status and is_finished(entity.type.name, entity.status):
        successors = _successors(ctx).get(entity.key, [])
        out.append(Section(
            id="gestopt", title="Dit initiatief is " + entity.status, order=2, placement=Placement.TOP,
            html=ctx.render("notice_ended.html", entity=entity, successors=successors),
        ))
    return out


def _successors(ctx: RenderContext) -> dict[str, list[Entity]]:
    """Initiatives by the key of the one they succeed (``opvolger_van``), computed once per build."""
    if ctx.build.caches.successors is None:
        found: dict[str, list[Entity]] = {}
        for initiative in ctx.site.of_type("initiatief"):
            ref = initiative.get("opvolger_van")
            predecessor = ctx.site.resolve(ref) if ref else None
            if predecessor is not None:
                found.setdefault(predecessor.key, []).append(initiative)
        ctx.build.caches.successors = found
    return ctx.build.caches.successors
