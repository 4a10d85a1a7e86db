"""The MkDocs adapter: wires MkDocs events to the core pipeline, nothing more.

Everything about content, history, graph and HTML lives in the core (:mod:`buurtwiki.build`).
This class only turns the core's outputs into MkDocs files, pages and navigation, so that an
adapter for another engine stays small.
"""

from __future__ import annotations

import os
import threading
from functools import partial
from importlib import resources
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markupsafe import Markup, escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import BasePlugin, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from ...build import Build, BuildOptions, run
from ...content.files import SYMLINK, linked_folders
from ...content.urls import link_prefixes, links_key
from ...model.registry import Registry
from ...model.schema import DEFAULT_REGISTRY
from ...opendata.jsonld import page_script
from ...opendata.provenance import licence_of
from ...outputs import search
from ...outputs.assets import CSS, JS
from ...outputs.entity_pages import edit_url
from ...outputs.feeds import feeds_for
from ...outputs.files_meanwhile import make_meanwhile
from ...outputs.maps import image_origins
from ...outputs.page import OutputPage, PageKind
from ...outputs.page_cache import PageCache, history_keys, package_key
from ...outputs.page_store import PageStore
from ...outputs.plain_pages import failed_page
from ...outputs.render import RenderContext
from ...outputs.search_index import Indexing
from ...outputs.template_cache import use_cache
from ...parallel import can_fork, skip_collection_at_exit
from .config import BuurtwikiConfig, check_timezone, drop_material_search
from .incremental import KEPT_TEMPLATE, Incremental, kept_note, render_again
from .navigation import nav_urls, navigation
from .options import build_options, engine_key
from .standalone import StandalonePages, generated_file, skip_markdown
from .watching import use_native_watcher

log = get_plugin_logger("buurtwiki")


class BuurtwikiPlugin(BasePlugin[BuurtwikiConfig]):
    supports_multiple_instances = False
    # The types of the content format. mkdocs.yml cannot hold Python objects, so a site with an extra
    # type sets this on a subclass (or the instance) and the build takes it from here.
    registry: Registry = DEFAULT_REGISTRY

    def __init__(self) -> None:
        self.build: Build | None = None
        self.standalone: list[OutputPage] = []
        self.building: StandalonePages | None = None
        self.nav: Navigation | None = None
        self.failed: dict[str, OutputPage] = {}  # pages the core could not load
        self.command = "build"
        self.files: Files | None = None
        self.env: Environment | None = None
        self.started = False  # this build's history pages are started (on_nav or on_env)
        self.engine_key = ""  # what MkDocs adds to every page (options.py:engine_key), from on_config
        self.indexing: Indexing | None = None  # serve: the search index being made after a rebuild
        self.shutting_down = False
        self.incremental = Incremental()  # serve: pages kept from the previous build (incremental.py)

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Having this event makes MkDocs keep one plugin instance across `mkdocs serve` rebuilds,
        so the history index of the previous build is reused and only new commits are walked."""
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        check_timezone(self.config.timezone)
        if self.config.zoeken == search.PAGEFIND:
            drop_material_search(config)
        overrides = str(resources.files("buurtwiki") / "templates" / "overrides")
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, overrides)
        config.extra_css = [*CSS, *[c for c in config.extra_css if c not in CSS]]
        for script in JS:
            if script not in [str(s) for s in config.extra_javascript]:
                config.extra_javascript.append(script)
        self.engine_key = engine_key(config)  # once per build: it reads mkdocs.yml and the theme folder
        return config

    def _options(self, config: MkDocsConfig) -> BuildOptions:
        return build_options(config, self.config, self.registry)

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Stop before MkDocs walks the docs folder: it follows links to folders, and a link to
        ``/`` or two links to ``..`` would keep it walking for hours."""
        docs = Path(config.docs_dir)
        linked = linked_folders(docs)
        if linked:
            shown = os.path.relpath(docs, self._options(config).root).replace(os.sep, "/")
            lines = [f"{shown}/{rel}".rstrip("/") + f":1: fout: {SYMLINK}" for rel in linked]
            raise Abort("Buurtwiki bouwt de site niet:\n" + "\n".join(lines))
        self.incremental.hide(config.site_dir, self._engine(config), keep=(search.BUNDLE,))

    @property
    def core(self) -> Build:
        """The core's build of this run (MkDocs calls the page events only after on_files)."""
        if self.build is None:
            raise RuntimeError("Buurtwiki: on_files has not run")
        return self.build

    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        self.incremental.unhide(config.site_dir)
        self.files = files
        previous, build = self.build, run(self._options(config), previous=self.build)
        self.build = build
        self.incremental.plan(previous, build, self._engine(config))
        if self.command != "serve" and self.config.cache_dir and self.config.zoeken == search.PAGEFIND:
            store = PageStore(build.options.root / self.config.cache_dir, self.engine_key + package_key())
            self.incremental.plan_from_disk(store, build)  # after one commit, only what it affects
            log.info(kept_note(len(self.incremental.kept), build, self.config.cache_dir))
        self._report(config)
        self._keep_published(files, config)
        self.standalone = []
        for src_uri, page in build.outputs.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                continue
            if page.standalone:
                self.standalone.append(page)  # built beside MkDocs' loop: see standalone.py
            else:
                files.append(generated_file(config, page))
        self.incremental.add_data_files(config, files, build.outputs.files)
        if self.config.navigation and not config.nav:
            config.nav = navigation(build)
        return files

    def _engine(self, config: MkDocsConfig) -> str | None:
        """What the pages of serve are made with; None when pages are never kept (a build, or
        Material's search, which reads every page's HTML)."""
        if self.command != "serve" or self.config.zoeken != search.PAGEFIND:
            return None
        return self.engine_key

    def _keep_published(self, files: Files, config: MkDocsConfig) -> None:
        """Drop every file of the docs folder the core does not publish (content/files.py): links
        (MkDocs followed them), unsafe types, ``.MD`` files, reserved paths and ``themas.yml``."""
        docs = os.path.normpath(config.docs_dir)
        published = self.core.site.published - {page.src_uri for page in self.core.outputs.left_out}
        refused = [
            f for f in files
            if f.src_dir is not None and os.path.normpath(f.src_dir) == docs and f.src_uri not in published
        ]
        for file in refused:
            files.remove(file)
        if refused:  # a refused file may have hidden the theme's own file at that path: add it back
            files.add_files_from_theme(config.theme.get_env(), config)

    def _workers(self) -> int | None:
        """Forked processes to use; none in serve, which runs threads of its own."""
        return 0 if self.command == "serve" else self.config.workers

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        """Material prints navigation titles unescaped; a section named after a folder (when the
        navigation is MkDocs' own) carries a resident's folder name. Then, where it is safe, the
        history pages start (see :meth:`_history_first`)."""
        for item in nav.items:
            _escape_titles(item)
        self.failed = {}
        self.nav = nav
        self.started = False
        if self._history_first(config):
            for page in nav.pages:  # what on_page_markdown gives them, so the menu has its titles now
                output = self._output(page)
                if page.markdown is None and output is not None:
                    page.markdown, page.meta = "", page_meta(output)
            self._start_history(config, files, self._prepare_env(config.theme.get_env()))
        return nav

    def _history_first(self, config: MkDocsConfig) -> bool:
        """Start the history pages' workers here, not in on_env: MkDocs renders every other page's
        body in between (``_populate_page``), and that now shares the cores with them. Only when
        they are built in other processes, and when no other plugin changes the template
        environment in its on_env (the history pages would miss that)."""
        others = [m for m in config.plugins.events.get("env", []) if getattr(m, "__self__", None) is not self]
        return self.build is not None and self.nav is not None and not others and self._workers() != 0 and can_fork()

    def _report(self, config: MkDocsConfig) -> None:
        problems = self.core.problems
        for problem in problems.sorted():
            (log.warning if problem.is_error else log.info)(str(problem))
        if problems.items:
            log.info(problems.summary())

    @event_priority(-100)  # after other plugins: the history pages use the finished environment
    def on_env(self, env, *, config: MkDocsConfig, files: Files):
        self.env = self._prepare_env(env)
        if not self.started:
            self._start_history(config, files, env)
        return env

    def _prepare_env(self, env: Environment) -> Environment:
        """Render Material's navigation once per group of pages outside it.

        Entity and history pages are never in the navigation, so for them it looks the same on
        every page that sees the menu's targets at the same relative URLs (content/urls.py:
        links_key). Rendering it for each of thousands of pages is what makes large Material
        builds slow.
        """
        use_cache(env)  # compiled templates kept between builds (outputs/template_cache.py)
        material = Path(str(resources.files("material").joinpath("templates")))
        env.loader = ChoiceLoader([env.loader or FileSystemLoader([]), PrefixLoader({"material": FileSystemLoader(str(material))})])
        cache: dict[object, str] = self.incremental.nav if self.incremental.engine else {}
        if self.incremental.engine:
            env.bytecode_cache = self.incremental.templates
        targets = link_prefixes(nav_urls(self.nav)) if self.nav is not None else None

        def nav_key(page) -> object | None:
            if page is None:  # 404.html
                return "404"
            output = self.build.outputs.pages.get(page.file.src_uri) if self.build else None
            if output is None or output.kind not in (PageKind.ENTITY, PageKind.HISTORY) or page.toc or targets is None:
                return None
            return links_key(targets, page.url)  # the menu's links are the same on pages with this key

        def cached(key, caller):
            if key not in cache:
                cache[key] = caller()
            return cache[key]

        # pages without a page context (404) announce the site's feed; on_page_context adds the wijk's
        env.globals.update(bw_nav_key=nav_key, bw_cache=cached, buurtwiki={"feeds": feeds_for(self.core, ""), "licence": licence_of(self.core),
                                              "img_origins": image_origins(self.core)})
        return env

    def _start_history(self, config: MkDocsConfig, files: Files, env: Environment) -> None:
        self.started = True
        standalone = self.incremental.write_kept(config, self.standalone)
        if standalone and self.nav is not None:
            page_cache, keys = self._page_cache(config, {p.src_uri for p in standalone}, len(standalone) == len(self.standalone))
            self.building = StandalonePages.start(config, files, self.nav, env, standalone, self._workers(), page_cache, keys,
                                                  idle=self._files_meanwhile)
        else:
            self._files_meanwhile()

    def _files_meanwhile(self) -> None:
        """No worker builds history pages: the data files are made in a forked process meanwhile."""
        if self._workers() != 0 and self.build is not None:
            make_meanwhile(self.build.outputs.files, self.build.problems)

    def _page_cache(self, config: MkDocsConfig, pages: set[str], complete: bool) -> tuple[PageCache | None, dict[str, str]]:
        """The history pages' cache, with the key of each of ``pages`` (outputs/page_cache.py);
        ``complete``: they are all history pages of this build (serve may keep others)."""
        if not self.config.cache_dir:
            return None, {}
        cache = PageCache(self.core.options.root / self.config.cache_dir, complete)
        return cache, history_keys(self.core, self.engine_key, pages)

    def on_page_read_source(self, *, page: Page, config: MkDocsConfig) -> str:
        """MkDocs never reads a resident's file: it would parse the front matter with its own YAML
        loader (no bounds) and keep every key in ``page.meta``, which Material prints unescaped.
        The core has read and parsed the file once; it renders the body and sets the metadata."""
        return ""

    def _output(self, page: Page) -> OutputPage | None:
        """The core's page for a MkDocs page; an error page for a Markdown file in the docs
        folder that the core could not load (it is never rendered from the raw file)."""
        if self.build is None:
            return None
        src_uri = page.file.src_uri
        output = self.build.outputs.pages.get(src_uri)
        if output is None and page.file.generated_by is None:
            output = self.failed.get(src_uri) or self.failed.setdefault(src_uri, failed_page(self.build, src_uri))
        return output

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        output = self._output(page)
        page.meta = page_meta(output) if output is not None else {}
        if self.incremental.keeps(page.file.src_uri):
            page.meta["template"] = KEPT_TEMPLATE
        if output is not None:
            skip_markdown(page)
        return ""  # the core renders the body itself

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        output = self._output(page)
        if output is None or self.incremental.keeps(page.file.src_uri):
            return ""
        return search.mark(self.core, output, output.render(RenderContext(self.core, page.url)))

    def on_page_context(self, context, *, page: Page, config: MkDocsConfig, nav):
        """Every page's edit link comes from the core (percent-encoded, the real source path);
        MkDocs' own is built from the raw file name and the docs folder."""
        output = self._output(page)
        if self.incremental.keeps(page.file.src_uri):
            return context
        page.edit_url = edit_url(self.core, output.edit_path) if output is not None and output.edit_path else None
        context["buurtwiki"] = {"feeds": feeds_for(self.core, page.file.src_uri), "licence": licence_of(self.core),
                                "jsonld": page_script(self.core, page.file.src_uri), "img_origins": image_origins(self.core)}
        return context

    @event_priority(-100)  # last: the bytes kept are the bytes written
    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        return self.incremental.output(page.file.src_uri, output)

    def on_shutdown(self) -> None:
        if self.command == "build":
            skip_collection_at_exit()  # 5 s at 10,000 pages: see parallel.py
        self.shutting_down = True
        if self.indexing is not None:  # serve stopped (Ctrl-C) while its search index was being made
            self.indexing.stop()

    def on_build_error(self, *, error: Exception) -> None:
        self.incremental.resume_gc()
        self.incremental = Incremental()  # the next build is a full one
        self._stop_workers()

    def _stop_workers(self) -> None:
        if self.building is not None:  # after an error: stop, build nothing more
            self.building.cancel()
            self.building = None

    def on_serve(self, server, *, config: MkDocsConfig, builder):
        use_native_watcher(server)  # a saved file is seen at once, not at the next poll (watching.py)
        root = Path(config.config_file_path).parent
        wijken = root / self.config.wijken_dir
        if wijken.is_dir():
            server.watch(str(wijken))
        commits = self.build.history.commit_log() if self.build is not None and self.build.history is not None else None
        if commits is not None:  # a commit without a saved file still changes the history pages
            server.watch(str(commits), recursive=False)
        return server

    def _index_search(self, site_dir: str, config: MkDocsConfig) -> None:
        self.incremental.write_later(site_dir, partial(render_again, config, self.files, self.nav, self.env))
        self.indexing = search.start_index(self.core, site_dir, background=True)  # the next edit's rebuild goes first
        failed = self.indexing.wait() if self.indexing is not None else None
        if failed and not self.shutting_down:
            log.warning(failed)

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # Pagefind starts when no history page (never indexed: outputs/search_index.py) is left
        # for this process to build, not beside the workers: see StandalonePages.finish
        skip = self.building.destinations() if self.building is not None else []
        indexing: Indexing | None = None

        def start_indexing() -> None:
            nonlocal indexing
            if self.build is not None and self.command != "serve":
                indexing = search.start_index(self.core, config.site_dir, skip=skip)

        building = self.building
        if building is not None:
            building.finish(then=start_indexing)  # on an error, on_build_error stops its workers
            self.building = None
            self.incremental.remember(building.restored)
        else:
            start_indexing()
        self.incremental.finish(self.build)
        if self.files is not None:
            self.incremental.remove_stale(config.site_dir, self.files, self.standalone, config)
        try:
            if self.build is not None and self.command == "serve":  # the page is served now, its search index a moment later
                threading.Thread(target=self._index_search, args=(config.site_dir, config), daemon=True).start()
            elif indexing is not None and (failed := indexing.wait()):
                log.warning(failed)
        finally:
            if building is not None:
                building.store()  # its pages are back in place now
        if self.build and config.strict and self.build.problems.errors:
            raise Abort(f"Buurtwiki: {self.build.problems.summary()}; een strikte build stopt bij fouten.")


def page_meta(output: OutputPage) -> dict:
    """``page.meta`` from the core's page only, escaped: see validation/page_meta.py."""
    meta: dict = {"title": Markup(escape(output.title))}
    if output.description:
        meta["description"] = Markup(escape(output.description))
    if output.hide:
        meta["hide"] = list(output.hide)
    if not output.in_search:
        meta["search"] = {"exclude": True}  # Material's search skips the page
    return meta


def _escape_titles(item) -> None:
    if getattr(item, "is_section", False):
        if item.title is not None and not isinstance(item.title, Markup):
            item.title = Markup(escape(item.title))
        for child in item.children:
            _escape_titles(child)
