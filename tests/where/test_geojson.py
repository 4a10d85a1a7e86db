"""GeoJSON of places and boundaries: RFC 7946 FeatureCollections in lon,lat order; places without a
location are left out (and named on the map page); a hostile boundary file never reaches a page."""

from __future__ import annotations

import json

from ..helpers import build, render
from .sites import WIJK


def _json(b, path: str):
    return json.loads(b.outputs.files[path].data())


def test_places_are_a_feature_collection_in_lon_lat_order(site_dir):
    b = build(site_dir(WIJK), site_url="https://buurt.example/")
    data = _json(b, "data/plekken.geojson")
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]  # the place without locatie is left out, not invented
    assert feature["geometry"] == {"type": "Point", "coordinates": [4.92, 52.37]}
    props = feature["properties"]
    assert props["slug"] == "buurthuis" and props["type"] == "plek" and props["titel"] == props["title"] == "Buurthuis <De Eik>"
    assert props["status"] == "open" and props["soort"] == "buurthuis" and props["wijk"] == "test-wijk"
    assert props["adres"] == "Eikstraat 1, Amsterdam" and props["toegankelijk"] == "ja"
    assert props["openingstijden"] == ["ma-vr 09:00-17:00", "za 10:00-14:00", "wo 19:00-22:00"]
    assert props["url"] == "https://buurt.example/wijken/test-wijk/plekken/buurthuis/"
    assert _json(b, "wijken/test-wijk/plekken.geojson")["features"] == data["features"]


def test_urls_are_relative_to_the_file_without_site_url(site_dir):
    b = build(site_dir(WIJK))
    [feature] = _json(b, "wijken/test-wijk/plekken.geojson")["features"]
    assert feature["properties"]["url"] == "plekken/buurthuis/"


def test_boundaries_keep_only_numbers(site_dir):
    b = build(site_dir(WIJK))
    data = _json(b, "data/wijken.geojson")
    [feature] = data["features"]
    assert feature["geometry"]["type"] == "Polygon"
    assert feature["properties"] == {"slug": "test-wijk", "titel": "Testwijk", "url": "../wijken/test-wijk/"}
    assert "script" not in b.outputs.files["data/wijken.geojson"].data().decode()


def test_map_page_names_places_without_location_and_escapes_titles(site_dir):
    b = build(site_dir(WIJK))
    html = render(b, "kaart/index.md")
    assert "Nog niet op de kaart (1)" in html and "Moestuin zonder plek" in html
    assert "Buurthuis &lt;De Eik&gt;" in html and "<De Eik>" not in html
    assert 'data-lat="52.37" data-lon="4.92"' in html
    assert "service.pdok.nl" in html  # the default tiles
    wijk = render(b, "wijken/test-wijk/index.md")
    assert 'class="bw-map bw-map-medium"' in wijk and "Moestuin zonder plek" in wijk


def test_no_tiles_means_no_tile_host_in_the_page(site_dir):
    b = build(site_dir(WIJK), kaart_tegels="geen")
    html = render(b, "kaart/index.md")
    assert "data-tiles" not in html and "openstreetmap" not in html.replace("openstreetmap.org/?", "")
    b = build(site_dir(WIJK), kaart_tegels="osm")
    assert "tile.openstreetmap.org" in render(b, "kaart/index.md")


def test_areas_json_cannot_end_the_script_element(site_dir):
    from buurtwiki.outputs.maps import safe_json

    text = str(safe_json([{"titel": "</script><script>alert(1)</script>&"}]))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == [{"titel": "</script><script>alert(1)</script>&"}]


def test_features_serialised_once_give_the_same_bytes_as_the_whole_collection(site_dir):
    from buurtwiki.outputs.geo import _collection, located, place_feature

    for site_url in ("", "https://buurt.example/"):
        b = build(site_dir(WIJK), site_url=site_url)
        places = located([e for e in b.site.entities if e.wijk])[0]
        for path in ("data/plekken.geojson", "wijken/test-wijk/plekken.geojson"):
            expected = _collection([place_feature(b, e, path) for e in places])
            assert b.outputs.files[path].data().decode() == expected
    site, wijk = (_json(build(site_dir(WIJK)), p)["features"][0]["properties"]["url"]
                  for p in ("data/plekken.geojson", "wijken/test-wijk/plekken.geojson"))
    assert (site, wijk) == ("../wijken/test-wijk/plekken/buurthuis/", "plekken/buurthuis/")  # not shared without site_url
