"""The site's entities by type and by wijk (content/site.py): looked up, not scanned, and
always what a scan over all entities in site order gives, also after entities are added."""

from __future__ import annotations

import copy

from buurtwiki.content.loader import load_site

FILES = {
    "wijken/noord/index.md": "---\ntitel: Noord\n---\n",
    "wijken/zuid/index.md": "---\ntitel: Zuid\n---\n",
    "wijken/noord/plekken/b.md": "---\ntitel: B\n---\n",
    "wijken/noord/plekken/a.md": "---\ntitel: A\n---\n",
    "wijken/zuid/plekken/c.md": "---\ntitel: C\n---\n",
    "wijken/zuid/initiatieven/d.md": "---\ntitel: D\n---\n",
}


def _scan(site, wijk=None, type_name=None):
    return [e for e in site.entities if (wijk is None or e.wijk == wijk) and (type_name is None or e.type.name == type_name)]


def test_groups_equal_a_scan_in_site_order(site_dir) -> None:
    site = load_site(site_dir(FILES))
    types = {e.type.name for e in site.entities}
    assert {"plek", "initiatief"} <= types
    for name in types:
        assert site.of_type(name) == _scan(site, type_name=name)
    for wijk in ("noord", "zuid", "elders"):
        assert site.in_wijk(wijk) == _scan(site, wijk=wijk)
        assert site.in_wijk(wijk, "plek") == _scan(site, wijk=wijk, type_name="plek")
    assert [e.title for e in site.in_wijk("noord", "plek")] == [e.title for e in _scan(site, "noord", "plek")]
    site.of_type("plek").clear()  # a caller's list is its own
    assert site.of_type("plek") == _scan(site, type_name="plek") != []


def test_an_added_entity_is_found(site_dir) -> None:
    site = load_site(site_dir(FILES))
    before = len(site.in_wijk("zuid", "plek"))
    extra = copy.copy(site.in_wijk("zuid", "plek")[0])
    extra.slug, extra.path = "e", "wijken/zuid/plekken/e.md"
    assert site.add(extra) is None
    assert len(site.in_wijk("zuid", "plek")) == before + 1 and site.of_type("plek")[-1] is extra
