"""schema.org JSON-LD, the DCAT catalogue and HSDS, checked with a real JSON-LD processor (pyld)
and the official HSDS 3.0 schemas."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from pyld import jsonld

from buurtwiki.opendata.jsonld import linked_data, script_json

from ..helpers import build, write
from .hostile import BREAKOUT, FILES

HSDS = Path(__file__).parent / "hsds"
SCHEMA = "http://schema.org/"
TYPE = "@type"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return build(write(tmp_path_factory.mktemp("site"), FILES), site_url="https://buurt.example/")


def _expanded(doc: dict) -> list[dict]:
    nodes = jsonld.expand(doc)
    return [n for item in nodes for n in (item.get("@graph", [item]))]


def _types(nodes: list[dict]) -> set[str]:
    return {t for n in nodes for t in n.get(TYPE, [])}


@pytest.mark.parametrize(("key", "expected"), [
    ("plek:buurthuis", "https://schema.org/Place"),
    ("organisatie:welzijn", "https://schema.org/Organization"),
    ("activiteit:tuindag", "https://schema.org/Event"),
    ("initiatief:moestuin", "https://schema.org/Project"),
    ("agendapunt:groen", "https://schema.org/CreativeWork"),
    ("toekomstagenda:2025", "https://schema.org/CreativeWork"),
])
def test_every_page_kind_expands_to_its_schema_org_type(built, key, expected):
    nodes = _expanded(linked_data(built, built.site.get(key)))
    assert {expected, "https://schema.org/BreadcrumbList"} <= _types(nodes)


def test_a_place_has_geo_address_and_opening_hours(built):
    node = _expanded(linked_data(built, built.site.get("plek:buurthuis")))[0]
    geo = node["https://schema.org/geo"][0]
    assert geo[TYPE] == ["https://schema.org/GeoCoordinates"]
    assert geo["https://schema.org/latitude"][0]["@value"] == 52.371
    assert node["https://schema.org/address"][0]["@value"] == "Dorpsstraat 1"
    hours = node["https://schema.org/openingHoursSpecification"]
    assert len(hours) == 2 and hours[0]["https://schema.org/opens"][0]["@value"] == "09:00"


def test_an_event_has_status_location_and_schedule(built):
    node = _expanded(linked_data(built, built.site.get("activiteit:tuindag")))[0]
    assert node["https://schema.org/eventStatus"][0]["@value"] == "https://schema.org/EventScheduled"
    assert node["https://schema.org/location"][0]["@id"] == "https://buurt.example/wijken/oost/plekken/buurthuis/"
    assert node["https://schema.org/eventSchedule"][0]["https://schema.org/repeatFrequency"][0]["@value"] == "P1W"
    cancelled = _expanded(linked_data(built, built.site.get("activiteit:markt")))[0]
    assert cancelled["https://schema.org/eventStatus"][0]["@value"] == "https://schema.org/EventCancelled"


def test_script_json_cannot_end_the_script_element(built):
    text = script_json(linked_data(built, built.site.get("plek:buurthuis")))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["@graph"][0]["name"] == BREAKOUT  # the same value for a JSON parser


def test_the_catalogue_is_dcat(built):
    doc = json.loads(built.outputs.files["data/catalogus.jsonld"].data())
    nodes = jsonld.flatten(doc)
    types = {t for n in nodes for t in n.get(TYPE, [])}
    assert {"http://www.w3.org/ns/dcat#Catalog", "http://www.w3.org/ns/dcat#Dataset", "http://www.w3.org/ns/dcat#Distribution"} <= types
    downloads = {d["@id"] for n in nodes for d in n.get("http://www.w3.org/ns/dcat#downloadURL", [])}
    assert "https://buurt.example/data/open-data.zip" in downloads
    licences = {d.get("@id") for n in nodes for d in n.get("http://purl.org/dc/terms/license", [])}
    assert licences == {"https://creativecommons.org/licenses/by/4.0/"}


@pytest.mark.parametrize(("table", "schema"), [
    ("organizations", "organization"), ("locations", "location"), ("services", "service"), ("schedules", "schedule"),
])
def test_hsds_files_follow_the_official_schemas(built, table, schema):
    rows = json.loads(built.outputs.files[f"data/hsds/{table}.json"].data())[table]
    assert rows
    official = json.loads((HSDS / f"{schema}.json").read_text(encoding="utf-8"))
    for row in rows:
        jsonschema.validate(row, official, format_checker=jsonschema.FormatChecker())
        assert set(row) <= set(official["properties"]), set(row) - set(official["properties"])


def test_hsds_links_locations_services_and_schedules(built):
    files = {t: json.loads(built.outputs.files[f"data/hsds/{t}.json"].data())[t] for t in ("organizations", "locations", "services", "schedules")}
    orgs = {o["id"] for o in files["organizations"]}
    assert {"organisatie:welzijn", "initiatief:moestuin"} <= orgs
    place = files["locations"][0]
    assert place["organization_id"] == "organisatie:welzijn" and place["latitude"] == 52.371
    services = {s["id"]: s for s in files["services"]}
    assert services["activiteit:tuindag"]["organization_id"] == "initiatief:moestuin"
    assert services["activiteit:markt"]["status"] == "inactive"
    weekly = next(s for s in files["schedules"] if s.get("service_id") == "activiteit:tuindag")
    assert (weekly["freq"], weekly["byday"], weekly["opens_at"], weekly["until"]) == ("WEEKLY", "TU", "14:00", "2026-09-30")
    hours = [s for s in files["schedules"] if s.get("location_id") == "plek:buurthuis"]
    assert hours[0]["byday"] == "MO,TU,WE,TH,FR"
