"""Hostile Markdown and raw HTML from the security hunt (docs/security.md, "Markup and escaping")."""

from __future__ import annotations

import re

from buurtwiki.markup.markdown import parse, render

THEME_IDS = ("__config", "__search", "__drawer", "__toc", "__palette_0", "__consent", "__codelineno-0-1",
             "md-header", "MD-content", "bw-email")


def _html(body: str) -> str:
    return render(parse(body), lambda target, text: text, lambda href: href)


def _ids(html: str) -> list[str]:
    return re.findall(r'\bid="([^"]*)"', html)


def test_raw_html_cannot_take_an_id_of_material_or_buurtwiki():
    body = "\n\n".join(f'<h2 id="{i}">x</h2>\n\n<ul><li id="{i}">y</li></ul>\n\n<p><sup id="{i}">z</sup></p>' for i in THEME_IDS)
    ids = _ids(_html(body))
    assert ids and all(i.startswith("id-") for i in ids), ids


def test_headings_never_get_an_id_of_material_or_buurtwiki():
    ids = _ids(_html("\n\n".join(f"## {i}\n\n### {i}" for i in THEME_IDS)))
    assert len(ids) == 2 * len(THEME_IDS) and all(i.startswith("id-") for i in ids), ids


def test_ordinary_ids_and_footnotes_keep_their_ids():
    html = _html("## Wat we doen\n\nTekst[^1].\n\n[^1]: Bron.\n\n<h3 id=\"plan\">Plan</h3>\n")
    assert _ids(html) == ["wat-we-doen", "plan", "fn1"]
    assert 'href="#fn1"' in html


def test_name_attributes_never_reach_the_page():
    html = _html('<img name="cookie" src="a.png"><a name="__config" href="x">x</a><ul><li name="forms">z</li></ul>\n')
    assert "name=" not in html
