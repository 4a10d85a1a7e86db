"""The graph: every typed reference and every body link becomes an edge, once."""

from __future__ import annotations

from buurtwiki.graph import build_graph
from buurtwiki.graph.model import relation_words
from buurtwiki.model.schema import DEFAULT_REGISTRY

from .conftest import build, write


def edges(b) -> set[tuple[str, str, str]]:
    return {(e.source, e.target, e.relation) for e in b.graph.edges}


def test_every_entity_is_a_node(demo):
    assert set(demo.graph.nodes) == {e.key for e in demo.site.entities}
    node = demo.graph.nodes["initiatief:eetgroep"]
    assert (node.type, node.title, node.url, node.wijk) == ("initiatief", "Eetgroep", "wijken/noord/initiatieven/eetgroep/", "noord")
    assert demo.graph.nodes["organisatie:gemeente"].wijk is None


def test_typed_references_are_edges_named_by_their_field(demo):
    found = edges(demo)
    expected = {
        ("initiatief:eetgroep", "plek:buurtkamer", "plekken"),
        ("initiatief:eetgroep", "organisatie:welzijn", "ondersteund_door"),
        ("initiatief:eetgroep", "rol:opbouwwerker", "ondersteund_door"),
        ("initiatief:eetgroep", "fonds:buurtfonds", "gefinancierd_door"),
        ("initiatief:eetgroep", "agendapunt:groen-plan", "ontstaan_uit"),
        ("initiatief:eetgroep", "agendapunt:groen-plan", "draagt_bij_aan"),
        ("initiatief:eetgroep", "initiatief:buurtmoestuin", "verwant_aan"),
        ("initiatief:opvolger", "initiatief:eetgroep", "opvolger_van"),
        ("plek:buurtkamer", "organisatie:corporatie", "eigenaar"),
        ("plek:buurtkamer", "initiatief:eetgroep", "beheerder"),
        ("organisatie:gemeente", "wijk:noord", "werkgebied"),
        ("organisatie:gemeente", "wijk:zuid", "werkgebied"),
        ("organisatie:corporatie", "organisatie:gemeente", "onderdeel_van"),
        ("fonds:buurtfonds", "organisatie:gemeente", "verstrekker"),
        ("rol:opbouwwerker", "organisatie:welzijn", "bezetting"),  # nested in a bezetting row
        ("activiteit:buurtfeest", "plek:buurtkamer", "plek"),
        ("activiteit:buurtfeest", "initiatief:eetgroep", "organisator"),
        ("activiteit:buurtfeest", "organisatie:gemeente", "organisator"),
        ("toekomstagenda:2025", "activiteit:buurtfeest", "ontstaan_uit"),
        ("agendapunt:groen-plan", "initiatief:eetgroep", "trekkers"),
        ("agendapunt:groen-plan", "organisatie:corporatie", "gericht_aan"),  # nested in gericht_aan rows
        ("agendapunt:bankjes", "organisatie:zorg", "gericht_aan"),
    }
    assert expected <= found


def test_body_wikilinks_and_markdown_links_are_link_edges(demo):
    found = edges(demo)
    assert ("initiatief:eetgroep", "plek:buurtkamer", "link") in found  # [[buurtkamer]]
    assert ("initiatief:eetgroep", "organisatie:welzijn", "link") in found  # [[organisatie:welzijn|Welzijn]]
    assert ("initiatief:eetgroep", "initiatief:buurtmoestuin", "link") in found  # ../../zuid/…/buurtmoestuin.md#start
    assert ("wijk:noord", "wijk:zuid", "link") in found


def test_links_in_code_are_not_edges(demo):
    targets = {e.target for e in demo.graph.outgoing("initiatief:eetgroep")}
    assert "plek:leeg-pand" not in targets  # fenced code block
    assert "organisatie:zorg" not in targets  # inline code


def test_outgoing_and_incoming_are_the_same_edges_seen_from_both_sides(demo):
    g = demo.graph
    for edge in g.edges:
        assert edge in g.outgoing(edge.source)
        assert edge in g.incoming(edge.target)
    assert sum(len(g.outgoing(k)) for k in g.nodes) == len(g.edges) == sum(len(g.incoming(k)) for k in g.nodes)


def test_ordinary_pages_linking_to_entities_are_kept_apart(demo):
    assert [p.src_uri for p in demo.graph.page_links("initiatief:eetgroep")] == ["index.md"]
    assert [p.src_uri for p in demo.graph.page_links("plek:buurtkamer")] == ["index.md"]
    assert all(e.source in demo.graph.nodes for e in demo.graph.edges)


def test_duplicates_self_links_and_broken_links_are_left_out(tmp_path):
    b = build(write(tmp_path, {
        "wijken/w/index.md": "---\ntitel: W\n---\n[[w]] [[bestaat-niet]] [[p]] [[p|nog eens]]\n",
        "wijken/w/plekken/p.md": "---\ntitel: P\nstatus: open\n---\n",
    }))
    assert [(e.source, e.target, e.relation) for e in b.graph.edges] == [("wijk:w", "plek:p", "link")]


def test_build_is_independent_of_mkdocs_and_callable_on_a_site(demo):
    again = build_graph(demo.site)
    assert [e.as_json() for e in again.edges] == [e.as_json() for e in demo.graph.edges]


def test_relation_words_come_from_the_model():
    assert relation_words(DEFAULT_REGISTRY, "initiatief", "plekken") == ("vindt plaats in", "plek van")
    assert relation_words(DEFAULT_REGISTRY, "initiatief", "ondersteund_door") == ("ondersteund door", "ondersteunt")
    assert relation_words(DEFAULT_REGISTRY, "agendapunt", "gericht_aan") == ("gericht aan", "ontving")
    assert relation_words(DEFAULT_REGISTRY, "plek", "link") == ("noemt", "genoemd op")


def test_for_wijk_has_own_nodes_and_neighbours_at_the_edge(demo):
    sub = demo.graph.for_wijk("zuid")
    keys = [n.key for n in sub.nodes]
    assert set(keys[: len(sub.inner)]) == {"wijk:zuid", "initiatief:buurtmoestuin"}
    outside = {n.key for n in sub.outside}
    # the Noord initiative it is related to, and the organisations working in Zuid
    assert outside == {"initiatief:eetgroep", "organisatie:gemeente", "organisatie:welzijn", "wijk:noord"}
    for edge in sub.edges:
        assert edge.source in sub.inner or edge.target in sub.inner
    # nothing that only touches Noord
    assert ("initiatief:eetgroep", "plek:buurtkamer", "plekken") not in {(e.source, e.target, e.relation) for e in sub.edges}
