"""Building the graph once per build: one pass over every entity's references and body links.

Cost is linear in entities + references + links: every lookup is a dict lookup in the site's
indexes (``site.candidates``, ``site.by_path``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..content.entity import Entity
from ..content.links import resolve_link
from .model import LINK, Graph, Node

if TYPE_CHECKING:
    from ..content.entity import Page
    from ..content.site import Site
    from ..markup.markdown import BodyLink


def build_graph(site: Site) -> Graph:
    graph = Graph(site.registry)
    for entity in site.entities:
        graph.add_node(Node.of(entity))
    for entity in site.entities:
        for name, ref in entity.refs():
            target = site.resolve(ref)
            if target is not None:
                graph.add_edge(entity.key, target.key, name)
        for link in entity.links:
            target = link_target(site, entity, link)
            if target is not None:
                graph.add_edge(entity.key, target.key, LINK)
    for page in site.pages:
        for link in page.links:
            target = link_target(site, page, link)
            if target is not None:
                graph.add_page_link(page, target.key)
    return graph


def link_target(site: Site, item: Entity | Page, link: BodyLink) -> Entity | None:
    """The entity a body link points at, or None (a broken link, or a link to an ordinary page).
    Broken links are reported by validation; the graph just leaves them out."""
    found = resolve_link(site, item, link)
    return found if isinstance(found, Entity) else None
