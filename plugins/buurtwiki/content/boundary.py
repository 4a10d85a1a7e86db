"""A wijk's boundary (``grens``): a resident's GeoJSON file, read once with bounds.

The file is untrusted: it is read only when :mod:`.files` publishes it, at most
:data:`MAX_BYTES`, and only Polygon and MultiPolygon rings of finite lon,lat numbers on earth
are kept (at most :data:`MAX_POINTS` points). Everything else in the file (properties, other
geometry, foreign members) is dropped, so nothing of it reaches a page except numbers.
"""

from __future__ import annotations

import json
import math
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .entity import Entity
    from .site import Site

MAX_BYTES = 2 * 1024 * 1024
MAX_POINTS = 50_000
GRENS = "grens"
Ring = list[list[float]]


class BoundaryError(ValueError):
    pass


def check_boundaries(site: Site) -> None:
    """Read every wijk's ``grens`` once into ``site.boundaries``; a bad file is a warning."""
    files = dict(site.assets)
    for wijk in site.wijken:
        value = wijk.get(GRENS)
        if not isinstance(value, str):
            continue
        folder = wijk.src_uri.rsplit("/", 1)[0]
        path = files.get(f"{folder}/{value}")
        if path is None:
            continue  # local_paths.py has said why
        try:
            polygons = _read(path.read_bytes()[: MAX_BYTES + 1])
        except (OSError, BoundaryError) as err:
            site.problems.for_path(wijk.path).warning(
                wijk.line(GRENS),
                f"veld '{GRENS}': het bestand '{value}' is geen bruikbare grens: {err}. Verwacht een "
                "GeoJSON-bestand met een Polygon of MultiPolygon in lengtegraad, breedtegraad (zoals "
                "[4.92, 52.37]). De kaart toont de wijk nu zonder grens.",
            )
            continue
        site.boundaries[wijk.slug] = polygons


def boundary_of(site: Site, wijk: Entity) -> list[list[Ring]]:
    return site.boundaries.get(wijk.slug, [])


def _read(data: bytes) -> list[list[Ring]]:
    if len(data) > MAX_BYTES:
        raise BoundaryError(f"het is groter dan {MAX_BYTES // (1024 * 1024)} MB")
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise BoundaryError("het is geen geldige JSON") from None
    polygons: list[list[Ring]] = []
    budget = [MAX_POINTS]
    for geometry in _geometries(document):
        kind, coordinates = geometry.get("type"), geometry.get("coordinates")
        if kind == "Polygon":
            polygons.append(_polygon(coordinates, budget))
        elif kind == "MultiPolygon" and isinstance(coordinates, list):
            polygons.extend(_polygon(c, budget) for c in coordinates[:1000])
    if not polygons:
        raise BoundaryError("er staat geen Polygon of MultiPolygon in")
    return polygons


def _geometries(document: Any) -> list[dict[str, Any]]:
    """The geometries of a FeatureCollection, a Feature or a bare geometry (one level each)."""
    if not isinstance(document, dict):
        return []
    if document.get("type") == "FeatureCollection" and isinstance(document.get("features"), list):
        features = document["features"][:1000]
    elif document.get("type") == "Feature":
        features = [document]
    else:
        return [document]
    found = []
    for feature in features:
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if isinstance(geometry, dict):
            found.append(geometry)
    return found


def _polygon(rings: Any, budget: list[int]) -> list[Ring]:
    if not isinstance(rings, list) or not rings:
        raise BoundaryError("een Polygon heeft geen ringen")
    out = []
    for ring in rings[:100]:
        if not isinstance(ring, list) or len(ring) < 4:
            raise BoundaryError("een ring van een Polygon heeft minder dan 4 punten")
        budget[0] -= len(ring)
        if budget[0] < 0:
            raise BoundaryError(f"het heeft meer dan {MAX_POINTS} punten")
        out.append([_point(p) for p in ring])
    return out


def _point(point: Any) -> list[float]:
    if not isinstance(point, list) or len(point) < 2:
        raise BoundaryError("een punt is geen [lengtegraad, breedtegraad]")
    lon, lat = point[0], point[1]
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat)):
        raise BoundaryError("een punt bevat iets anders dan een getal")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise BoundaryError(f"het punt [{lon}, {lat}] ligt niet op aarde")
    return [round(float(lon), 7), round(float(lat), 7)]
