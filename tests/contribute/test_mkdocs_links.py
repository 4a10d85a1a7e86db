"""A whole `mkdocs build` of an `init` site on GitLab: every page's edit button opens the real
file (`wijken/…` or `content/…`), and overviews carry "Nieuwe …" links into the right folder."""

from __future__ import annotations

import html
import re

from buurtwiki.scaffold.site import init_site

from ..adapters.test_mkdocs_build import build

REPO_URL = "https://gitlab.com/buurt/wiki"


def test_edit_and_new_page_links_in_a_built_init_site(tmp_path):
    root = tmp_path / "site"
    init_site(root)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + f"repo_url: {REPO_URL}\n", encoding="utf-8")
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]

    def edit_button(page: str) -> str:
        found = re.search(r'<a href="([^"]+)" title="[^"]*" class="md-content__button md-icon" rel="edit">',
                          (root / "site" / page).read_text(encoding="utf-8"))
        assert found, page
        return html.unescape(found.group(1))

    assert edit_button("index.html") == f"{REPO_URL}/-/edit/main/content/index.md"
    assert edit_button("wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk/index.html") == (
        f"{REPO_URL}/-/edit/main/wijken/mijn-wijk/initiatieven/eetgroep-mijn-wijk.md")
    overview = (root / "site/wijken/mijn-wijk/plekken/index.html").read_text(encoding="utf-8")
    assert f'href="{REPO_URL}/-/new/main/wijken/mijn-wijk/plekken?content=' in overview
    assert ">Nieuwe plek</a>" in overview
