"""Standalone pages (history pages), built beside MkDocs' own page loop.

Every entity has a history page. None of them is in the navigation, the search index or the
sitemap; each is linked from its own entity. They are half of all pages, and MkDocs builds one
page at a time, so in its loop they would double the build time.

So MkDocs is not told about them. They are built with MkDocs' own two steps for a page
(``_populate_page`` and ``_build_page``: the same theme template and the same plugin events
as any other page), in forked processes while MkDocs builds the other pages; or here, one by
one, where forking is not safe (``mkdocs serve`` runs threads, Windows has no fork). MkDocs
1.x is frozen (and ProperDocs keeps these functions), so relying on them is safe.

What a worker logs (MkDocs, the theme, any plugin) is
collected in the worker and logged again here, in the build process: printed once, and counted
by ``mkdocs build --strict`` exactly as when the pages are built here one by one.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial

from jinja2 import Environment
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from ...outputs.page import OutputPage, PageKind
from ...outputs.page_cache import PageCache
from ...parallel import can_fork, fork_pool

log = logging.getLogger("mkdocs.plugins.buurtwiki")

CHUNK = 25  # pages per task for a worker process (or for the build process, when it is free first)


def generated_file(config: MkDocsConfig, page: OutputPage) -> File:
    """The MkDocs file of a page the core renders: its Markdown is just the title."""
    inclusion = InclusionLevel.NOT_IN_NAV if page.kind is not PageKind.OVERVIEW else InclusionLevel.UNDEFINED
    return File.generated(config, page.src_uri, content=f"# {page.title}\n", inclusion=inclusion)


def _render_nothing(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` for a page whose body the core renders: what MkDocs' own sets for an
    empty source, without making a ``markdown.Markdown`` with every extension for it."""
    page.content = ""
    page.toc = get_toc([])
    page.present_anchor_ids = set()


def skip_markdown(page: Page) -> None:
    """MkDocs renders nothing for this page: its source is empty (``on_page_read_source``)."""
    page.render = partial(_render_nothing, page)  # type: ignore[method-assign]


@dataclass
class _Job:
    """What a worker needs to build pages: it is forked with all of it in memory."""

    config: MkDocsConfig
    files: Files
    nav: Navigation
    env: Environment
    pages: dict[str, OutputPage]


_JOB: _Job | None = None


def _build(job: _Job, src_uris: list[str]) -> None:
    doc_files = job.files.documentation_pages()
    for src_uri in src_uris:
        page = Page(None, generated_file(job.config, job.pages[src_uri]), job.config)
        _populate_page(page, job.config, job.files)
        _build_page(page, job.config, doc_files, job.nav, job.env)


LogRecord = tuple[str, int, str]  # logger name, level, message: what a worker sends back


class _Collect(logging.Handler):
    """In a worker: keeps what is logged instead of printing it."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _build_chunk(src_uris: list[str]) -> list[LogRecord]:
    """In a worker process: build the pages and return what was logged meanwhile (the
    ``mkdocs`` logger's handlers, strict mode's counter among them, are copies here)."""
    assert _JOB is not None
    logger = logging.getLogger("mkdocs")
    collect = _Collect()
    saved, logger.handlers = logger.handlers, [collect]
    try:
        _build(_JOB, src_uris)
    finally:
        logger.handlers = saved
    return collect.records


def _log_again(records: list[LogRecord]) -> None:
    for name, level, message in records:
        logging.getLogger(name).log(level, "%s", message)


class _Copying:
    """Pages copied from the page cache in a thread, while this process builds the others:
    copying is mostly waiting for the disk (a new file and folder per page), so it takes no
    time from the pages built meanwhile."""

    def __init__(self, pages: StandalonePages, src_uris: list[str]) -> None:
        self.src_uris = src_uris
        self.missing: list[str] = []
        self._thread: threading.Thread | None = None
        if src_uris:
            self._thread = threading.Thread(target=self._run, args=(pages, src_uris), name="buurtwiki-cache", daemon=True)
            self._thread.start()

    def _run(self, pages: StandalonePages, src_uris: list[str]) -> None:
        self.missing = [uri for uri in src_uris if not pages._restored(uri)]

    def join(self) -> list[str]:
        """The pages that could not be copied (once: later calls return none)."""
        if self._thread is None:
            return []
        self._thread.join()
        self._thread = None
        return self.missing


class StandalonePages:
    """Builds the standalone pages; :meth:`finish` waits for them."""

    def __init__(self, job: _Job, workers: int, cache: PageCache | None = None, keys: dict[str, str] | None = None,
                 idle: Callable[[], None] | None = None) -> None:
        """``idle`` runs when no worker will build pages (they are in the cache, or few), before
        any thread starts here: a forked process can use the free core (outputs/files_meanwhile.py)."""
        self.job = job
        self._pool: ProcessPoolExecutor | None = None
        self._tasks: list[tuple[Future, list[str]]] = []
        self.cache, self.keys = cache, keys or {}
        self.stolen = 0  # pages built here, in finish(), instead of by a worker
        self.restored: dict[str, str] = {}  # pages copied from the cache, by src_uri: where they are (after finish)
        cached = [uri for uri in job.pages if self._in_cache(uri)]
        in_cache = set(cached)
        src_uris = [uri for uri in job.pages if uri not in in_cache]
        self.built = src_uris
        if not (workers > 0 and len(src_uris) > 1 and can_fork()):
            if idle is not None:
                idle()
            _build(job, src_uris)
        else:
            # one page here first: its templates are compiled (and the menu per depth rendered)
            # once, before the fork, instead of in this process and again in every worker
            _build(job, src_uris[:1])
            self._fork(src_uris[1:], workers)
        self._copying = _Copying(self, cached)  # after the fork: a worker gets no thread

    def _in_cache(self, src_uri: str) -> bool:
        key = self.keys.get(src_uri)
        return bool(self.cache and key and self.cache.has(key))

    def _fork(self, src_uris: list[str], workers: int) -> None:
        global _JOB
        _JOB = self.job
        gc.freeze()  # what exists now is shared with the workers, not copied
        try:
            self._pool = fork_pool(workers)
            for start in range(0, len(src_uris), CHUNK):
                chunk = src_uris[start : start + CHUNK]
                self._tasks.append((self._pool.submit(_build_chunk, chunk), chunk))
        except OSError as error:  # no more processes allowed: build the rest here
            log.info("Buurtwiki: geschiedenispagina's worden in één proces gemaakt (%s).", error)
            done = {uri for _, chunk in self._tasks for uri in chunk}
            _build(self.job, [uri for uri in src_uris if uri not in done])

    def destinations(self) -> list[str]:
        """Where the pages are written (absolute paths), built yet or not."""
        return [self._dest(uri) for uri in self.job.pages]

    def _dest(self, src_uri: str) -> str:
        return generated_file(self.job.config, self.job.pages[src_uri]).abs_dest_path

    def _restored(self, src_uri: str) -> bool:
        """Copied from the page cache (outputs/page_cache.py) instead of built."""
        key = self.keys.get(src_uri)
        return bool(self.cache and key and self.cache.restore(key, self._dest(src_uri)))

    def _copied(self) -> None:
        """Wait for the pages copied from the cache; build here any that could not be copied
        (an entry that vanished since it was looked up)."""
        missing = self._copying.join()
        if missing:
            _build(self.job, missing)
            self.built = [*self.built, *missing]
        gone = set(missing)
        self.restored = {uri: self._dest(uri) for uri in self._copying.src_uris if uri not in gone}

    @classmethod
    def start(
        cls, config: MkDocsConfig, files: Files, nav: Navigation, env: Environment, pages: list[OutputPage], workers: int | None,
        cache: PageCache | None = None, keys: dict[str, str] | None = None, idle: Callable[[], None] | None = None,
    ) -> StandalonePages:
        if workers is None:  # by default: one less than the cores, when there is enough to share
            workers = (os.cpu_count() or 1) - 1 if len(pages) > CHUNK else 0
        return cls(_Job(config, files, nav, env, {p.src_uri: p for p in pages}), workers, cache, keys, idle)

    def finish(self, then: Callable[[], None] | None = None) -> None:
        """Wait for the workers. This process is free now: it builds the chunks no worker has
        started yet, from the last one back. Pages a worker could not build are built here
        too, so an error shows as it would for any page.

        ``then`` runs when this process has no page left to build, while the workers finish
        their last chunks: Pagefind, which holds 500 MB at 10,000 pages. Started beside the
        workers, it made the build's peak (1,474 MB of 1,500); now the workers are nearly done
        when it starts, and it stays small until it writes the index."""
        for future, chunk in reversed(self._tasks):
            if not future.cancel():
                break  # a worker has it, and all chunks before it
            _build(self.job, chunk)
            self.stolen += len(chunk)
        if then is not None:
            then()  # Pagefind never reads a history page: it need not wait for the copies
        self._copied()
        for future, chunk in self._tasks:
            if future.cancelled():
                continue
            try:
                records = future.result()
            except Exception as error:  # noqa: BLE001 - built again here, where errors are reported
                log.debug("Buurtwiki: een hulpproces faalde (%r); die pagina's worden hier gemaakt.", error)
                _build(self.job, chunk)
            else:
                _log_again(records)
        self._tasks.clear()
        self._stop(cancel=False)

    def store(self) -> None:
        """Keep the pages built here in the page cache, once the search index is made: Pagefind
        runs on the site with these pages moved aside (outputs/search_index.py)."""
        if self.cache is not None:
            for src_uri in self.built:
                key = self.keys.get(src_uri)
                if key:
                    self.cache.store(key, self._dest(src_uri))
            self.cache.prune()

    def cancel(self) -> None:
        """Stop without waiting for pages (the build failed)."""
        self._copying.join()
        self._tasks.clear()
        self._stop(cancel=True)

    def _stop(self, cancel: bool) -> None:
        global _JOB
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=cancel)
            self._pool = None
            gc.unfreeze()
        _JOB = None
