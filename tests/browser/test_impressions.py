"""First impressions in real Chromium: dates computed in the browser, the graph's own keys, print."""

from __future__ import annotations

import pytest

from .tools import chromium_browser

OHG = "wijken/oostelijk-havengebied/"


@pytest.fixture(scope="module")
def browser():
    with chromium_browser("de browsertests voor eerste indrukken") as chromium:
        yield chromium


def test_relative_date_is_added_in_the_browser_beside_the_absolute_date(browser, demo_url, demo_site):
    path = OHG + "initiatieven/werkgroep-vergroeners/"
    built = (demo_site / path / "index.html").read_text(encoding="utf-8")
    assert "geleden" not in built  # nothing relative is baked in at build time
    page = browser.new_page()
    page.goto(demo_url + path, wait_until="networkidle")
    box = page.locator("#geschiedenis")
    stamp = box.locator("time[data-bw-ago]")
    assert stamp.count() == 1
    assert stamp.inner_text()[:1].isdigit()  # "12 maart 2024": the absolute date stays
    assert "geleden" in box.locator(".bw-ago").inner_text()
    page.close()


def test_f_on_the_graph_focuses_the_page_and_does_not_open_search(browser, demo_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_url + OHG + "ecosysteem/", wait_until="networkidle")
    page.wait_for_function("document.querySelector('.bw-eco-graph').bwGraph !== undefined")
    canvas = page.locator(".bw-eco-canvas")
    canvas.focus()
    page.keyboard.press("f")  # nothing chosen yet: still the graph's key
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    page.keyboard.press("ArrowRight")
    page.keyboard.press("f")
    assert not page.evaluate("document.querySelector('[data-md-toggle=search]').checked")
    assert page.evaluate("document.activeElement.classList.contains('bw-eco-canvas')")
    assert page.locator('select[name="focus"]').input_value() != ""
    assert "Focus op" in page.locator(".bw-eco-status").inner_text()
    page.close()


@pytest.mark.parametrize("path", [OHG + "toekomstagenda/2019/", OHG + "toekomstagenda/2019/masterplan-groen/"])
def test_printed_agenda_has_address_and_date_and_no_history_or_link_lists(browser, demo_url, path):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_url + path, wait_until="networkidle")
    assert page.locator("#geschiedenis").is_visible()  # on screen the history box is there
    assert not page.locator(".bw-print-only").is_visible()
    page.emulate_media(media="print")
    for hidden in ("#geschiedenis", "#verbonden-met", "#wat-linkt-hierheen", ".bw-contribute"):
        found = page.locator(hidden)
        assert found.count() == 0 or not found.first.is_visible(), hidden
    address = page.locator(".bw-print-only")
    assert address.is_visible()
    text = address.inner_text()
    assert demo_url + path in text and "gebouwd op" in text  # the full address, also without site_url
    page.close()
