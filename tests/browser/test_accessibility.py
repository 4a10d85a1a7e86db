"""WCAG 2.1 AA with axe-core in real Chromium, and every page readable without JavaScript.

Needs Debian's chromium (/usr/bin/chromium), Python playwright and axe-core from npm
(`.ci/run` installs all three). Outside CI the test is skipped when they are missing; in CI
(CI=true) a missing tool is a failure, so the check cannot silently disappear.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .tools import AXE, CHROMIUM, require

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

PAGES = [
    "",
    "wijken/",
    "wijken/oostelijk-havengebied/",
    "wijken/oostelijk-havengebied/initiatieven/",
    "wijken/oostelijk-havengebied/toekomstagenda/2019/",
    "wijken/oostelijk-havengebied/toekomstagenda/2019/masterplan-groen/",
    "organisaties/",
    "themas/duurzaamheid/",
]


def _tools():
    require("de toegankelijkheidstest (WCAG 2.1 AA in Chromium)", "playwright", "chromium", "axe")


@pytest.fixture(scope="module")
def served(request):
    """The demo as `make serve` shows it: with history pages full of changes by several residents."""
    _tools()  # before building the demo
    return request.getfixturevalue("demo_site").parent, request.getfixturevalue("demo_url")


@pytest.fixture(scope="module")
def browser(served):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield chromium
        chromium.close()


def _entity_pages(root: Path) -> list[str]:
    from buurtwiki.content.loader import load_site

    site = load_site(root)
    seen, pages = set(), []
    for entity in site.entities:  # one page of every type
        if entity.type.name not in seen:
            seen.add(entity.type.name)
            pages.append(entity.url)
    return pages


def test_pages_meet_wcag_21_aa(served, browser):
    root, base = served
    extra = [p for p in ("recente-wijzigingen/", "verantwoording/", "losse-eindjes/", "wijken/oostelijk-havengebied/ecosysteem/")
             if (root / "site" / p / "index.html").is_file()]
    history = [p + "geschiedenis/" for p in _entity_pages(root)[:2] if (root / "site" / p / "geschiedenis/index.html").is_file()]
    history += ["wijken/oostelijk-havengebied/toekomstagenda/2019/masterplan-groen/geschiedenis/"]  # word diffs
    failures = {}
    page = browser.new_page(viewport={"width": 390, "height": 844})  # a phone
    for path in dict.fromkeys(PAGES + _entity_pages(root) + extra + history):
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async () => await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        )
        violations = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})" for v in result["violations"]]
        if violations:
            failures[path] = violations
    assert not failures, failures


def test_content_is_readable_without_javascript(served, browser):
    root, base = served
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in _entity_pages(root):
        page.goto(base + path)
        heading = page.locator("article h1").first.inner_text()
        assert heading.strip(), path
        assert page.locator(".bw-infobox, .bw-body").count() >= 1, path
    context.close()
