"""What the ecosystem pages and sections show, grouped and worded, but not yet HTML.

Shared by the entity page sections (:mod:`.sections`) and the ecosystem pages (:mod:`.emit`),
and cached per build in ``build.caches`` so that each thing is computed once.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..agenda.ledger import ledger_for
from ..model.types import Layout
from .loose_ends import LooseEnds, find_loose_ends
from .model import LINK, Graph, Node

if TYPE_CHECKING:
    from ..build import Build

def _regular(n: int, r: float = 7.0, start: float = -90.0, inner: float | None = None) -> str:
    points = []
    count = n * 2 if inner else n
    for i in range(count):
        angle = math.radians(start + i * 360 / count)
        radius = inner if inner and i % 2 else r
        points.append(f"{8 + radius * math.cos(angle):.1f},{8 + radius * math.sin(angle):.1f}")
    return " ".join(points)


# The graph's shapes (Cytoscape.js node shapes, see ``EntityType.style``) as small SVG elements
# for the legend (16 × 16 box).
SVG_SHAPES = {
    "star": f'<polygon points="{_regular(5, 7.5, inner=3.2)}"/>',
    "ellipse": '<circle cx="8" cy="8" r="7"/>',
    "round-rectangle": '<rect x="1.5" y="2.5" width="13" height="11" rx="3"/>',
    "diamond": '<polygon points="8,0.5 15.5,8 8,15.5 0.5,8"/>',
    "hexagon": f'<polygon points="{_regular(6, 7.5, start=0)}"/>',
    "triangle": '<polygon points="8,1 15.5,14.5 0.5,14.5"/>',
    "rectangle": '<rect x="1.5" y="2.5" width="13" height="11"/>',
    "tag": '<polygon points="1,2.5 11,2.5 15.5,8 11,13.5 1,13.5"/>',
    "pentagon": f'<polygon points="{_regular(5, 7.5)}"/>',
}


def svg_shape(shape: str) -> str:
    """The legend symbol of a shape; an unknown shape is drawn as a circle."""
    return SVG_SHAPES.get(shape, SVG_SHAPES["ellipse"])


@dataclass
class LinkItem:
    node: Node
    words: list[str]  # the relation words for this neighbour
    other_wijk: bool  # lies in another wijk than the page it is shown on

    @property
    def show_wijk(self) -> bool:
        """Name the neighbour's wijk after it: it lies elsewhere and is not itself a wijk."""
        entity = self.node.entity
        return self.other_wijk and not (entity is not None and entity.type.layout is Layout.WIJK_INDEX)

    @property
    def phrase(self) -> str:
        """``gaf aanleiding tot en krijgt hulp van``"""
        if len(self.words) == 1:
            return self.words[0]
        return ", ".join(self.words[:-1]) + " en " + self.words[-1]


@dataclass
class LinkGroup:
    key: str  # relation (outgoing) or type name (incoming)
    label: str  # Dutch: "vindt plaats in", "Initiatieven"
    items: list[LinkItem] = field(default_factory=list)


def _other_wijk(here: Node, there: Node) -> bool:
    return bool(there.wijk) and there.wijk != here.wijk


def outgoing_groups(graph: Graph, key: str) -> list[LinkGroup]:
    """Where a page points to, grouped by relation in the order of the fields; body links last,
    without the pages already listed under a typed relation."""
    here = graph.nodes[key]
    spec = graph.registry.get(here.type)
    order = {f.name: i for i, f in enumerate(spec.fields if spec else [])}
    groups: dict[str, LinkGroup] = {}
    typed: set[str] = set()
    for edge in graph.outgoing(key):
        if edge.relation != LINK:
            typed.add(edge.target)
    for edge in graph.outgoing(key):
        if edge.relation == LINK and edge.target in typed:
            continue
        group = groups.get(edge.relation)
        if group is None:
            group = groups[edge.relation] = LinkGroup(edge.relation, graph.relation_words(here.type, edge.relation)[0])
        there = graph.nodes[edge.target]
        if all(i.node.key != there.key for i in group.items):
            group.items.append(LinkItem(there, [group.label], _other_wijk(here, there)))
    return sorted(groups.values(), key=lambda g: order.get(g.key, len(order)))


def incoming_groups(graph: Graph, key: str) -> list[LinkGroup]:
    """What points here, grouped by the type of the other page; per page the relation(s) seen
    from this side ("ondersteunt", "plek van"); "genoemd op" only when nothing else applies."""
    here = graph.nodes[key]
    per_source: dict[str, list[str]] = {}
    for edge in graph.incoming(key):
        there = graph.nodes[edge.source]
        word = graph.relation_words(there.type, edge.relation)[1]
        found = per_source.setdefault(edge.source, [])
        if word not in found:
            found.append(word)
    groups: dict[str, LinkGroup] = {}
    for source, words in per_source.items():
        there = graph.nodes[source]
        if len(words) > 1:
            words = [w for w in words if w != graph.relation_words(there.type, LINK)[1]]
        group = groups.get(there.type)
        if group is None:
            group = groups[there.type] = LinkGroup(there.type, graph.registry.plural(there.type))
        group.items.append(LinkItem(there, words, _other_wijk(here, there)))
    for group in groups.values():
        group.items.sort(key=lambda i: (i.other_wijk, i.node.title.lower()))
    return sorted(groups.values(), key=lambda g: graph.registry.order(g.key))


# -- per-build caches --------------------------------------------------------------------------


def loose_ends(build: Build, wijk: str | None = None) -> LooseEnds:
    """The loose ends of the site or one wijk, computed once per build."""
    cache = build.caches.loose_ends
    if wijk not in cache:
        cache[wijk] = find_loose_ends(build.site, build.graph, ledger_for(build), build.today,
                                      build.options.stale_months, wijk)
    return cache[wijk]
