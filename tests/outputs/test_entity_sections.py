"""Notices on entity pages: pages nobody confirmed for a year, initiatives that ended."""

from __future__ import annotations

from buurtwiki.build import BuildOptions, run
from buurtwiki.outputs.render import RenderContext

from ..conftest import TODAY

FOLDER = "wijken/test-wijk/initiatieven/"


def page(root, src_uri):
    build = run(BuildOptions(root=root, today=TODAY, history=False))
    output = build.outputs.pages[src_uri]
    return output.render(RenderContext(build, output.url))


def test_stale_page_asks_whether_it_is_still_true(site_dir):
    root = site_dir({
        FOLDER + "oud.md": "---\ntitel: Oud\nstatus: actief\nbevestigd: 2025-11-20\n---\n",
        FOLDER + "vers.md": "---\ntitel: Vers\nstatus: actief\nbevestigd: 2025-11-21\n---\n",
    })
    old = page(root, FOLDER + "oud.md")
    assert "Klopt dit nog?" in old and "20 november 2025" in old
    assert "Klopt dit nog?" not in page(root, FOLDER + "vers.md")


def test_ended_initiative_stays_and_names_its_successor(site_dir):
    root = site_dir({
        FOLDER + "oud.md": "---\ntitel: Oude groep\nstatus: gestopt\ntot: 2021-06-30\n---\n",
        FOLDER + "nieuw.md": "---\ntitel: Nieuwe <groep>\nstatus: actief\nopvolger_van: oud\n---\n",
    })
    html = page(root, FOLDER + "oud.md")
    assert "Dit initiatief is gestopt" in html and "30 juni 2021" in html
    assert 'href="../nieuw/">Nieuwe &lt;groep&gt;</a>' in html
