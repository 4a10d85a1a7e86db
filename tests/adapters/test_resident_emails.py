"""Guarantee 3 for page text (hunt F1): an address a resident writes anywhere on a page is never
published in clear text: not in the page, the search index, the ecosystem JSON, the feeds, the
overviews, the history or ``<title>``. It is shown as ``naam [apenstaartje] domein.nl``.

A real ``buurtwiki init`` site in a real git repository, built with ``mkdocs build``; every file
of the output is searched (the theme's and vendored scripts excepted: their authors' addresses).
"""

from __future__ import annotations

import re

from buurtwiki.scaffold.site import init_site

from ..conftest import TODAY
from ..history.gitrepo import GitRepo
from .test_mkdocs_build import build

ADDRESS = re.compile(rb"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
THEIRS = ("assets/javascripts/", "assets/stylesheets/", "assets/buurtwiki/vendor/", "pagefind/pagefind-")  # their code
INITIATIEF = """\
---
titel: "Club titel@evil.nl"
status: actief
samenvatting: "Mail samenvatting@evil.nl"
contact:
  email: contact@evil.nl
---
Mail body@evil.nl of <auto@evil.nl> of [mail ons](mailto:link@evil.nl) `code@evil.nl`
en body4&#x40;evil.nl en <b>raw&#64;evil.nl</b> en <a href="mailto:html@evil.nl">html</a>.

    blok@evil.nl

## Kop kop@evil.nl
"""
PAGE = """\
---
titel: "Pagina pagina@evil.nl"
samenvatting: "Over omschrijving@evil.nl"
---
Tekst tekst@evil.nl.
"""


def test_no_address_written_on_a_page_is_published_in_clear_text(tmp_path):
    init_site(tmp_path, today=TODAY)
    repo = GitRepo(tmp_path)
    repo.write("wijken/mijn-wijk/initiatieven/club.md", INITIATIEF)
    repo.write("content/over.md", PAGE)
    repo.commit("Club en pagina erbij")
    repo.write("wijken/mijn-wijk/initiatieven/club.md", INITIATIEF.replace("Mail body", "Schrijf naar body"))
    repo.commit("Tekst aangepast")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    site = tmp_path / "site"
    found = {}
    for path in (p for p in site.rglob("*") if p.is_file()):
        if path.relative_to(site).as_posix().startswith(THEIRS):
            continue
        hits = [m for m in ADDRESS.findall(path.read_bytes()) if not m.endswith((b".png", b".svg", b".js", b".css"))]
        if hits:
            found[path.relative_to(site).as_posix()] = hits[:3]
    assert not found, found
    page = (site / "wijken/mijn-wijk/initiatieven/club/index.html").read_text(encoding="utf-8")
    for shown in ("titel [apenstaartje] evil.nl", "body [apenstaartje] evil.nl", "link [apenstaartje] evil.nl",
                  "code [apenstaartje] evil.nl", "body4 [apenstaartje] evil.nl", "contact [apenstaartje] evil.nl"):
        assert shown in page, shown
    assert 'data-u="tcatnoc"' in page  # contact.email still becomes a mail link with JavaScript
    # Pagefind indexes these pages' HTML (its index files are compressed, so the scan above cannot
    # read them): what the pages say is what search finds.
    over = (site / "over/index.html").read_text(encoding="utf-8")
    assert "pagina [apenstaartje] evil.nl" in over or "samenvatting [apenstaartje] evil.nl" in over
