"""The ecosystem's outputs: data files, one ecosystem page per wijk and the loose ends page.

- ``data/ecosysteem.json``: every entity and every typed and body link;
- ``data/ecosysteem/<wijk>.json``: one wijk with its neighbours from elsewhere (for the graph);
- ``wijken/<wijk>/ecosysteem/``: the network as lists and tables, enhanced with a graph;
- ``losse-eindjes/``: the missing links of the whole site.

Listed in :data:`buurtwiki.features.EMITTERS`.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from ..content.urls import site_root
from ..model.types import WIJKEN_URL, Layout
from ..outputs.page import MenuEntry, OutputFile, OutputPage, PageKind
from .sections import ecosystem_url
from .views import incoming_groups, loose_ends, outgoing_groups, svg_shape

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity
    from ..model.registry import Registry
    from ..outputs.render import RenderContext
    from .model import Graph, SubGraph

DATA = "data/ecosysteem.json"
VENDOR_JS = "assets/buurtwiki/vendor/cytoscape/cytoscape.min.js"
SCRIPT = "assets/buurtwiki/ecosysteem.js"


def wijk_data_path(wijk: str) -> str:
    return f"data/ecosysteem/{wijk}.json"


def to_json(value: Any) -> str:
    """Compact JSON for phones: no indentation, no spaces, UTF-8 as is."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _graph_json(build: Build, wijk: str | None) -> str:
    """The whole graph, or one wijk with its neighbours, as published JSON (page URLs as the
    built site has them: the script links to them)."""
    data = (build.graph if wijk is None else build.graph.for_wijk(wijk)).as_json()
    if not build.options.use_directory_urls:
        for node in data["nodes"]:
            node["url"] = build.public_url(node["url"])
    return to_json(data)


def emit(build: Build) -> Iterator[OutputPage | OutputFile]:
    yield OutputFile(DATA, content=partial(_graph_json, build, None), media_type="application/json")
    for wijk in build.site.wijken:
        yield OutputFile(
            wijk_data_path(wijk.slug),
            content=partial(_graph_json, build, wijk.slug),
            media_type="application/json",
        )
        yield OutputPage(
            src_uri=f"{WIJKEN_URL}/{wijk.slug}/ecosysteem.md",
            title=f"Ecosysteem van {wijk.title}",
            render=partial(render_ecosystem, wijk=wijk),
            kind=PageKind.ECOSYSTEM,
            description=f"Wie werkt met wie in {wijk.title}: alle verbindingen tussen initiatieven, plekken, "
            f"organisaties en de toekomstagenda, en wat er nog ontbreekt.",
        )
    yield OutputPage(
        src_uri="losse-eindjes/index.md",
        title="Losse eindjes",
        render=render_loose_ends,
        kind=PageKind.OVERVIEW,
        menu=MenuEntry("Losse eindjes", 60),
        description="Wat er ontbreekt: agendapunten zonder trekker, plekken zonder gebruik, "
        "instellingen die nooit antwoordden en pagina's die niemand meer heeft nagekeken.",
    )




def _types_in(sub: SubGraph, registry: Registry) -> list[dict[str, Any]]:
    counts: dict[str, int] = {}
    for node in sub.nodes:
        counts[node.type] = counts.get(node.type, 0) + 1
    out = []
    for name in sorted(counts, key=registry.order):
        style = registry.style(name)
        entity_type = registry.get(name)
        out.append({
            "name": name,
            "label": registry.plural(name),
            "singular": entity_type.label if entity_type else name,
            "count": counts[name],
            "colour": style.colour,
            "shape": style.shape,
            "svg": svg_shape(style.shape),
            # the wijk's own page links to nearly everything: drawn larger, and never widened through
            "hub": entity_type is not None and entity_type.layout is Layout.WIJK_INDEX,
        })
    return out


def render_ecosystem(ctx: RenderContext, wijk: Entity) -> str:
    graph: Graph = ctx.build.graph
    sub = graph.for_wijk(wijk.slug)
    inner = [n for n in sub.nodes if n.key in sub.inner]
    registry = graph.registry
    tables = []
    for name in sorted({n.type for n in inner}, key=registry.order):
        members = sorted((n for n in inner if n.type == name), key=lambda n: n.title.lower())
        if members:
            tables.append({
                "type": name,
                "label": registry.plural(name),
                "rows": [(n, outgoing_groups(graph, n.key), incoming_groups(graph, n.key)) for n in members],
            })
    outside = []
    for node in sorted(sub.outside, key=lambda n: (registry.order(n.type), n.title.lower())):
        links = [e for e in graph.outgoing(node.key) if e.target in sub.inner]
        links += [e for e in graph.incoming(node.key) if e.source in sub.inner]
        outside.append((node, len(links)))
    return ctx.render(
        "graph/ecosysteem.html",
        wijk=wijk,
        sub=sub,
        inner_count=len(inner),
        tables=tables,
        outside=outside,
        types=_types_in(sub, registry),
        loose=loose_ends(ctx.build, wijk.slug),
        data_url=ctx.href(wijk_data_path(wijk.slug)),
        root=site_root(ctx.page_url),
        scripts=[ctx.href(VENDOR_JS), ctx.href(SCRIPT)],
        site_wide_url="losse-eindjes/",
    )


def render_loose_ends(ctx: RenderContext) -> str:
    site = ctx.site
    graph: Graph = ctx.build.graph
    wijken = [(w, ecosystem_url(w.slug), loose_ends(ctx.build, w.slug).total) for w in site.wijken if graph is not None]
    return ctx.render("graph/losse_eindjes.html", loose=loose_ends(ctx.build), wijken=wijken)
