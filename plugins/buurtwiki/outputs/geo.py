"""GeoJSON (RFC 7946, lon,lat order): ``/data/plekken.geojson``, ``/wijken/<wijk>/plekken.geojson``
and the wijk boundaries in ``/data/wijken.geojson``.

Places without ``locatie`` are left out, never placed somewhere invented; the map page lists them
as a loose end. Page URLs are absolute with ``site_url``, else relative to the file.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from functools import partial
from typing import TYPE_CHECKING, Any

from ..content.boundary import boundary_of
from ..content.entity import Entity
from ..content.urls import relative
from .page import OutputFile

if TYPE_CHECKING:
    from ..build import Build

LOCATION = "locatie"
PLACE_FIELDS = ("soort", "adres", "openingstijden", "toegankelijk")
SITE_PLACES = "data/plekken.geojson"
WIJKEN = "data/wijken.geojson"
MEDIA_TYPE = "application/geo+json"


def wijk_places(wijk: str) -> str:
    return f"wijken/{wijk}/plekken.geojson"


def located(entities: list[Entity]) -> tuple[list[Entity], list[Entity]]:
    """Places with a location (on the map) and those without (a loose end), each by title."""
    with_type = [e for e in entities if e.type.field(LOCATION) is not None]
    ordered = sorted(with_type, key=lambda e: e.title.lower())
    return [e for e in ordered if e.get(LOCATION)], [e for e in ordered if not e.get(LOCATION)]


def _url(build: Build, url: str, from_file: str) -> str:
    public = build.public_url(url)
    base = build.options.site_url
    return base.rstrip("/") + "/" + public if base else relative(public, from_file)


def place_feature(build: Build, entity: Entity, from_file: str) -> dict[str, Any]:
    lat, lon = entity.get(LOCATION)
    properties: dict[str, Any] = {
        "slug": entity.slug, "type": entity.type.name, "titel": entity.title,
        "title": entity.title,  # the simplestyle name that map viewers (geojson.io, GitHub) show
        "status": entity.status, "wijk": entity.wijk,
    }
    for name in PLACE_FIELDS:
        value = entity.get(name)
        properties[name] = list(value) if isinstance(value, list) else value
    properties["url"] = _url(build, entity.url, from_file)
    return {"type": "Feature", "id": entity.slug, "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _collection(features: list[dict[str, Any]]) -> str:
    return _json({"type": "FeatureCollection", "features": features})


def _feature_json(build: Build, entity: Entity, from_file: str) -> str:
    """A place's feature, serialised once per build for each URL it carries: the site file and its
    wijk's file share it when ``site_url`` makes the URL absolute."""
    key = (entity.key, _url(build, entity.url, from_file))
    text = build.caches.geo_features.get(key)
    if text is None:
        text = build.caches.geo_features[key] = _json(place_feature(build, entity, from_file))
    return text


def _places(build: Build, entities: list[Entity], path: str) -> str:
    # The same bytes as _collection of the features: JSON of a list is its items' JSON, joined.
    features = ",".join(_feature_json(build, e, path) for e in located(entities)[0])
    return f'{{"type":"FeatureCollection","features":[{features}]}}'


def boundary_geometry(build: Build, wijk: Entity) -> dict[str, Any] | None:
    polygons = boundary_of(build.site, wijk)
    if not polygons:
        return None
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def _wijken(build: Build) -> str:
    features = []
    for wijk in build.site.wijken:
        geometry = boundary_geometry(build, wijk)
        if geometry is not None:
            properties = {"slug": wijk.slug, "titel": wijk.title, "url": _url(build, wijk.url, WIJKEN)}
            features.append({"type": "Feature", "id": wijk.slug, "geometry": geometry, "properties": properties})
    return _collection(features)


def emit(build: Build) -> Iterator[OutputFile]:
    site = build.site
    places = [e for e in site.entities if e.type.field(LOCATION) is not None and e.wijk]
    yield OutputFile(SITE_PLACES, partial(_places, build, places, SITE_PLACES), MEDIA_TYPE)
    for wijk in site.wijken:
        path = wijk_places(wijk.slug)
        yield OutputFile(path, partial(_places, build, [e for e in places if e.wijk == wijk.slug], path), MEDIA_TYPE)
    yield OutputFile(WIJKEN, partial(_wijken, build), MEDIA_TYPE)
