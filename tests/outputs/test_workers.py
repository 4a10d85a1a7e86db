"""History pages rendered in forked workers are the very pages rendered in the build process."""

from __future__ import annotations

import pytest

from buurtwiki.outputs.render import RenderContext
from buurtwiki.outputs.workers import PageWorkers
from buurtwiki.parallel import can_fork

from .history_repo import build, render, story

needs_fork = pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")


def standalone(b):
    return [p for p in b.outputs.pages.values() if p.standalone]


def test_history_pages_are_the_standalone_pages(tmp_path):
    story(tmp_path)
    b = build(tmp_path)
    pages = standalone(b)
    assert pages and all(p.kind == "history" for p in pages)
    assert {p.src_uri for p in pages} == {p.src_uri for p in b.outputs.pages.values() if p.kind == "history"}


@needs_fork
def test_pages_from_a_worker_equal_pages_rendered_here(tmp_path):
    story(tmp_path)
    b = build(tmp_path)
    expected = {p.src_uri: render(b, p.src_uri) for p in standalone(b)}
    workers = PageWorkers.start(b, workers=1)
    assert workers is not None
    try:
        got = {p.src_uri: workers.html(p, p.url) for p in standalone(b)}
    finally:
        workers.close()
    assert got == expected
    assert workers.from_workers == len(expected)  # all came from the worker, none rendered here
    assert "Buurthuis is terug" in got["wijken/ohg/plekken/buurthuis/geschiedenis.md"]


@needs_fork
def test_after_stop_the_other_pages_are_rendered_here(tmp_path):
    story(tmp_path)
    b = build(tmp_path)
    pages = standalone(b)
    workers = PageWorkers.start(b, workers=1)
    assert workers is not None
    workers.stop()  # what is done is kept; whatever is left is rendered where it is asked for
    try:
        for page in pages:
            assert workers.html(page, page.url) == render(b, page.src_uri)
        # a page asked for at another URL (use_directory_urls: false) is rendered for that URL
        page = pages[0]
        other = page.url.rstrip("/") + ".html"
        assert workers.html(page, other) == page.render(RenderContext(b, other))
    finally:
        workers.close()


def test_no_workers_when_turned_off_or_on_a_small_site(tmp_path):
    story(tmp_path)
    b = build(tmp_path)
    assert PageWorkers.start(b, workers=0) is None
    assert PageWorkers.start(b) is None  # a handful of pages: not worth a process
