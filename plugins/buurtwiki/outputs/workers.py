"""Rendering the slowest pages in a second process while the site engine works on the others.

A history page is the slowest page to render: for every change, two versions read from git,
the front matter compared field by field and a word diff of the text. A site engine such as
MkDocs works on one page at a time, on one core. On a machine with more cores, forked workers
render the history pages in the meantime, and the engine only collects their HTML.

A worker is forked (:mod:`buurtwiki.parallel`) with everything already loaded: the site, the
graph, the history index. It is only used on a site big enough to gain from it. Any failure in
a worker falls back to rendering the page here, so the result is the same HTML either way.
"""

from __future__ import annotations

import gc
import logging
import os
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from typing import TYPE_CHECKING

from ..parallel import can_fork, fork_pool
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build
    from .page import OutputPage

log = logging.getLogger("buurtwiki")

MIN_PAGES = 200  # below this, starting a process costs more than it saves
CHUNK = 20  # pages per task: large enough to keep the overhead small, small enough to stop soon

_BUILD: Build | None = None  # what a forked worker renders from; set just before forking


def _render_chunk(src_uris: list[str]) -> list[tuple[str, str]]:
    """In the worker: the HTML of these pages. (Rendering finds no problems: every check has
    run before, while reading, indexing and emitting.)"""
    build = _BUILD
    assert build is not None
    out = []
    for src_uri in src_uris:
        page = build.outputs.pages[src_uri]
        out.append((src_uri, page.render(RenderContext(build, page.url))))
    return out


class PageWorkers:
    """Renders pages in forked workers; :meth:`html` returns a page's HTML, from a worker when
    it has it, or rendered here."""

    def __init__(self, build: Build, pages: Iterable[OutputPage], workers: int) -> None:
        global _BUILD
        self.build = build
        self._ready: dict[str, str] = {}
        self.from_workers = 0  # pages whose HTML came from a worker
        self._task: dict[str, Future] = {}
        src_uris = [p.src_uri for p in pages]
        _BUILD = build
        # Objects that exist now live as long as the build: keep the collector from walking
        # them again and again, and from touching (and so copying) them in the workers.
        gc.freeze()
        self._pool: ProcessPoolExecutor | None = fork_pool(workers)
        for start in range(0, len(src_uris), CHUNK):
            chunk = src_uris[start : start + CHUNK]
            future = self._pool.submit(_render_chunk, chunk)
            for src_uri in chunk:
                self._task[src_uri] = future

    @classmethod
    def start(cls, build: Build, workers: int | None = None) -> PageWorkers | None:
        """Workers for the standalone pages of ``build`` (history pages), the slowest to render;
        None when forking is unsafe or not worth it. ``workers``: how many; by default one less
        than the number of cores, on a site of at least ``MIN_PAGES`` of them; 0 turns this off."""
        pages = [p for p in build.outputs.pages.values() if p.standalone]
        if workers is None:
            workers = (os.cpu_count() or 1) - 1 if len(pages) >= MIN_PAGES else 0
        if workers < 1 or not pages or not can_fork():
            return None
        try:
            return cls(build, pages, workers)
        except OSError as error:  # e.g. no more processes allowed
            log.info("Buurtwiki: pagina's worden in één proces gemaakt (%s).", error)
            gc.unfreeze()
            return None

    def html(self, page: OutputPage, url: str) -> str:
        """The page's HTML for the URL the site engine gives it."""
        if page.src_uri not in self._ready and page.src_uri in self._task:
            self._collect(self._task.pop(page.src_uri))
        html = self._ready.pop(page.src_uri, None)
        if html is None or url != page.url:
            return page.render(RenderContext(self.build, url))
        self.from_workers += 1
        return html

    def stop(self) -> None:
        """Keep what the workers have rendered, and stop them: pages they have not started are
        rendered by :meth:`html` where it is called. Afterwards no other process is involved,
        so this process may fork again."""
        futures = list(dict.fromkeys(self._task.values()))
        for future in futures:
            future.cancel()  # only works for pages not started yet
        for future in futures:
            if not future.cancelled():
                self._collect(future)
        self._task.clear()
        if self._pool is not None:
            self._pool.shutdown(wait=True)
            self._pool = None

    def _collect(self, future: Future) -> None:
        try:
            rendered = future.result()
        except Exception as error:  # noqa: BLE001 - a worker that failed: render those pages here
            log.debug("Buurtwiki: een hulpproces faalde (%r); de pagina's worden hier gemaakt.", error)
            return
        self._ready.update(rendered)

    def close(self) -> None:
        global _BUILD
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        _BUILD = None
        gc.unfreeze()
