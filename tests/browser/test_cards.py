"""The accountability tables on a phone (issue 12): every row a readable card, in real Chromium.

Below ~600 px the response tables (agenda item, agenda, organisation, /verantwoording/) show each
row as a card: the column name comes from ``data-label``. At 390 px the page must not scroll
sideways and no word may be broken over two lines; the sort links of /verantwoording/ work
without JavaScript.
"""

from __future__ import annotations

import pytest

from .tools import chromium_browser

OHG = "wijken/oostelijk-havengebied/"
PAGES = [
    OHG + "toekomstagenda/2019/masterplan-groen/",  # agenda item: bw-ledger
    OHG + "toekomstagenda/2019/",  # agenda: bw-accountability per edition
    "organisaties/gemeente-amsterdam/",  # organisation: bw-ledger
    "verantwoording/",  # all organisations: bw-accountability, four sort orders
]
TABLES = "table.bw-ledger, table.bw-accountability"

# Each word of the table's text (as laid out) on how many lines: a word on two lines was broken.
BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const table of document.querySelectorAll(selector)) {
    if (!table.offsetParent) continue;  // a sort view that is not shown
    const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('thead')) continue;  // hidden on a phone, read by screen readers
      const re = /\\S+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
        if (tops.size > 1) broken.push(m[0] + ' in ' + node.parentElement.tagName);
      }
    }
  }
  return broken;
}"""

# A card: the row is a block, its cells are stacked, and each data cell shows its column name.
CARD = """(selector) => {
  const out = [];
  for (const table of document.querySelectorAll(selector)) {
    if (!table.offsetParent) continue;
    for (const row of table.querySelectorAll('tbody tr')) {
      const cells = [...row.querySelectorAll('td')];
      out.push({
        display: getComputedStyle(row).display,
        stacked: cells.every(td => getComputedStyle(td).display === 'block'),
        labels: cells.map(td => [td.dataset.label || '', getComputedStyle(td, '::before').content]),
        width: row.getBoundingClientRect().width,
      });
    }
  }
  return out;
}"""


@pytest.fixture(scope="module")
def browser():
    with chromium_browser("de browsertest van de tabellen als kaarten") as chromium:
        yield chromium


@pytest.mark.parametrize("path", PAGES)
def test_each_row_is_a_readable_card_at_390_px(browser, demo_url, path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(demo_url + path, wait_until="networkidle")
    cards = page.evaluate(CARD, TABLES)
    assert cards, f"{path}: no table rows shown"
    for card in cards:
        assert card["display"] == "block" and card["stacked"], card
        assert card["width"] <= 390, card
        for label, before in card["labels"]:
            assert label, card  # every data cell names its column ...
            assert label in before, card  # ... and the card shows that name
    scroll = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert scroll[0] <= scroll[1], f"{path}: the page scrolls sideways at 390 px ({scroll})"
    assert page.evaluate(BROKEN_WORDS, TABLES) == [], f"{path}: words broken over two lines"
    page.close()


def test_wide_screen_keeps_the_table(browser, demo_url):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(demo_url + "verantwoording/", wait_until="networkidle")
    cards = page.evaluate(CARD, TABLES)
    assert cards and all(card["display"] == "table-row" for card in cards)
    page.close()


def test_sorting_works_without_javascript(browser, demo_url):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(demo_url + "verantwoording/", wait_until="networkidle")

    def shown_order() -> list[str]:
        views = page.locator(".bw-sort-view")
        visible = [i for i in range(views.count()) if views.nth(i).is_visible()]
        assert len(visible) == 1, "exactly one sort order is shown"
        return views.nth(visible[0]).locator("tbody th a").all_inner_texts()

    default = shown_order()
    assert len(default) > 2
    page.locator(".bw-sort-nav a[href='#op-naam']").click()
    by_name = shown_order()
    assert sorted(by_name) == sorted(default)
    assert by_name == sorted(by_name, key=str.casefold)
    assert by_name != default  # the demo's default order (longest silence) is not alphabetical
    context.close()
