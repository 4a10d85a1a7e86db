"""Entity page sections: "Verbonden met", "Wat linkt hierheen" and, on a wijk, its ecosystem.

Registered in :data:`buurtwiki.features.PROVIDERS`. Plain server-side HTML: the links
work without JavaScript. Cost per page: its own edges.
"""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

from ..model.types import WIJKEN_URL, Layout
from ..outputs.sections import Section
from .views import incoming_groups, loose_ends, outgoing_groups

if TYPE_CHECKING:
    from ..content.entity import Entity
    from ..outputs.render import RenderContext


def ecosystem_url(wijk: str) -> str:
    return f"{WIJKEN_URL}/{wijk}/ecosysteem/"


def network_link(ctx: RenderContext, entity: Entity) -> str | None:
    """The wijk's ecosystem page focused on this page (``?pagina=``; ecosysteem.js starts there),
    with its row in the list as the anchor for a browser without JavaScript. None outside a wijk."""
    if not entity.wijk or entity.type.layout is Layout.WIJK_INDEX:
        return None
    anchor = f"knoop-{entity.type.name}-{entity.slug}"
    return f"{ctx.href(ecosystem_url(entity.wijk))}?pagina={quote(entity.key, safe='')}#{anchor}"


def link_sections(ctx: RenderContext, entity: Entity) -> list[Section]:
    graph = ctx.build.graph
    if graph is None or entity.key not in graph.nodes:
        return []
    out = ctx.render("graph/section_links.html", which="out", groups=outgoing_groups(graph, entity.key), pages=[],
                     network=network_link(ctx, entity))
    into = ctx.render(
        "graph/section_links.html", which="in", groups=incoming_groups(graph, entity.key), pages=graph.page_links(entity.key)
    )
    return [
        Section(id="verbonden-met", title="Verbonden met", html=out, order=80),
        Section(id="wat-linkt-hierheen", title="Wat linkt hierheen", html=into, order=81),
    ]


def wijk_ecosystem(ctx: RenderContext, entity: Entity) -> Section | None:
    """On a wijk page: a short summary that leads to the wijk's ecosystem page."""
    graph = ctx.build.graph
    if graph is None or entity.type.layout is not Layout.WIJK_INDEX:
        return None
    sub = graph.for_wijk(entity.slug)
    html = ctx.render(
        "graph/section_wijk.html",
        wijk=entity,
        inner=len(sub.inner),
        edges=len(sub.edges),
        outside=len(sub.outside),
        loose=loose_ends(ctx.build, entity.slug).total,
        url=ecosystem_url(entity.slug),
    )
    return Section(id="ecosysteem", title="Ecosysteem", html=html, order=60)
