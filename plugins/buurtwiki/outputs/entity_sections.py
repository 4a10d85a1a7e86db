"""Sections every site has: what a wijk holds."""

from __future__ import annotations

from ..content.entity import Entity
from ..model.schema import TYPES
from .render import RenderContext
from .sections import Section

WIJK_TYPES = ["initiatief", "plek", "activiteit", "rol", "toekomstagenda"]


def related_lists(ctx: RenderContext, entity: Entity) -> list[Section]:
    """On a wijk page: its initiatives, places, activities, roles and agendas, each in a section."""
    if entity.type.name != "wijk":
        return []
    out = []
    for order, name in enumerate(WIJK_TYPES):
        members = sorted(ctx.site.in_wijk(entity.slug, name), key=lambda e: e.title.lower())
        if not members:
            continue
        folder = TYPES[name].folder
        html = ctx.render("list_section.html", entities=members[:12], total=len(members),
                          more=f"wijken/{entity.slug}/{folder}/", plural=TYPES[name].plural.lower())
        out.append(Section(id=folder, title=f"{TYPES[name].plural} ({len(members)})", html=html, order=10 + order))
    return out
