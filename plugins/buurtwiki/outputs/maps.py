"""Maps with Leaflet (vendored): ``/kaart/`` with every wijk, a map on each wijk page (its places
and boundary) and a small one on each place page.

The page always holds the list of places with addresses and links; the script turns it into
markers (keyboard-focusable, Enter opens the popup). The only host a map contacts is the tile
host of ``kaart_tegels``; with ``geen`` a map makes no request at all.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape

from ..content.entity import Entity
from ..model.types import Layout
from .assets import PREFIX
from .geo import LOCATION, boundary_geometry, located
from .page import MenuEntry, OutputPage, PageKind
from .sections import Placement, Section

if TYPE_CHECKING:
    from ..build import Build
    from .render import RenderContext

MAP_PAGE = "kaart/index.md"
LEAFLET_JS = f"{PREFIX}/vendor/leaflet/leaflet.js"
LEAFLET_CSS = f"{PREFIX}/vendor/leaflet/leaflet.css"
SCRIPT = f"{PREFIX}/kaart.js"
# Stand-ins for what differs per page while markup shared by many pages is rendered once: a
# place's link, a map's label, list id and list items. Random per process, so no page text can
# contain them.
_SLOT = f"bw-slot-{secrets.token_hex(16)}"
_HREF, _LABEL, _LIST_ID, _ITEMS = (f"{_SLOT}-{name}" for name in ("href", "label", "list", "items"))


@dataclass(frozen=True)
class Tiles:
    url: str
    attribution: str
    host: str  # the one host the map contacts (docs/maps: "which host each choice contacts")
    max_zoom: int


TILES: dict[str, Tiles | None] = {
    "pdok": Tiles(
        "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png",
        'Kaartgegevens © <a href="https://www.kadaster.nl">Kadaster</a>', "service.pdok.nl", 19,
    ),
    "osm": Tiles(
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>-bijdragers', "tile.openstreetmap.org", 19,
    ),
    "geen": None,
}
DEFAULT_TILES = "pdok"


def image_origins(build: Build) -> list[str]:
    """Origins other than the site's own that pages may load images from: the configured tile host
    (none with ``kaart_tegels: geen``). The page's Content-Security-Policy allows exactly these."""
    tiles = TILES.get(build.options.kaart_tegels)
    return [f"https://{tiles.host}"] if tiles else []


def safe_json(value: Any) -> Markup:
    """JSON for inside a ``<script type="application/json">``: no ``<``, ``>`` or ``&`` left to
    end the element early."""
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def place_items(ctx: RenderContext, places: list[Entity]) -> list[Markup]:
    """Each place's list item: rendered once per build (``map_place.html``) and shared by /kaart/,
    its wijk page and its own page; only the link, relative to the page, is put in per page."""
    cache = ctx.build.caches.map_items
    items = []
    for place in places:
        parts = cache.get(place.key)
        if parts is None:
            before, _, after = ctx.render("map_place.html", p=place, href=_HREF).partition(_HREF)
            parts = cache[place.key] = (before, after)
        items.append(Markup(f"{parts[0]}{escape(ctx.href(place))}{parts[1]}"))
    return items


def _map(ctx: RenderContext, places: list[Entity], areas: list[dict[str, Any]], label: str, size: str, list_id: str) -> str:
    """A map's markup. Its frame (``map.html``) is rendered once per build for each kind of map and
    page depth: every place page shares one; label, list id and items are put in per page."""
    hrefs = (ctx.href(LEAFLET_CSS), ctx.href(LEAFLET_JS), ctx.href(SCRIPT))
    json_areas = safe_json(areas)
    key = (size, bool(places), json_areas, hrefs)
    frame = ctx.build.caches.map_frames.get(key)
    if frame is None:
        frame = ctx.build.caches.map_frames[key] = ctx.render(
            "map.html", items=[Markup(_ITEMS)] if places else [], areas=json_areas, label=_LABEL, size=size,
            list_id=_LIST_ID, tiles=TILES.get(ctx.build.options.kaart_tegels), leaflet_css=hrefs[0], scripts=list(hrefs[1:]),
        )
    return (frame.replace(_LABEL, escape(label)).replace(_LIST_ID, escape(list_id))
            .replace(_ITEMS, "".join(place_items(ctx, places))))


def _areas(build: Build, wijken: list[Entity]) -> list[dict[str, Any]]:
    out = []
    for wijk in wijken:
        geometry = boundary_geometry(build, wijk)
        if geometry is not None:
            out.append({"type": "Feature", "geometry": geometry, "properties": {"titel": wijk.title}})
    return out


def _located(build: Build, wijk: str | None) -> tuple[list[Entity], list[Entity]]:
    """The places of a wijk (all wijken: None) with and without a location, sorted once per build."""
    cache = build.caches.map_places
    if not cache:
        places = [e for e in build.site.entities if e.type.field(LOCATION) is not None and e.wijk]
        by_wijk: dict[str | None, list[Entity]] = {}
        for place in places:
            by_wijk.setdefault(place.wijk, []).append(place)
        cache[None] = located(places)
        cache.update((slug, located(members)) for slug, members in by_wijk.items())
    return cache.get(wijk, ([], []))


def _render_page(ctx: RenderContext) -> str:
    build = ctx.build
    on_map, missing = _located(build, None)
    html = _map(ctx, on_map, _areas(build, build.site.wijken), "Kaart van alle wijken", "large", "plekken")
    return ctx.render("map_page.html", map=Markup(html), missing=missing, count=len(on_map), wijken=build.site.wijken)


def emit(build: Build) -> Iterator[OutputPage]:
    yield OutputPage(MAP_PAGE, "Kaart", _render_page, kind=PageKind.OVERVIEW,
                     description="Alle plekken in de wijken op een kaart.", menu=MenuEntry("Kaart", 22))


def wijk_map(ctx: RenderContext, entity: Entity) -> Section | None:
    """On a wijk page: its places and boundary; places without a location are named."""
    if entity.type.layout is not Layout.WIJK_INDEX:
        return None
    on_map, missing = _located(ctx.build, entity.slug)
    areas = _areas(ctx.build, [entity])
    if not on_map and not areas and not missing:
        return None
    html = _map(ctx, on_map, areas, f"Kaart van {entity.title}", "medium", f"plekken-{entity.slug}")
    html += ctx.render("map_missing.html", missing=missing, map_page=MAP_PAGE.removesuffix("index.md"))
    return Section(id="kaart", title="Kaart", html=html, order=8)


def place_map(ctx: RenderContext, entity: Entity) -> Section | None:
    """On a place page: a small map around it."""
    if entity.type.field(LOCATION) is None or not entity.get(LOCATION):
        return None
    html = _map(ctx, [entity], [], f"Kaart van {entity.title}", "small", f"plek-{entity.slug}")
    return Section(id="kaart", title="Op de kaart", html=html, order=6, placement=Placement.ASIDE)
