"""A main theme's page rolls up its sub-themes across all wijken, with counts, and names the places."""

from __future__ import annotations

from ..helpers import build, render
from .sites import WIJK

THEMES = {
    "content/themas.yml": """
        groen:
          titel: Groen
          omschrijving: Groen in de buurt.
          sub: [bomen]
        """,
    "wijken/andere-wijk/index.md": "---\ntitel: Andere wijk\n---\nx\n",
    "wijken/andere-wijk/initiatieven/boomspiegels.md": """
        ---
        titel: Boomspiegels
        status: actief
        themas: [bomen]
        plekken: [buurthuis]
        ---
        x
        """,
    "wijken/test-wijk/activiteiten/plantdag.md": """
        ---
        titel: Plantdag
        start: 2026-12-05 10:00
        themas: [groen]
        plek: buurthuis
        ---
        x
        """,
}


def test_main_theme_counts_its_sub_themes_across_wijken_and_lists_places(site_dir):
    b = build(site_dir({**WIJK, **THEMES}))
    assert not b.problems.items
    html = render(b, "themas/groen/index.md")
    assert "Bij dit thema en de subthema&#39;s: 1 initiatief, 1 activiteit en 1 plek, in 2 wijken." in html
    assert "Boomspiegels" in html and "Plantdag" in html
    places = html[html.index(">Plekken"):]
    assert "Buurthuis &lt;De Eik&gt;" in places
    sub = render(b, "themas/bomen/index.md")
    assert "Bij dit thema: 1 initiatief en 1 plek, in 2 wijken." in sub
