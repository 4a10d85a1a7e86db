"""Links both ways on every entity page, the ecosystem page per wijk, and escaping."""

from __future__ import annotations

import html as htmllib
import json
import re
from pathlib import Path

from .conftest import SITE, build, render, write


def section(html: str, section_id: str) -> str:
    match = re.search(rf'<section class="bw-section" id="{section_id}".*?</section>', html, re.S)
    assert match, f"no section {section_id}"
    return match.group(0)


def text(html: str) -> str:
    return htmllib.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip())


def test_every_entity_page_shows_outgoing_and_incoming_links(demo):
    for entity in demo.site.entities:
        html = render(demo, entity.src_uri)
        assert 'id="verbonden-met"' in html and "<h2" in section(html, "verbonden-met")
        assert 'id="wat-linkt-hierheen"' in html


def test_outgoing_grouped_by_relation_in_dutch(demo):
    out = text(section(render(demo, "wijken/noord/initiatieven/eetgroep.md"), "verbonden-met"))
    assert "vindt plaats in Buurtkamer" in out
    assert "ondersteund door Welzijn Opbouwwerker" in out
    assert "gefinancierd door Buurtfonds" in out
    assert "ontstaan uit Groen plan" in out
    assert "draagt bij aan Groen plan" in out
    assert "verwant aan Buurtmoestuin" in out
    # body links to pages already listed under a typed relation are not repeated under "noemt"
    assert "noemt" not in out


def test_incoming_grouped_by_type_with_the_inverse_words(demo):
    into = section(render(demo, "wijken/noord/initiatieven/eetgroep.md"), "wat-linkt-hierheen")
    plain = text(into)
    assert "Plekken (1) beheert Buurtkamer" in plain
    assert "Agendapunten (1) trekt Groen plan" in plain
    assert "Activiteiten (1) organiseert Buurtfeest" in plain
    assert "Initiatieven (2)" in plain and "opgevolgd door Opvolger" in plain
    # two relations from one page are joined, a mere mention is dropped next to a typed one
    assert "verwant aan Buurtmoestuin" in plain and "genoemd op Buurtmoestuin" not in plain
    assert "Andere pagina's (1) genoemd op Buurtwiki" in plain  # the home page, by its title


def test_cross_wijk_links_are_marked_with_their_wijk(demo):
    html = render(demo, "wijken/zuid/initiatieven/buurtmoestuin.md")
    out = section(html, "verbonden-met")
    assert '<li class="bw-andere-wijk"><a href="../../../noord/initiatieven/eetgroep/">Eetgroep</a> <span class="bw-wijk-label">(Noord)</span></li>' in out
    into = section(render(demo, "wijken/noord/initiatieven/eetgroep.md"), "wat-linkt-hierheen")
    assert "Buurtmoestuin</a> <span class=\"bw-wijk-label\">(Zuid)</span>" in into
    # same wijk: no label
    assert "Buurtkamer</a> <span" not in into


def test_organisation_pages_name_the_wijk_of_everything(demo):
    into = text(section(render(demo, "content/organisaties/corporatie.md".removeprefix("content/")), "wat-linkt-hierheen"))
    assert "eigenaar van Buurtkamer (Noord)" in into
    assert "ontving Bankjes (Noord)" in into and "ontving Groen plan (Noord)" in into
    assert "heeft als onderdeel" not in into  # corporatie is part of gemeente, not the other way round
    gemeente = text(section(render(demo, "organisaties/gemeente.md"), "verbonden-met"))
    assert "actief in Noord Zuid" in gemeente


def test_empty_sections_say_so(tmp_path):
    b = build(write(tmp_path, {"wijken/w/index.md": "---\ntitel: W\n---\n"}))
    html = render(b, "wijken/w/index.md")
    assert "verwijst nog niet naar andere pagina's" in text(section(html, "verbonden-met"))
    assert "Nog geen enkele pagina verwijst hiernaar." in text(section(html, "wat-linkt-hierheen"))


def test_wijk_page_leads_to_its_ecosystem(demo):
    html = section(render(demo, "wijken/noord/index.md"), "ecosysteem")
    assert 'href="ecosysteem/">Ecosysteem van Noord</a>' in html
    assert "losse eindje" in html


def test_ecosystem_page_works_without_javascript(demo):
    page = demo.outputs.pages["wijken/noord/ecosysteem.md"]
    assert page.url == "wijken/noord/ecosysteem/" and page.title == "Ecosysteem van Noord"
    html = render(demo, "wijken/noord/ecosysteem.md")
    assert "<h1>Ecosysteem van Noord</h1>" in html
    # the graph is an enhancement: hidden until the script has loaded the data
    assert re.search(r'<figure class="bw-eco-graph" id="netwerk" hidden', html)
    assert 'data-json="../../../data/ecosysteem/noord.json"' in html and 'data-root="../../../"' in html
    assert '<script src="../../../assets/buurtwiki/vendor/cytoscape/cytoscape.min.js" defer></script>' in html
    assert '<script src="../../../assets/buurtwiki/ecosysteem.js" defer></script>' in html
    assert not re.search(r'(src|href)="(https?:)?//', html)  # no third-party requests
    # the lists: one table per type, with headings
    for heading in ("Initiatieven", "Plekken", "Rollen", "Activiteiten", "Agendapunten", "Toekomstagenda&#39;s", "Wijken"):
        assert re.search(rf'<h3 id="lijst-[a-z]+-titel">{heading} <span', html), heading
    assert '<th scope="col">Verbonden met</th>' in html and '<th scope="col">Wat linkt hierheen</th>' in html
    row = re.search(r'<tr id="knoop-initiatief-eetgroep">.*?</tr>', html, re.S).group(0)
    assert "vindt plaats in" in row and "Buurtkamer" in row and "Buurtmoestuin</a> <span class=\"bw-wijk-label\">(Zuid)" in row
    # neighbours from elsewhere, and the loose ends of this wijk
    outside = section(html, "buiten-de-wijk")
    assert "Gemeente" in outside and "meer wijken" in outside and "Buurtmoestuin" in outside
    assert 'id="le-agendapunten-zonder-trekker"' in html and "Bankjes" in section(html, "losse-eindjes")


def test_ecosystem_controls_are_labelled_form_controls(demo):
    html = render(demo, "wijken/noord/ecosysteem.md")
    assert '<legend>Toon</legend>' in html and '<legend>Focus</legend>' in html
    assert re.search(r'<label class="bw-eco-type"><input type="checkbox" name="type" value="initiatief" checked', html)
    assert '<label for="bw-eco-focus">Op pagina</label>' in html
    assert '<option value="">Geen focus: de hele wijk</option>' in html  # the script adds the pages from the data
    assert 'data-naam="Initiatief" data-meervoud="Initiatieven">' in html
    # the script draws the wijk's own page larger and never widens a focus through it: which type
    # that is comes from the model (its layout), not from a type name in the script
    assert re.findall(r'value="(\w+)"[^>]*data-spil', html) == ["wijk"]
    assert '<input type="radio" name="stappen" value="1" checked> 1 stap' in html
    assert '<input type="radio" name="stappen" value="2"> 2 stappen' in html


def test_vendored_library_and_script_are_published(demo):
    files = demo.outputs.files
    assert "assets/buurtwiki/vendor/cytoscape/cytoscape.min.js" in files
    assert "assets/buurtwiki/vendor/cytoscape/LICENSE" in files
    assert "assets/buurtwiki/ecosysteem.js" in files
    licence = files["assets/buurtwiki/vendor/cytoscape/LICENSE"].data().decode()
    assert "Permission is hereby granted, free of charge" in licence
    assert not any(p.endswith(".md") for p in files if p.startswith("assets/"))  # would become a page


HOSTILE = '<script>alert(1)</script>"><img src=x onerror=alert(2)>'


def test_hostile_titles_are_escaped(tmp_path: Path):
    quoted = HOSTILE.replace("'", "''")
    files = {
        **SITE,
        "wijken/noord/index.md": f"---\ntitel: '{quoted}'\n---\n[[eetgroep]]\n",
        "wijken/noord/initiatieven/eetgroep.md": f"---\ntitel: '{quoted}'\nstatus: actief\nzoekt: [trekker]\n"
                                                 f"plekken: [buurtkamer]\n---\n[[buurtmoestuin]]\n",
        "content/organisaties/zorg.md": f"---\ntitel: '{quoted}'\nsoort: zorgorganisatie\n---\n",
    }
    b = build(write(tmp_path, files))
    assert b.graph.nodes["initiatief:eetgroep"].title == HOSTILE
    for src in ("wijken/noord/ecosysteem.md", "wijken/zuid/ecosysteem.md", "losse-eindjes/index.md",
                "wijken/noord/initiatieven/eetgroep.md", "wijken/noord/plekken/buurtkamer.md",
                "wijken/zuid/initiatieven/buurtmoestuin.md", "wijken/noord/index.md"):
        html = render(b, src)
        assert "<script>alert" not in html and "<img src=x" not in html, src
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, src
    # JSON keeps the title as data; it is never put into HTML unescaped by the script (textContent/labels)
    nodes = json.loads(b.outputs.files["data/ecosysteem/noord.json"].data())["nodes"]
    assert HOSTILE in [n["titel"] for n in nodes]
