"""`mkdocs serve` rebuilds only the pages an edit can change (issue 16); so does `mkdocs build`
with a ``cache_dir``, from the pages of its last build on disk (``outputs/page_store.py``).

The core decides which pages keep the bytes of the previous build (:func:`buurtwiki.outputs.affected.kept_pages`).
For such a page MkDocs still runs its events (so navigation, sitemap and links are as in a full
build), but the core renders no HTML, the theme renders the empty template ``buurtwiki-kept.html``,
and the page's previous bytes are written in its place. Kept history pages are not built at all.

Serve builds into a folder that MkDocs empties before every build. Creating thousands of folders
and files again costs more than rendering the pages that changed, so the previous build's files are
kept where they are: before MkDocs empties the folder they are hidden (MkDocs leaves names with a
leading dot alone), and put back right after. Files of the previous build that this build does not
make (a deleted or renamed page) are removed at the end, so the folder holds what a full build makes.

`mkdocs build` keeps no files in place: a kept page's bytes are copied from the page store, and
every page it renders is written there too. History pages are not kept this way: they have their
own cache (``outputs/page_cache.py``), and neither is a page shown after the data files.

The data files (JSON, feeds, the open-data ZIP, the editor's configuration) are made again on every
rebuild, but after it, in the thread that then makes the search index: the edited page is served
first. Until then the previous build's data files are in place. A page that shows what the data files
hold (``OutputPage.after_files``: the open-data page lists their sizes) is rendered there too, right
after them; until then its previous bytes stay in place.
"""

from __future__ import annotations

import gc
import logging
import os
import shutil
import threading
from collections.abc import Callable, MutableMapping
from pathlib import Path

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.utils import write_file

from ...build import Build
from ...outputs.affected import kept_pages, snapshot
from ...outputs.page import OutputFile, OutputPage
from ...outputs.page_store import PageStore
from .lazy_files import lazy_file
from .standalone import generated_file

KEPT_TEMPLATE = "buurtwiki-kept.html"
HIDDEN = ".buurtwiki-vorige-"  # a file or folder of the previous build while MkDocs empties the site folder


class Incremental:
    """The pages of the previous build, by ``src_uri``, and which of them the current build keeps."""

    def __init__(self) -> None:
        self.written: MutableMapping[str, str] = {}
        self.store: PageStore | None = None  # `mkdocs build` with a cache_dir: the pages on disk
        self.kept: frozenset[str] = frozenset()
        self.deferred: frozenset[str] = frozenset()  # rendered after the data files (see the module's text)
        self.engine: str | None = None
        self.in_place = False  # the previous build's files are still in the site folder
        self.made: set[str] = set()  # every file the previous build made (absolute paths)
        self.hidden: list[str] = []
        self.later: list[OutputFile] = []  # data files to write after the build (in place: the old ones are there)
        self.later_done = threading.Event()  # set when they are written: the next build waits for it
        self.later_done.set()
        self.templates = MemoryBytecodeCache()  # MkDocs makes a new theme environment for every build
        self.nav: dict[object, str] = {}  # navigation HTML by key (plugin.on_env), kept while pages are
        logger = logging.getLogger("mkdocs.commands.build")
        for old in [f for f in logger.filters if isinstance(f, QuietKept)]:
            logger.removeFilter(old)
        logger.addFilter(QuietKept(self))

    def plan(self, previous: Build | None, current: Build, engine: str | None) -> None:
        """Serve: decide what the current build keeps; ``engine`` None switches reuse off (a full build)."""
        same = engine is not None and engine == self.engine
        before = snapshot(previous) if same and previous is not None else None
        self.kept = kept_pages(before, snapshot(current), self.written) if same else frozenset()
        self.deferred = frozenset(uri for uri, page in current.outputs.pages.items()
                                  if self.kept and page.after_files and uri in self.written and uri not in self.kept)
        self.kept |= self.deferred
        self.written = {uri: self.written[uri] for uri in self.kept}
        if not self.kept:  # the navigation may have changed too
            self.nav = {}
        self.engine = engine

    def plan_from_disk(self, store: PageStore, current: Build) -> None:
        """`mkdocs build` with a cache: keep what the last build on disk made and this change does not affect."""
        kept = kept_pages(store.open(), snapshot(current), store)
        pages = current.outputs.pages
        self.kept = frozenset(uri for uri in kept if not pages[uri].standalone and not pages[uri].after_files)
        self.written = self.store = store

    def finish(self, current: Build | None) -> None:
        """After a finished build: describe it beside its pages on disk."""
        if self.store is not None and current is not None:
            self.store.close(snapshot(current))
        self.store = None

    def remember(self, pages: dict[str, str]) -> None:
        """Serve: history pages copied from their cache (outputs/page_cache.py, ``pages``: where
        each is) were never MkDocs' output, but they are this build's pages: remembered, the next
        rebuild keeps them in place instead of copying a thousand of them again."""
        if self.engine is None:
            return
        for src_uri, path in pages.items():
            try:
                with open(path, encoding="utf-8") as handle:
                    self.written[src_uri] = handle.read()
            except (OSError, UnicodeDecodeError):
                continue

    def keeps(self, src_uri: str) -> bool:
        return src_uri in self.kept

    def output(self, src_uri: str, html: str) -> str:
        """The page's HTML as MkDocs writes it: the previous bytes when kept (nothing, when they are
        still in place: MkDocs then writes nothing); new ones are remembered."""
        if src_uri in self.kept:
            return "" if self.in_place else self.written[src_uri]
        if self.engine is not None or self.store is not None:
            self.written[src_uri] = html
        return html

    def write_kept(self, config: MkDocsConfig, pages: list[OutputPage]) -> list[OutputPage]:
        """Write the kept standalone pages as they were (or leave them where they are); the others
        are returned, to be built."""
        built = []
        for page in pages:
            if page.src_uri not in self.kept:
                built.append(page)
            elif not self.in_place:
                html = self.written[page.src_uri]
                write_file(html.encode("utf-8", errors="xmlcharrefreplace"), generated_file(config, page).abs_dest_path)
        return built

    def hide(self, site_dir: str, engine: str | None, keep: tuple[str, ...]) -> None:
        """Before MkDocs empties the site folder: hide the previous build's files, when pages may be
        kept (same engine). ``keep`` are folders left to MkDocs (the search index, made again)."""
        self.later_done.wait(timeout=120)  # the previous build's data files are written
        self.hidden, self.in_place = [], False
        if engine is None or engine != self.engine or not self.written or not os.path.isdir(site_dir):
            return
        try:
            for name in sorted(os.listdir(site_dir)):
                if not name.startswith(".") and name not in keep:
                    os.replace(os.path.join(site_dir, name), os.path.join(site_dir, HIDDEN + name))
                    self.hidden.append(name)
        except OSError:
            self.unhide(site_dir)
            return
        self.in_place = True
        gc.disable()  # see resume_gc

    def resume_gc(self) -> None:
        """A rebuild runs without Python's cycle collector: a full collection of the large heap
        of a serve process (every file's parse, the history index) took 0.2-0.3 s of some rebuilds.
        It runs after the build instead, in the thread that writes the data files."""
        if not gc.isenabled():
            gc.enable()
            gc.collect()

    def unhide(self, site_dir: str) -> None:
        """After MkDocs emptied the site folder: put the previous build's files back."""
        try:
            for name in self.hidden:
                os.replace(os.path.join(site_dir, HIDDEN + name), os.path.join(site_dir, name))
        except OSError:
            self.in_place = False
            for name in os.listdir(site_dir):
                if name.startswith(HIDDEN):
                    shutil.rmtree(os.path.join(site_dir, name), ignore_errors=True)
        self.hidden = []

    def add_data_files(self, config: MkDocsConfig, files: Files, outputs: dict[str, OutputFile]) -> None:
        """The core's data files, as MkDocs files; when the previous ones are in place, written later."""
        self.later = []
        for path, output in outputs.items():
            existing = files.get_file_from_path(path)
            if existing is not None:
                files.remove(existing)
            if self.in_place:
                self.later_done.clear()
                self.later.append(output)
            else:
                files.append(lazy_file(config, path, output.data))  # made when written, beside the workers

    def write_later(self, site_dir: str, render: Callable[[str], None]) -> None:
        """Write the data files of the build, then ``render`` the pages that show them (after the
        build: see the module's text)."""
        later, self.later = self.later, []
        deferred, self.deferred = self.deferred, frozenset()
        try:
            for output in later:
                write_file(output.data(), os.path.join(site_dir, output.path))
            for src_uri in sorted(deferred):
                self.kept -= {src_uri}
                render(src_uri)
        finally:
            self.resume_gc()
            self.later_done.set()

    def remove_stale(self, site_dir: str, files: Files, standalone: list[OutputPage], config: MkDocsConfig) -> None:
        """At the end of a build: remove what the previous build made and this one did not."""
        made = {f.abs_dest_path for f in files} | {generated_file(config, p).abs_dest_path for p in standalone}
        made |= {os.path.normpath(os.path.join(site_dir, output.path)) for output in self.later}
        for path in sorted(self.made - made) if self.in_place else ():
            Path(path).unlink(missing_ok=True)
            _remove_empty_folders(Path(path).parent, Path(site_dir))
        self.made = made if self.engine is not None else set()
        self.in_place = False


def kept_note(kept: int, current: Build, cache_dir: str) -> str:
    """What `mkdocs build` says about the pages it took from its cache."""
    total = sum(1 for page in current.outputs.pages.values() if not page.standalone)
    if not kept:
        return f"alle {_count(total)} pagina's worden gemaakt: de cache ({cache_dir}) heeft geen bruikbare pagina's."
    return (f"{_count(kept)} van de {_count(total)} pagina's komen ongewijzigd uit de cache ({cache_dir}); "
            f"{_count(total - kept)} opnieuw gemaakt.")


def _count(number: int) -> str:
    return f"{number:,}".replace(",", ".")


def render_again(config: MkDocsConfig, files: Files | None, nav: Navigation | None, env: Environment | None,
                 src_uri: str) -> None:
    """Render one page of the finished build again, with MkDocs' own two steps for a page (as
    standalone.py does), now that it is no longer kept: after the data files it shows."""
    if files is None or nav is None or env is None:
        return
    file = files.get_file_from_path(src_uri)
    if file is None or file.page is None:
        return
    try:
        _populate_page(file.page, config, files)
        _build_page(file.page, config, files.documentation_pages(inclusion=InclusionLevel.is_in_serve), nav, env)
    except Exception as error:  # noqa: BLE001 - the served site keeps the previous page; the next build tries again
        logging.getLogger("mkdocs.plugins.buurtwiki").warning(f"Buurtwiki: pagina '{src_uri}' niet bijgewerkt: {error}")


def _remove_empty_folders(folder: Path, root: Path) -> None:
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


class QuietKept(logging.Filter):
    """Drops MkDocs' "Page skipped … empty output" note for the pages serve keeps in place."""

    def __init__(self, incremental: Incremental) -> None:
        super().__init__()
        self.incremental = incremental

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.incremental.in_place or not str(record.msg).startswith("Page skipped: '"):
            return True
        return str(record.msg).split("'")[1] not in self.incremental.kept


class MemoryBytecodeCache(BytecodeCache):
    """Compiled theme templates between the builds of one serve process (Jinja checks each
    template's source against its checksum)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()
