"""The registry is the one place a type lives: a new type added there works everywhere.

The test registry below is the default one plus ``werkplaats``; nothing else in the code knows
about it, so every assertion checks that a module reads the registry instead of a list of its own.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from mkdocs.config import load_config

from buurtwiki.adapters.mkdocs.plugin import BuurtwikiPlugin
from buurtwiki.model.fields import Choice, Field, ListOf, Ref, Text, ThemeKey
from buurtwiki.model.registry import Registry
from buurtwiki.model.schema import DEFAULT_REGISTRY, words
from buurtwiki.model.template import ScaffoldError
from buurtwiki.model.types import DEFAULT_STYLE, EntityType, GraphStyle, Layout, OverviewSpec
from buurtwiki.scaffold.page import new_page

from ..helpers import MINIMAL, build, render, write

WERKPLAATS = EntityType(
    "werkplaats", "Werkplaats", "Werkplaatsen", "werkplaatsen", [
        Field("titel", Text(), required=True, label="Titel"),
        Field("status", Choice(words("open", "dicht")), required=True, label="Status"),
        Field("plek", Ref(("plek",)), label="Plek", relation="werkt in", inverse="werkplaats van"),
        Field("onderwerpen", ListOf(ThemeKey()), label="Onderwerpen"),
    ],
    style=GraphStyle("#5d4037", "octagon"),
    overview=OverviewSpec(order=5),
    finished=frozenset({"dicht"}),
)
REGISTRY = DEFAULT_REGISTRY.with_types(WERKPLAATS)

SITE = {
    **MINIMAL,
    "wijken/test-wijk/plekken/buurtkamer.md": "---\ntitel: De Buurtkamer\nstatus: open\n---\nEen plek.\n",
    "wijken/test-wijk/werkplaatsen/fietsmakers.md": (
        "---\ntitel: De Fietsmakers\nstatus: open\nplek: buurtkamer\nonderwerpen: [mobiliteit]\n---\nFietsen.\n"
    ),
}


@pytest.fixture(scope="module")
def extra(tmp_path_factory):
    return build(write(tmp_path_factory.mktemp("extra"), SITE), registry=REGISTRY)


def test_the_site_builds_without_problems(extra):
    assert [str(p) for p in extra.problems.items] == []
    assert extra.site.get("werkplaats:fietsmakers") is not None


def test_the_page_is_at_the_layout_url(extra):
    page = extra.outputs.pages["wijken/test-wijk/werkplaatsen/fietsmakers.md"]
    assert page.url == "wijken/test-wijk/werkplaatsen/fietsmakers/"
    assert "De Fietsmakers" in render(extra, page.src_uri)


def test_the_wijk_overview_lists_it_under_its_plural(extra):
    html = render(extra, "wijken/test-wijk/werkplaatsen/index.md")
    assert extra.outputs.pages["wijken/test-wijk/werkplaatsen/index.md"].title == "Werkplaatsen in Testwijk"
    assert "De Fietsmakers" in html
    wijk = render(extra, "wijken/test-wijk/index.md")
    assert "Werkplaatsen (1)" in wijk


def test_links_both_ways_with_the_relation_words(extra):
    assert "werkt in" in render(extra, "wijken/test-wijk/werkplaatsen/fietsmakers.md")
    place = render(extra, "wijken/test-wijk/plekken/buurtkamer.md")
    assert "werkplaats van" in place
    assert "De Fietsmakers" in place


def test_the_graph_has_the_node_with_its_style(extra):
    data = json.loads(extra.outputs.files["data/ecosysteem.json"].data())
    assert {"bron": "werkplaats:fietsmakers", "doel": "plek:buurtkamer", "relatie": "plek"} in data["edges"]
    assert any(n["id"] == "werkplaats:fietsmakers" for n in data["nodes"])
    html = render(extra, "wijken/test-wijk/ecosysteem.md")
    assert "#5d4037" in html and "Werkplaatsen" in html


def test_the_theme_page_lists_it_by_its_theme_field(extra):
    assert "De Fietsmakers" in render(extra, "themas/mobiliteit/index.md")
    assert "De Fietsmakers" not in render(extra, "themas/wonen/index.md")


def test_the_json_schema_has_its_fields():
    schema = WERKPLAATS.json_schema()
    assert set(schema["properties"]) == {"titel", "status", "plek", "onderwerpen", "type"}
    assert schema["required"] == ["titel", "status"]


def test_nieuw_writes_the_layout_path(tmp_path):
    new_page(tmp_path, "wijk", "Test wijk", registry=REGISTRY)
    path = new_page(tmp_path, "werkplaats", "Repair Café", wijk="test-wijk", registry=REGISTRY)
    assert path == tmp_path / "wijken/test-wijk/werkplaatsen/repair-cafe.md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\ntitel: Repair Café\nstatus: open  # verplicht")
    assert "# plek:" in text


def test_nieuw_refuses_a_wijk_that_does_not_exist_and_a_name_taken_in_another_wijk(tmp_path):
    for title in ("Test wijk", "Oost"):
        new_page(tmp_path, "wijk", title, registry=REGISTRY)
    with pytest.raises(ScaffoldError, match="de wijk 'test-wijkk' bestaat niet.*Bedoel je 'test-wijk'"):
        new_page(tmp_path, "werkplaats", "Repair Café", wijk="test-wijkk", registry=REGISTRY)
    assert not (tmp_path / "wijken/test-wijkk").exists()
    new_page(tmp_path, "werkplaats", "Repair Café", wijk="test-wijk", registry=REGISTRY)
    with pytest.raises(ScaffoldError, match=r"al een werkplaats met de naam 'repair-cafe' \(wijken/test-wijk/werkplaatsen"):
        new_page(tmp_path, "werkplaats", "Repair Café", wijk="oost", registry=REGISTRY)
    assert new_page(tmp_path, "werkplaats", "Repair Café Oost", wijk="oost", registry=REGISTRY).name == "repair-cafe-oost.md"


def test_a_type_without_a_graph_style_gets_the_default(tmp_path):
    plain = EntityType("zonder", "Zonder", "Zonders", "zonders", [Field("titel", Text(), label="Titel")])
    registry = DEFAULT_REGISTRY.with_types(plain)
    assert registry.style("zonder") == DEFAULT_STYLE
    b = build(write(tmp_path, {**MINIMAL, "wijken/test-wijk/zonders/iets.md": "---\ntitel: Iets\n---\n"}),
              registry=registry)
    assert [str(p) for p in b.problems.items] == []
    assert DEFAULT_STYLE.colour in render(b, "wijken/test-wijk/ecosysteem.md")


def test_the_default_registry_has_one_type_per_layout_role():
    assert DEFAULT_REGISTRY.wijk_type.name == "wijk"
    assert DEFAULT_REGISTRY.of_layout(Layout.AGENDA_ITEM).name == "agendapunt"
    assert [t.name for t in DEFAULT_REGISTRY.wijk_overviews] == [
        "initiatief", "plek", "activiteit", "rol", "toekomstagenda"
    ]
    with pytest.raises(ValueError):
        Registry([WERKPLAATS, WERKPLAATS])


@pytest.mark.parametrize("layout, folder", [
    (Layout.IN_WIJK, "plekken"),  # two types in one folder: a file there would mean either
    (Layout.IN_WIJK, "toekomstagenda"),  # the agenda folder is taken
    (Layout.SITE_WIDE, "organisaties"),
    (Layout.IN_WIJK, None),
    (Layout.WIJK_INDEX, None),  # a second kind of wijk page
])
def test_a_registry_where_a_path_means_two_types_is_refused(layout, folder):
    clash = EntityType("botsing", "Botsing", "Botsingen", folder, [], layout=layout)
    with pytest.raises(ValueError):
        DEFAULT_REGISTRY.with_types(clash)


def test_sub_fields_of_groups_come_from_the_model():
    agendapunt = DEFAULT_REGISTRY["agendapunt"]
    reactie = agendapunt.sub_field("gericht_aan", "reactie")
    assert reactie is not None and "toezegging" in reactie.kind.values
    assert agendapunt.sub_field("titel", "x") is None
    assert agendapunt.row_key("mijlpalen") == ("datum", "titel")
    assert agendapunt.is_finished("losgelaten") and agendapunt.is_achieved("gerealiseerd")
    assert not agendapunt.is_achieved("losgelaten")


def test_the_mkdocs_plugin_passes_its_registry_to_the_build(tmp_path: Path):
    write(tmp_path, {**SITE, "mkdocs.yml": "site_name: Test\ndocs_dir: content\n"})
    config = load_config(str(tmp_path / "mkdocs.yml"))
    plugin = BuurtwikiPlugin()
    plugin.load_config({})
    plugin.registry = REGISTRY
    assert plugin._options(config).registry is REGISTRY
