"""Map lists: each place's list item is rendered once per build and shared by /kaart/, its wijk page
and its own page; only the link differs, relative to each page."""

from __future__ import annotations

import re

from ..helpers import build, render
from .sites import WIJK

OTHER = {
    "wijken/andere-wijk/index.md": "---\ntitel: Andere wijk\n---\nDe andere wijk.\n",
    "wijken/andere-wijk/plekken/aa-tuin.md": (
        "---\ntitel: Aa-tuin bw-href-0 & co\nstatus: gesloten\nadres: Tuinpad 2\nlocatie: [52.30, 4.80]\n---\nEen tuin.\n"
    ),
}

ITEM = re.compile(r'<li data-lat="[^"]*" data-lon="[^"]*" data-status="[^"]*">.*?</li>', re.S)
HREF = re.compile(r'<a href="([^"]*)">')


def _items(html: str) -> list[str]:
    return ITEM.findall(html)


def test_a_place_item_is_the_same_on_every_map_but_links_relative_to_each_page(site_dir):
    b = build(site_dir({**WIJK, **OTHER}))
    site = _items(render(b, "kaart/index.md"))
    wijk = _items(render(b, "wijken/test-wijk/index.md"))
    own = _items(render(b, "wijken/test-wijk/plekken/buurthuis.md"))
    [eik] = [i for i in site if "De Eik" in i]
    assert wijk == [wijk[0]] and own == [own[0]]  # only this wijk's places; on its page only itself
    assert HREF.findall(eik) == ["../wijken/test-wijk/plekken/buurthuis/"]
    assert HREF.findall(wijk[0]) == ["plekken/buurthuis/"]
    assert HREF.findall(own[0]) == ["./"]
    assert HREF.sub("", eik) == HREF.sub("", wijk[0]) == HREF.sub("", own[0])
    assert "Buurthuis &lt;De Eik&gt;" in eik and "Eikstraat 1, Amsterdam" in eik and "Open: ma-vr 09:00-17:00" in eik


def test_site_map_lists_every_wijk_by_title_and_keeps_text_that_looks_like_the_stand_in(site_dir):
    b = build(site_dir({**WIJK, **OTHER}))
    site = _items(render(b, "kaart/index.md"))
    assert [HREF.findall(i)[0] for i in site] == ["../wijken/andere-wijk/plekken/aa-tuin/", "../wijken/test-wijk/plekken/buurthuis/"]
    assert "Aa-tuin bw-href-0 &amp; co" in site[0]
    other = _items(render(b, "wijken/andere-wijk/index.md"))
    assert len(other) == 1 and "Aa-tuin bw-href-0 &amp; co" in other[0]
    assert render(b, "kaart/index.md") == render(b, "kaart/index.md")  # the shared markup is not used up


def test_place_maps_share_one_frame_but_each_names_its_own_place(site_dir):
    b = build(site_dir({**WIJK, **OTHER}))
    eik = render(b, "wijken/test-wijk/plekken/buurthuis.md")
    tuin = render(b, "wijken/andere-wijk/plekken/aa-tuin.md")
    assert 'aria-label="Kaart van Buurthuis &lt;De Eik&gt;" data-list="plek-buurthuis"' in eik
    assert 'id="plek-buurthuis"' in eik and "aa-tuin" not in eik
    assert 'aria-label="Kaart van Aa-tuin bw-href-0 &amp; co" data-list="plek-aa-tuin"' in tuin
    assert 'id="plek-aa-tuin"' in tuin and "buurthuis" not in tuin
    assert "bw-slot-" not in eik + tuin + render(b, "kaart/index.md") + render(b, "wijken/test-wijk/index.md")
    assert eik.count("leaflet.js") == tuin.count("leaflet.js") == 1
