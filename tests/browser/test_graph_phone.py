"""The ecosystem graph on a phone (issue 11), in real Chromium at 390 px.

A phone visitor starts focused on one page with one step: shapes of at least 44 px to tap, every
shown page labelled at 12 px or more, nothing overlapping, no sideways scroll. A link from a page
opens the graph focused on that page. On a wide screen the whole wijk is still shown first.
Screenshots of both widths are written to the test's folder (BW_SHOTS=<folder> keeps them).
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

from .tools import chromium_browser

OHG = "wijken/oostelijk-havengebied/"
ECO = OHG + "ecosysteem/"
READY = "document.querySelector('.bw-eco-graph').bwGraph !== undefined"

# Every shown page: its rendered box (with its label), size, font size and whether its label shows.
SHOWN = """() => {
  const cy = document.querySelector('.bw-eco-graph').bwGraph;
  return cy.nodes().filter(n => n.visible()).map(n => {
    const box = n.renderedBoundingBox({includeLabels: true});
    return {id: n.id(), label: n.data('label'), width: n.renderedWidth(), height: n.renderedHeight(),
            font: parseFloat(n.renderedStyle('font-size')), labelled: n.renderedStyle('label') !== '',
            x1: box.x1, x2: box.x2, y1: box.y1, y2: box.y2, pos: n.renderedPosition()};
  });
}"""


def settled(page) -> None:
    """Wait (up to 5 s) until the graph has drawn the new view at its final zoom: on a busy machine
    Cytoscape resizes and fits a moment after the focus changes. The asserts then say what is wrong."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    with contextlib.suppress(PlaywrightTimeout):
        page.wait_for_function(f"""() => {{
          const nodes = ({SHOWN})();
          return nodes.length > 0 && nodes.every(n => Math.min(n.width, n.height) >= 44 && n.font >= 12);
        }}""", timeout=5000)


@pytest.fixture(scope="module")
def browser():
    with chromium_browser("de browsertest van het netwerk op een telefoon") as chromium:
        yield chromium


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("BW_SHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def phone(browser):
    return browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True,
                               device_scale_factor=2)


def overlapping(nodes: list[dict]) -> list[tuple[str, str]]:
    out = []
    for i, a in enumerate(nodes):
        for b in nodes[i + 1:]:
            if a["x1"] < b["x2"] and b["x1"] < a["x2"] and a["y1"] < b["y2"] and b["y1"] < a["y2"]:
                out.append((a["label"], b["label"]))
    return out


def test_phone_starts_focused_with_big_labelled_shapes_that_do_not_overlap(browser, demo_url, shots):
    context = phone(browser)
    page = context.new_page()
    page.goto(demo_url + ECO, wait_until="networkidle")
    page.wait_for_function(READY)
    focus = page.locator('select[name="focus"]').input_value()
    assert focus and not focus.startswith("wijk:")  # the best connected page, not the wijk page itself
    assert page.locator('input[name="stappen"]:checked').get_attribute("value") == "1"
    assert "Focus op" in page.locator(".bw-eco-status").inner_text()
    nodes = page.evaluate(SHOWN)
    total = page.evaluate("document.querySelector('.bw-eco-graph').bwGraph.nodes().length")
    assert 1 < len(nodes) < total  # one page and its neighbours, not the whole tangle
    for node in nodes:
        assert min(node["width"], node["height"]) >= 44, node  # a finger can hit it
        assert node["labelled"] and node["font"] >= 12, node  # and read what it is
    assert overlapping(nodes) == []
    canvas = page.locator(".bw-eco-canvas").bounding_box()
    assert all(canvas["width"] >= n["x2"] and n["x1"] >= 0 for n in nodes)  # nothing cut off at the sides
    scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll[0] <= scroll[1]
    for control in page.locator(".bw-eco-zoom button, .bw-eco-focus select").all():
        box = control.bounding_box()
        assert box["height"] >= 44, control
    page.locator("#netwerk").screenshot(path=str(shots / "ecosysteem-390.png"))
    # a tap on a shape opens its page
    target = next(n for n in nodes if n["id"] != focus)
    page.locator(".bw-eco-canvas").scroll_into_view_if_needed()
    origin = page.locator(".bw-eco-canvas").bounding_box()
    url = page.evaluate(f"document.querySelector('.bw-eco-graph').bwGraph.getElementById('{target['id']}').data('url')")
    page.touchscreen.tap(origin["x"] + target["pos"]["x"], origin["y"] + target["pos"]["y"])
    page.wait_for_url("**/" + url)
    context.close()


def test_a_link_from_a_page_opens_the_graph_focused_on_that_page(browser, demo_url):
    context = phone(browser)
    page = context.new_page()
    page.goto(demo_url + OHG + "plekken/azartplein/", wait_until="networkidle")
    link = page.locator("#verbonden-met a", has_text="netwerk")
    assert link.count() == 1
    link.click()
    page.wait_for_url("**/ecosysteem/?pagina=*", wait_until="networkidle")
    page.wait_for_function(READY)
    assert page.locator('select[name="focus"]').input_value() == "plek:azartplein"
    labels = [n["label"] for n in page.evaluate(SHOWN)]
    assert "Azartplein" in labels
    context.close()


def test_wide_screen_still_starts_with_the_whole_wijk(browser, demo_url, shots):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_url + ECO, wait_until="networkidle")
    page.wait_for_function(READY)
    assert page.locator('select[name="focus"]').input_value() == ""
    total = page.evaluate("document.querySelector('.bw-eco-graph').bwGraph.nodes().length")
    assert len(page.evaluate(SHOWN)) == total
    page.locator("#netwerk").screenshot(path=str(shots / "ecosysteem-1280.png"))
    page.close()


def test_keyboard_still_walks_the_pages_on_a_phone(browser, demo_url):
    context = phone(browser)
    page = context.new_page()
    page.goto(demo_url + ECO, wait_until="networkidle")
    page.wait_for_function(READY)
    page.locator(".bw-eco-canvas").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    status = page.locator(".bw-eco-status").inner_text()
    assert "Enter opent de pagina" in status
    page.keyboard.press("f")
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert "Focus op" in page.locator(".bw-eco-status").inner_text()
    page.keyboard.press("Escape")
    assert page.locator('select[name="focus"]').input_value() == ""
    context.close()


def test_the_whole_wijk_on_a_phone_is_rows_of_named_shapes_without_a_web(browser, demo_url, shots):
    context = phone(browser)
    page = context.new_page()
    page.goto(demo_url + ECO, wait_until="networkidle")
    page.wait_for_function(READY)
    page.locator('select[name="focus"]').select_option("")
    settled(page)
    nodes = page.evaluate(SHOWN)
    assert len(nodes) == page.evaluate("document.querySelector('.bw-eco-graph').bwGraph.nodes().length")
    assert all(min(n["width"], n["height"]) >= 44 and n["labelled"] and n["font"] >= 12 for n in nodes)
    assert overlapping(nodes) == []
    assert page.evaluate("document.querySelector('.bw-eco-graph').bwGraph.edges().filter(e => e.visible()).length") == 0
    assert "Kies een pagina bij Focus" in page.locator(".bw-eco-status").inner_text()
    page.locator(".bw-eco-canvas").screenshot(path=str(shots / "ecosysteem-390-hele-wijk.png"))
    context.close()
