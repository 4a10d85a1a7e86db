"""Pagefind is given only the pages it may index: not the history pages, not the notes at a
renamed page's old address (never marked data-pagefind-body); the index is the same."""

from __future__ import annotations

import json

from buurtwiki.outputs import search_index

from ..outputs.history_repo import story
from .test_mkdocs_build import ENV
from .test_standalone import build_here


def test_pagefind_reads_no_page_it_would_leave_out(tmp_path, monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    story(tmp_path)
    given: list[str] = []
    real = search_index.link_pages

    def spy(site_dir, into, skip):
        count = real(site_dir, into, skip)
        given.extend(str(p.relative_to(into)) for p in into.rglob("*.html"))
        return count

    monkeypatch.setattr(search_index, "link_pages", spy)
    build_here(tmp_path, workers=0, site="site")
    site = tmp_path / "site"
    moved = [p for p in site.rglob("index.html") if "verhuisd" in p.read_text(encoding="utf-8")]
    assert moved  # the story renames a page
    marked = {str(p.relative_to(site)) for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")}
    assert marked <= set(given)
    assert not any("geschiedenis" in path for path in given)
    assert not {str(p.relative_to(site)) for p in moved} & set(given)
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(marked)
