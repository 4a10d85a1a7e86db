"""DOM clobbering (hunt F0): a resident element with one of Material's ids must not take its place.

Material reads its configuration with ``document.querySelector("#__config")``; the page body comes
before the theme's own ``<script id="__config">``. A resident's ``<h2 id="__config">{json}</h2>``
used to win: with a foreign ``base`` the search box fetched an attacker's search index (and
Material writes result titles with ``innerHTML``). Here the page holds that attack, a heading
``## __config`` and a clobbering ``<li id="__search">``; in real Chromium search still works,
finds the page, and nothing is fetched from another origin.
"""

from __future__ import annotations

import json

import pytest

from buurtwiki.scaffold.site import init_site

from ..adapters.test_mkdocs_build import build
from ..conftest import TODAY
from .tools import ARGS, CHROMIUM, require, served

FOREIGN = "http://127.0.0.1:9/"  # the discard port: a request there fails, and is seen
CONFIG = {"base": FOREIGN, "features": [], "search": "search/search_index.json",
          "translations": {}, "version": None}
ATTACK = (
    "---\ntitel: Zoeken\n---\n"
    f'<h2 id="__config">{json.dumps(CONFIG)}</h2>\n\n'
    "## __config\n\n"
    '<ul><li id="__search">x</li><li id="__drawer" name="__toc">y</li></ul>\n\n'
    "Gewone tekst over klompenmakers.\n"
)


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory):
    root = tmp_path_factory.mktemp("clobber")
    init_site(root, today=TODAY)
    (root / "content/zoek.md").write_text(ATTACK, encoding="utf-8")
    config = root / "mkdocs.yml"  # the attack is on Material's search, so the site uses it
    config.write_text(config.read_text(encoding="utf-8").replace("  - buurtwiki\n", "  - buurtwiki:\n      zoeken: material\n"), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    with served(root / "site") as url:
        yield url


def test_resident_ids_cannot_replace_materials_config(hostile_url):
    require("de browsertest op DOM-clobbering", "playwright", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        foreign: list[str] = []
        errors: list[str] = []
        page.on("request", lambda r: r.url.startswith(hostile_url) or r.url.startswith("data:") or foreign.append(r.url))
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.on("console", lambda m: m.type == "error" and errors.append(m.text))
        page.goto(hostile_url + "zoek/", wait_until="networkidle")
        assert page.evaluate("document.querySelector('#__config').tagName") == "SCRIPT"
        assert page.evaluate("document.querySelectorAll('[id=__config],[id=__search],[id=__drawer]').length") == 3
        page.locator("input[name=query]").click()
        page.keyboard.type("klompenmakers")  # key events, as a visitor types
        # results show while typing ("k" finds the map page): wait for those of the whole word
        page.wait_for_function(
            "() => { const r = document.querySelector('.md-search-result__item'); return r && r.innerText.includes('Zoeken'); }",
            timeout=10000)
        assert "Zoeken" in page.locator(".md-search-result__item").first.inner_text()
        blocked = page.evaluate(f"fetch('{FOREIGN}search/search_index.json').then(() => 'geladen', () => 'geblokkeerd')")
        browser.close()
    assert blocked == "geblokkeerd"  # the Content-Security-Policy: connect-src 'self'
    assert foreign == []
    assert [e for e in errors if "Content Security Policy" not in e] == []
    assert any("connect-src" in e for e in errors)  # the fetch above, refused by the browser
