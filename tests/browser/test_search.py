"""Pagefind search on the built demo, at phone width and by keyboard: a word, then a type filter."""

from __future__ import annotations

import pytest

from .tools import ARGS, CHROMIUM, require

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def phone(request):
    require("de zoektest (Pagefind in Chromium)", "playwright", "chromium")
    url = request.getfixturevalue("demo_url")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        page = browser.new_page(viewport=PHONE)
        page.goto(url + "zoeken/")
        yield page
        browser.close()


def _titles(page, expected: str) -> list[str]:
    """The result titles, once they hold ``expected``: results show while a word is typed, so the
    first list may be for part of it."""
    page.wait_for_function(
        "t => [...document.querySelectorAll('.pagefind-ui__result-title .pagefind-ui__result-link')]"
        ".some(a => a.textContent.includes(t))", arg=expected, timeout=15000)
    return page.locator(".pagefind-ui__result-title .pagefind-ui__result-link").all_inner_texts()


def test_a_word_from_one_page_finds_that_page_not_its_history(phone):
    phone.keyboard.press("Tab")  # the skip link, then on to the search box
    box = phone.locator(".pagefind-ui__search-input")
    box.focus()
    phone.keyboard.type("Jarenlang")
    titles = _titles(phone, "Buurtkamer Parkwijk")
    assert "Buurtkamer Parkwijk" in titles
    assert not any("Geschiedenis" in t for t in titles)  # history pages are not searched


def test_a_type_filter_keeps_only_places(phone):
    box = phone.locator(".pagefind-ui__search-input")
    box.fill("")
    box.type("buurtkamer")
    _titles(phone, "Buurtkamer")
    phone.locator("summary.pagefind-ui__filter-name", has_text="Soort").click()
    phone.locator(".pagefind-ui__filter-label", has_text="Plek").first.click()
    # Pagefind re-renders after a filter click: wait for a non-empty list of places
    # that holds the expected page, so an emptied list in between cannot pass.
    phone.wait_for_function(
        "() => { const a = [...document.querySelectorAll('.pagefind-ui__result-title a')];"
        " return a.length > 0 && a.every(l => l.href.includes('/plekken/'))"
        " && a.some(l => l.textContent.includes('Buurtkamer Parkwijk')); }",
        timeout=15000)
    links = phone.locator(".pagefind-ui__result-title a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert hrefs and all("/plekken/" in h for h in hrefs)
    assert "Buurtkamer Parkwijk" in _titles(phone, "Buurtkamer Parkwijk")


def test_without_javascript_the_search_page_points_to_the_overviews(demo_site):
    html = (demo_site / "zoeken" / "index.html").read_text(encoding="utf-8")
    assert "Zonder JavaScript vind je alles via de overzichten" in html
    assert 'href="../wijken/"' in html
