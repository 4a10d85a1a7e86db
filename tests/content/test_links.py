"""Body links: one resolution for the check, the graph and the page (content/links.py)."""

from __future__ import annotations

import posixpath
import re

from buurtwiki.scaffold.site import init_site

from ..adapters.test_mkdocs_build import build as mkdocs_build
from ..conftest import TODAY, write_site
from ..helpers import build, render, write

PAGE = "wijken/mijn-wijk/initiatieven/wegwijzer.md"
LINKS = """\
    ---
    titel: Wegwijzer
    status: actief
    ---
    Naar [de wijk vanaf de root](/wijken/mijn-wijk/index.md), [de wijk relatief](../index.md),
    [het eetgroepje](/wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk.md#wanneer)
    en [de start](/index.md).
    """


def _hrefs(html: str) -> dict[str, str]:
    return {text: href for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', html)}


def test_links_from_the_site_root_work_on_the_built_page(tmp_path):
    init_site(tmp_path, today=TODAY)
    write_site(tmp_path, {PAGE: LINKS}, base=None)
    result = mkdocs_build(tmp_path, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    here = "wijken/mijn-wijk/initiatieven/wegwijzer/"
    hrefs = _hrefs((tmp_path / "site" / here / "index.html").read_text(encoding="utf-8"))
    for text in ("de wijk vanaf de root", "de wijk relatief", "het eetgroepje", "de start"):
        href = hrefs[text]
        assert not href.endswith(".md") and ".md#" not in href, (text, href)
        target = posixpath.normpath(posixpath.join(here, href.split("#")[0]))
        assert (tmp_path / "site" / target / "index.html").is_file(), (text, href)
    assert hrefs["de wijk vanaf de root"] == hrefs["de wijk relatief"] == "../../"
    assert hrefs["het eetgroepje"] == "../eetgroep-mijn-wijk/#wanneer"


def test_the_check_and_the_graph_agree_with_the_page(tmp_path):
    root = write(tmp_path, {
        "content/index.md": "# Start\n",
        "wijken/oost/index.md": "---\ntitel: Oost\n---\n",
        "wijken/oost/plekken/tuin.md": "---\ntitel: Tuin\nstatus: open\n---\n",
        "wijken/oost/plekken/hof.md": "---\ntitel: Hof\nstatus: open\n---\n"
                                     "[tuin](/wijken/oost/plekken/tuin.md) en [weg](/wijken/oost/plekken/weg.md)\n",
    })
    b = build(root)
    errors = [str(p) for p in b.site.problems.errors]
    assert len(errors) == 1
    assert errors[0].startswith("wijken/oost/plekken/hof.md:5: fout: link naar '/wijken/oost/plekken/weg.md': "
                                "dat bestand bestaat niet.")
    assert any(e.target == "plek:tuin" for e in b.graph.outgoing("plek:hof"))
    assert _hrefs(render(b, "wijken/oost/plekken/hof.md"))["tuin"] == "../tuin/"
