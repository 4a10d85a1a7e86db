"""The published data: /data/ecosysteem.json and one file per wijk, compact and exact."""

from __future__ import annotations

import json

from .conftest import build, write


def data(b, path: str) -> tuple[str, dict]:
    text = b.outputs.files[path].data().decode("utf-8")
    return text, json.loads(text)


def test_site_file_has_exactly_the_specified_shape(demo):
    text, value = data(demo, "data/ecosysteem.json")
    assert set(value) == {"nodes", "edges"}
    for node in value["nodes"]:
        assert list(node) == ["id", "type", "titel", "url", "wijk"]
    for edge in value["edges"]:
        assert list(edge) == ["bron", "doel", "relatie"]
    eetgroep = next(n for n in value["nodes"] if n["id"] == "initiatief:eetgroep")
    assert eetgroep == {"id": "initiatief:eetgroep", "type": "initiatief", "titel": "Eetgroep",
                        "url": "wijken/noord/initiatieven/eetgroep/", "wijk": "noord"}
    gemeente = next(n for n in value["nodes"] if n["id"] == "organisatie:gemeente")
    assert gemeente["wijk"] is None and gemeente["url"] == "organisaties/gemeente/"


def test_site_file_holds_every_entity_and_every_typed_and_body_link(demo):
    _, value = data(demo, "data/ecosysteem.json")
    assert {n["id"] for n in value["nodes"]} == {e.key for e in demo.site.entities}
    published = {(e["bron"], e["doel"], e["relatie"]) for e in value["edges"]}
    expected = set()
    for entity in demo.site.entities:
        for name, ref in entity.refs():
            target = demo.site.resolve(ref)
            if target is not None and target != entity:
                expected.add((entity.key, target.key, name))
    assert expected <= published
    assert {r for r in published if r[2] == "link"} >= {
        ("initiatief:eetgroep", "plek:buurtkamer", "link"),
        ("initiatief:buurtmoestuin", "initiatief:eetgroep", "link"),
    }
    assert len(published) == len(value["edges"])  # each edge once
    ids = {n["id"] for n in value["nodes"]}
    assert all(e["bron"] in ids and e["doel"] in ids for e in value["edges"])


def test_json_is_compact_utf8(tmp_path):
    b = build(write(tmp_path, {"wijken/w/index.md": "---\ntitel: Coöperatie “Zon” & <Dak>\n---\n"}))
    text, value = data(b, "data/ecosysteem.json")
    assert "\n" not in text and ", " not in text and '": ' not in text
    assert "Coöperatie “Zon” & <Dak>" in text  # not \u-escaped
    assert value["nodes"][0]["titel"] == "Coöperatie “Zon” & <Dak>"


def test_a_file_per_wijk_with_its_neighbours_at_the_edge(demo):
    assert {p for p in demo.outputs.files if p.startswith("data/ecosysteem/")} == {
        "data/ecosysteem/noord.json", "data/ecosysteem/zuid.json"}
    _, zuid = data(demo, "data/ecosysteem/zuid.json")
    assert zuid["wijk"] == "zuid"
    nodes = {n["id"]: n for n in zuid["nodes"]}
    assert nodes["initiatief:eetgroep"]["wijk"] == "noord"  # other wijk, at the edge
    assert nodes["organisatie:welzijn"]["wijk"] is None  # site-wide organisation working in Zuid
    assert "plek:buurtkamer" not in nodes  # only linked to Noord
    assert {(e["bron"], e["doel"], e["relatie"]) for e in zuid["edges"]} >= {
        ("initiatief:buurtmoestuin", "initiatief:eetgroep", "verwant_aan"),
        ("initiatief:eetgroep", "initiatief:buurtmoestuin", "verwant_aan"),
        ("organisatie:welzijn", "wijk:zuid", "werkgebied"),
    }
    assert all(e["bron"] in nodes and e["doel"] in nodes for e in zuid["edges"])


def test_no_wijken_no_crash(tmp_path):
    b = build(write(tmp_path, {"content/index.md": "# Leeg\n"}))
    _, value = data(b, "data/ecosysteem.json")
    assert value == {"nodes": [], "edges": []}
    assert "losse-eindjes/index.md" in b.outputs.pages
