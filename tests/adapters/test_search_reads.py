"""Pagefind is given only the pages it may index: not the history pages, not the notes at a
renamed page's old address (never marked data-pagefind-body); the index is the same."""

from __future__ import annotations

import json
from pathlib import Path

from buurtwiki.outputs import search_index

from ..outputs.history_repo import story
from .test_mkdocs_build import ENV
from .test_standalone import build_here


def test_pagefind_reads_no_page_it_would_leave_out(tmp_path, monkeypatch):
    """What Pagefind finds in the folder it is given, when it starts; afterwards every page is in place."""
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    story(tmp_path)
    given: list[str] = []
    real = search_index.subprocess.Popen

    def spy(command, *args, **kwargs):
        folder = Path(command[command.index("--site") + 1])
        given.extend(str(p.relative_to(folder)) for p in folder.rglob("*.html"))
        return real(command, *args, **kwargs)

    monkeypatch.setattr(search_index.subprocess, "Popen", spy)
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
    # the pages moved aside while Pagefind ran are back, and nothing is left beside the site
    assert len(list(site.rglob("geschiedenis/index.html"))) >= 4
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".buurtwiki-zoeken")] == []
