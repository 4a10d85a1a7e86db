"""The core pipeline, independent of any site engine: parse → index → emit.

1. parse: load and check every content file once (:mod:`buurtwiki.content.loader`);
2. index: walk git history once, build the link graph once;
3. emit: every output module contributes pages and data files from the same indexes.

A site-engine adapter (the MkDocs plugin) calls :func:`run` and wraps the pages it gets.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .content.site import Site
from .features import EMITTERS, PROVIDERS
from .graph.model import Graph
from .history import HistoryIndex
from .model.registry import Registry
from .model.schema import DEFAULT_REGISTRY
from .outputs import emit_all
from .outputs.page import Outputs
from .outputs.sections import SectionProvider
from .stages import index_graph, index_history, load_checked_site, report_history
from .validation.problems import Problems

if TYPE_CHECKING:
    from .agenda.ledger import Ledger
    from .content.entity import Entity
    from .graph.loose_ends import LooseEnds
    from .history.model import RecentChange
    from .outputs.affected import Snapshot
    from .outputs.occurrences import Events

log = logging.getLogger("buurtwiki")


@dataclass
class BuildOptions:
    root: Path
    docs_dir: str = "content"
    wijken_dir: str = "wijken"
    today: dt.date | None = None  # injected for deterministic builds and tests
    timezone: str = "Europe/Amsterdam"
    site_name: str = "Buurtwiki"
    site_url: str = ""
    repo_url: str = ""  # e.g. https://github.com/org/repo, for commit and edit links
    edit_branch: str = "main"
    history: bool = True
    bots: tuple[str, ...] = ("*[bot]",)
    hide_bots: bool = True
    stale_months: int = 12
    editor: bool = True  # the web editor at /admin/ (outputs/editor.py)
    editor_local_backend: bool | str = False  # True or a URL: let the editor use `npx decap-server`
    editor_auth_url: str = ""  # the site's OAuth proxy for logging in to the editor (Decap base_url)
    kaart_tegels: str = "pdok"  # map tiles: pdok, osm or geen (outputs/maps.py)
    use_directory_urls: bool = True  # False: pages are at ``x.html``, not ``x/``
    registry: Registry = DEFAULT_REGISTRY  # the types of the content format
    licence: str = "CC BY 4.0"  # licence of the content and the open data (plugin option `licentie`)
    cache_dir: str = ""  # relative to root; the history index is kept there between builds (history/cache.py)
    search: str = "pagefind"  # "pagefind" (outputs/search.py) or "material" (Material's own search)

    def settings(self) -> dict[str, object]:
        """The options that decide what a page looks like, for the caches' keys: not where the
        checkout lives (a CI runner's differs) and not the model object (code, or from mkdocs.yml,
        which the adapter's engine key covers)."""
        return {k: v for k, v in vars(self).items() if k not in ("root", "registry")}


@dataclass
class Caches:
    """Values a feature computes on first use and shares for the rest of the build; one typed
    field per feature, so that two features never share a key by accident."""

    ledger: Ledger | None = None  # agenda/ledger.py:ledger_for
    loose_ends: dict[str | None, LooseEnds] = field(default_factory=dict)  # graph/views.py, by wijk
    successors: dict[str, list[Entity]] | None = None  # outputs/entity_sections.py
    events: Events | None = None  # outputs/occurrences.py: one iCalendar event per activity
    map_places: dict[str | None, tuple[list[Entity], list[Entity]]] = field(default_factory=dict)  # outputs/maps.py, by wijk
    map_items: dict[str, tuple[str, str]] = field(default_factory=dict)  # outputs/maps.py: list markup around the link
    geo_features: dict[tuple[str, str], str] = field(default_factory=dict)  # outputs/geo.py: feature JSON by key and URL
    map_frames: dict[tuple[object, ...], str] = field(default_factory=dict)  # outputs/maps.py: a map's markup around its slots
    snapshot: Snapshot | None = None  # outputs/affected.py: what decides which pages a change affects
    recent: dict[tuple[str | None, int], list[RecentChange]] = field(default_factory=dict)  # outputs/recent_changes.py


@dataclass
class Build:
    options: BuildOptions
    site: Site
    today: dt.date
    graph: Graph = field(default_factory=Graph)  # the ecosystem graph
    history: HistoryIndex | None = None  # when history is on and a repository is found
    outputs: Outputs = field(default_factory=Outputs)
    caches: Caches = field(default_factory=Caches)
    section_providers: Sequence[SectionProvider] = PROVIDERS  # sections of entity pages

    def public_url(self, url: str) -> str:
        """A canonical root-relative URL (``wijken/ohg/``, as the core writes URLs) as the built
        site has it: the same with directory URLs, else the page's file (``wijken/ohg/index.html``).
        URLs of files (``data/x.json``) are the same either way."""
        if self.options.use_directory_urls:
            return url
        path, mark, fragment = url.partition("#")
        if path and not path.endswith("/"):
            return url
        return (self.outputs.file_urls.get(path) or path + "index.html") + mark + fragment

    @property
    def history_index(self) -> HistoryIndex:
        """The history index, for outputs made only when there is one (history pages, feeds)."""
        if self.history is None:
            raise LookupError("this build has no history index")
        return self.history

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.options.timezone)

    @property
    def problems(self) -> Problems:
        return self.site.problems


def today_in(timezone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(timezone)).date()


class _Loading:
    """Loading the site, once: while a forked process walks the older commits (stages.index_history),
    or after the history, when nothing forks. An error while loading is raised by :meth:`site`,
    not inside the walk (whose own errors become warnings)."""

    def __init__(self, options: BuildOptions, previous: Build | None) -> None:
        self.options, self.previous = options, previous
        self._site: Site | None = None
        self._error: Exception | None = None

    def __call__(self) -> None:
        if self._site is not None or self._error is not None:
            return
        options = self.options
        try:
            self._site = load_checked_site(options.root, options.docs_dir, options.wijken_dir, options.registry,
                                           self.previous.site.parsed if self.previous else None)
        except Exception as error:  # noqa: BLE001 - raised again by site(); Ctrl-C stops the walk at once
            self._error = error

    def site(self) -> Site:
        self()
        if self._error is not None:
            raise self._error
        assert self._site is not None
        return self._site


def run(options: BuildOptions, previous: Build | None = None) -> Build:
    """Load, index and emit a whole site. ``previous`` lets serve mode reuse the history index and the
    parses of unchanged files."""
    loading = _Loading(options, previous)
    history = index_history(options, previous.history if previous else None, meanwhile=loading)
    build = Build(options=options, site=loading.site(), today=options.today or today_in(options.timezone))
    build.history = history
    report_history(build)
    build.graph = index_graph(build)
    emit_all(build, EMITTERS)
    return build
