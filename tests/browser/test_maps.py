"""Maps in real Chromium at phone size: keyboard reaches a marker's popup, the only host contacted is
the configured tile host (none with ``kaart_tegels: geen``), the list is there without JavaScript,
and axe-core finds no serious or critical violation on the new pages.

Tile requests are answered locally (the test machine is offline) and every request is recorded.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from ..adapters.test_mkdocs_build import build
from ..conftest import write_site
from ..where.sites import WIJK
from .tools import AXE, chromium_browser, require, served

CONFIG = ("site_name: T\ndocs_dir: content\ntheme:\n  name: material\n  language: nl\n  font: false\n"
          "plugins:\n  - buurtwiki:\n      kaart_tegels: {tiles}\n      history: false\n")
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000002"
    "000154a24f5d0000000049454e44ae426082"
)
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def browser():
    with chromium_browser("de kaarttest in Chromium") as chromium:
        yield chromium


@pytest.fixture(scope="module", params=["pdok", "geen"])
def site(request, tmp_path_factory):
    require("de kaarttest in Chromium", "playwright", "chromium")
    root = write_site(tmp_path_factory.mktemp(f"kaart-{request.param}"), WIJK)
    (root / "mkdocs.yml").write_text(CONFIG.format(tiles=request.param), encoding="utf-8")
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    with served(root / "site") as url:
        yield request.param, url


def _open(browser, url: str, hosts: list[str], javascript: bool = True):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript, has_touch=True, is_mobile=True)
    page = context.new_page()

    def route(r):
        host = urlsplit(r.request.url).hostname or ""
        hosts.append(host)
        if host == "127.0.0.1":
            r.continue_()
        elif r.request.resource_type == "image":
            r.fulfill(status=200, content_type="image/png", body=PNG)
        else:
            r.abort()

    page.route("**/*", route)
    page.goto(url, wait_until="networkidle")
    return context, page


def test_keyboard_reaches_a_marker_popup_and_only_the_tile_host_is_contacted(browser, site):
    tiles, base = site
    hosts: list[str] = []
    context, page = _open(browser, base + "wijken/test-wijk/", hosts)
    marker = page.locator(".bw-marker").first
    assert marker.get_attribute("tabindex") == "0"
    box = marker.bounding_box()
    assert box and box["width"] >= 44 and box["height"] >= 44
    for _ in range(200):  # Tab through the page until the marker has focus
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.classList.contains('bw-marker')"):
            break
    else:
        pytest.fail("de marker is niet met Tab te bereiken")
    page.keyboard.press("Enter")
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for(state="visible", timeout=5000)
    text = popup.inner_text()
    assert "Buurthuis <De Eik>" in text and "Eikstraat 1" in text and "ma-vr 09:00-17:00" in text
    assert popup.locator("a").first.get_attribute("href") == "../../wijken/test-wijk/plekken/buurthuis/" or \
        popup.locator("a").first.get_attribute("href") == "plekken/buurthuis/"
    others = set(hosts) - {"127.0.0.1"}
    assert others == ({"service.pdok.nl"} if tiles == "pdok" else set())
    context.close()


def test_one_finger_scroll_passes_the_map(browser, site):
    _, base = site
    context, page = _open(browser, base + "wijken/test-wijk/", [])
    touch_action = page.locator(".bw-map").evaluate("el => getComputedStyle(el).touchAction")
    assert "pan-y" in touch_action or touch_action == "auto"
    context.close()


def test_without_javascript_the_map_is_a_list(browser, site):
    _, base = site
    context, page = _open(browser, base + "kaart/", [], javascript=False)
    assert not page.locator(".bw-map").is_visible()
    item = page.locator(".bw-map-places li").first
    assert "Buurthuis <De Eik>" in item.inner_text() and "Eikstraat 1" in item.inner_text()
    assert page.locator("#zonder-locatie").inner_text() == "Nog niet op de kaart (1)"
    context.close()


def test_new_pages_have_no_serious_accessibility_violations(browser, site):
    require("de toegankelijkheidstest (WCAG 2.1 AA in Chromium)", "axe")
    _, base = site
    failures = {}
    for path in ("kaart/", "binnenkort/", "wijken/test-wijk/", "wijken/test-wijk/binnenkort/",
                 "wijken/test-wijk/plekken/buurthuis/", "wijken/test-wijk/activiteiten/koffie/"):
        context, page = _open(browser, base + path, [])
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        bad = [f"{v['id']}: {v['help']} ({v['nodes'][0]['target']})" for v in result["violations"] if v["impact"] in ("serious", "critical")]
        if bad:
            failures[path] = bad
        context.close()
    assert not failures, failures
