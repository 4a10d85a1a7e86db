"""The ecosystem graph: entities as nodes, typed references and body links as edges.

Nothing here knows about MkDocs or HTML. An edge's ``relation`` is the name of the front-matter
field that made it (``plekken``, ``gericht_aan``, ``werkgebied``, …) or ``link`` for a link in the
body; the Dutch words for it come from the model (:func:`relation_words`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..model.registry import Registry
from ..model.schema import DEFAULT_REGISTRY

if TYPE_CHECKING:
    from ..content.entity import Entity, Page

LINK = "link"
LINK_WORDS = ("noemt", "genoemd op")  # a body link, seen from its source and from its target


@dataclass(frozen=True)
class Node:
    key: str  # "type:slug", the node id in the published JSON
    type: str
    title: str
    url: str  # relative to the site root, with trailing slash ("wijken/ohg/plekken/buurtkamer/")
    wijk: str | None  # None for site-wide types (organisatie, fonds)
    entity: Any = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, entity: Entity) -> Node:
        return cls(entity.key, entity.type.name, entity.title, entity.url, entity.wijk, entity)

    def as_json(self) -> dict[str, Any]:
        return {"id": self.key, "type": self.type, "titel": self.title, "url": self.url, "wijk": self.wijk}


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    relation: str  # field name, or "link"

    def as_json(self) -> dict[str, str]:
        return {"bron": self.source, "doel": self.target, "relatie": self.relation}


def relation_words(registry: Registry, source_type: str, relation: str) -> tuple[str, str]:
    """Dutch words for an edge: (seen from its source, seen from its target).

    ``("vindt plaats in", "plek van")`` for ``initiatief.plekken``; the field decides, so the same
    field name can read differently per type (``ontstaan_uit`` of an agenda and of an initiative).
    """
    if relation == LINK:
        return LINK_WORDS
    entity_type = registry.get(source_type)
    spec = entity_type.field(relation) if entity_type else None
    if spec is None or not spec.relation:
        words = relation.replace("_", " ")
        return words, words
    return spec.relation, spec.inverse or spec.relation


@dataclass
class SubGraph:
    """The part of the graph one wijk page shows: its own nodes, plus neighbours from elsewhere."""

    wijk: str
    nodes: list[Node]  # own nodes first, then the ones at the edge
    edges: list[Edge]
    inner: set[str]  # keys of the wijk's own nodes

    def is_outside(self, node: Node) -> bool:
        return node.key not in self.inner

    @property
    def outside(self) -> list[Node]:
        return [n for n in self.nodes if n.key not in self.inner]

    def as_json(self) -> dict[str, Any]:
        return {
            "wijk": self.wijk,
            "nodes": [n.as_json() for n in self.nodes],
            "edges": [e.as_json() for e in self.edges],
        }


class Graph:
    """All nodes and edges of one build, indexed both ways and per wijk."""

    def __init__(self, registry: Registry = DEFAULT_REGISTRY) -> None:
        self.registry = registry  # the types of the nodes: relation words, order, styles
        self.nodes: dict[str, Node] = {}
        self.edges: list[Edge] = []
        self._seen: set[Edge] = set()
        self._out: dict[str, list[Edge]] = defaultdict(list)
        self._in: dict[str, list[Edge]] = defaultdict(list)
        self._by_wijk: dict[str, list[str]] = defaultdict(list)
        self._page_links: dict[str, list[Page]] = defaultdict(list)
        self._page_seen: set[tuple[str, str]] = set()
        self._subgraphs: dict[str, SubGraph] = {}

    # -- building --------------------------------------------------------------------------

    def add_node(self, node: Node) -> None:
        if node.key in self.nodes:
            return
        self.nodes[node.key] = node
        if node.wijk:
            self._by_wijk[node.wijk].append(node.key)

    def add_edge(self, source: str, target: str, relation: str) -> bool:
        """Add an edge once; self-links and edges to unknown nodes are ignored."""
        edge = Edge(source, target, relation)
        if source == target or edge in self._seen or source not in self.nodes or target not in self.nodes:
            return False
        self._seen.add(edge)
        self.edges.append(edge)
        self._out[source].append(edge)
        self._in[target].append(edge)
        self._subgraphs.clear()
        return True

    def add_page_link(self, page: Page, target: str) -> None:
        """An ordinary page (not a node) that links to an entity: shown as incoming, not in the JSON."""
        if target in self.nodes and (page.path, target) not in self._page_seen:
            self._page_seen.add((page.path, target))
            self._page_links[target].append(page)

    # -- queries ---------------------------------------------------------------------------

    def relation_words(self, source_type: str, relation: str) -> tuple[str, str]:
        return relation_words(self.registry, source_type, relation)

    def node(self, key: str) -> Node | None:
        return self.nodes.get(key)

    def outgoing(self, key: str) -> list[Edge]:
        return self._out.get(key, [])

    def incoming(self, key: str) -> list[Edge]:
        return self._in.get(key, [])

    def page_links(self, key: str) -> list[Page]:
        return self._page_links.get(key, [])

    def neighbours(self, key: str) -> list[Node]:
        keys = dict.fromkeys([e.target for e in self.outgoing(key)] + [e.source for e in self.incoming(key)])
        return [self.nodes[k] for k in keys]

    def in_wijk(self, wijk: str) -> list[Node]:
        return [self.nodes[k] for k in self._by_wijk.get(wijk, [])]

    @property
    def wijken(self) -> list[str]:
        return list(self._by_wijk)

    def for_wijk(self, wijk: str) -> SubGraph:
        """The wijk's own nodes and every edge touching them; the other ends that lie outside the
        wijk (site-wide organisations and funds, pages of other wijken) are included "at the edge".
        Edges between two outside nodes are left out. Cost: the wijk's own nodes and their edges."""
        cached = self._subgraphs.get(wijk)
        if cached is not None:
            return cached
        inner_keys = self._by_wijk.get(wijk, [])
        inner = set(inner_keys)
        outside: dict[str, None] = {}
        edges: list[Edge] = []
        for key in inner_keys:
            for edge in self.outgoing(key):
                edges.append(edge)
                if edge.target not in inner:
                    outside[edge.target] = None
            for edge in self.incoming(key):
                if edge.source not in inner:
                    edges.append(edge)
                    outside[edge.source] = None
        nodes = [self.nodes[k] for k in inner_keys] + [self.nodes[k] for k in outside]
        sub = SubGraph(wijk, nodes, edges, inner)
        self._subgraphs[wijk] = sub
        return sub

    def as_json(self) -> dict[str, Any]:
        return {"nodes": [n.as_json() for n in self.nodes.values()], "edges": [e.as_json() for e in self.edges]}

    def __len__(self) -> int:
        return len(self.nodes)
