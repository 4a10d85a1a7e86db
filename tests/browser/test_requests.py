"""In real Chromium every page of the demo loads without a failed request or a console error.

Found this way: the 404 page linked its feed as //feeds/… (a host called "feeds"), and Material's
JavaScript fetched a sitemap.xml next to every feed link (feeds/sitemap.xml: 404).
"""

from __future__ import annotations

import pytest

from .tools import chromium_browser

MISSING = "deze-pagina-bestaat-niet/"
TILE = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c63600000"
                     "02000154a24f5d0000000049454e44ae426082")
PAGES = [
    "",
    "wijken/oostelijk-havengebied/",
    "wijken/oostelijk-havengebied/toekomstagenda/2019/masterplan-groen/",
    "wijken/oostelijk-havengebied/toekomstagenda/2019/masterplan-groen/geschiedenis/",
    "wijken/oostelijk-havengebied/initiatieven/werkgroep-vergroeners/",
    "wijken/oostelijk-havengebied/ecosysteem/",
    "kaart/",
    "binnenkort/",
    "recente-wijzigingen/",
    "verantwoording/",
    MISSING,
    "wijken/k-buurt/nog-een-verkeerd-adres/",
]


@pytest.fixture(scope="module")
def browser():
    with chromium_browser("de browsertest op mislukte verzoeken") as chromium:
        yield chromium


def _problems(browser, base: str, path: str) -> list[str]:
    page = browser.new_page()
    problems: list[str] = []
    url = base + path
    page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text} ({m.location.get('url')})"))
    page.on("pageerror", lambda e: problems.append(f"script: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"mislukt: {r.url} ({r.failure})"))
    page.on("response", lambda r: r.status >= 400 and problems.append(f"{r.status}: {r.url}"))
    # Map tiles come from the configured tile host (offline here): answered with an empty image.
    page.route("https://service.pdok.nl/**", lambda r: r.fulfill(status=200, content_type="image/png", body=TILE))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)  # Material fetches some things after the page is idle
    page.close()
    if path in (MISSING, PAGES[-1]):  # the address itself is meant to be missing
        problems = [p for p in problems if p != f"404: {url}" and not (p.startswith("console: Failed to load resource") and p.endswith(f"({url})"))]
    return problems


def test_pages_load_without_failed_requests_or_console_errors(browser, demo_url):
    found = {path: problems for path in PAGES if (problems := _problems(browser, demo_url, path))}
    assert found == {}


def test_missing_page_is_dutch_with_search_and_overviews(browser, demo_url):
    page = browser.new_page()
    response = page.goto(demo_url + "wijken/k-buurt/nog-een-verkeerd-adres/")
    assert response.status == 404
    assert page.locator("article h1").inner_text() == "Pagina niet gevonden"
    assert page.title().startswith("Pagina niet gevonden")
    for text, target in [("Alle wijken", "wijken/"), ("Organisaties", "organisaties/"), ("Thema's", "themas/"),
                         ("Recente wijzigingen", "recente-wijzigingen/")]:
        link = page.locator("article a", has_text=text).first
        assert link.evaluate("a => a.href") == demo_url + target
    feed = page.locator('link[type="application/atom+xml"]').first.evaluate("link => link.href")
    assert feed == demo_url + "feeds/wijzigingen.xml"
    page.get_by_label("Zoek op deze site").fill("buurtkamer")
    page.get_by_role("button", name="Zoeken").click()
    page.wait_for_selector(".pagefind-ui__result-title", timeout=15000)  # the search page, with results
    assert page.url == demo_url + "zoeken/?q=buurtkamer"
    page.close()
