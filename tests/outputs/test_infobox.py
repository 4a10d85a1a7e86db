"""The facts beside an entity: values as a visitor reads them, never a link to a page that is not there."""

from __future__ import annotations

from ..helpers import MINIMAL, build, render, write


def test_an_unknown_theme_is_not_a_link_to_a_page_that_is_not_there(tmp_path):
    write(tmp_path, {"wijken/test-wijk/initiatieven/tuin.md": "---\ntitel: Tuin\nstatus: actief\nthemas: [groen-onbekend]\n---\n"}, MINIMAL)
    b = build(tmp_path)
    html = render(b, "wijken/test-wijk/initiatieven/tuin.md")
    assert "themas/groen-onbekend/" not in html
    assert '<span class="bw-broken-link" title="Dit thema bestaat niet">groen-onbekend</span>' in html


def test_an_ended_initiative_reads_as_two_sentences(tmp_path):
    write(tmp_path, {"wijken/test-wijk/initiatieven/klus.md": "---\ntitel: Klus\nstatus: overgedragen\ntot: 2019-08-31\n---\n"}, MINIMAL)
    html = render(build(tmp_path), "wijken/test-wijk/initiatieven/klus.md")
    assert "overgedragen. De pagina blijft bewaard" in html
