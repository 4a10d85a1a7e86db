"""The core pipeline, independent of any site engine: parse → index → emit.

1. parse: load and check every content file once (:mod:`buurtwiki.content.loader`);
2. index: walk git history once, build the link graph once;
3. emit: every output module contributes pages and data files from the same indexes.

A site-engine adapter (the MkDocs plugin) calls :func:`run` and wraps the pages it gets.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from .content.site import Site
from .model.registry import Registry
from .model.schema import DEFAULT_REGISTRY
from .outputs.page import Outputs

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
    registry: Registry = DEFAULT_REGISTRY  # the types of the content format


@dataclass
class Build:
    options: BuildOptions
    site: Site
    today: dt.date
    history: Any = None  # HistoryIndex, when history is on and a repository is found
    graph: Any = None  # the ecosystem graph
    outputs: Outputs = field(default_factory=Outputs)
    extras: dict[str, Any] = field(default_factory=dict)  # per-feature caches computed once

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.options.timezone)

    @property
    def problems(self):
        return self.site.problems


def today_in(timezone: str) -> dt.date:
    return dt.datetime.now(ZoneInfo(timezone)).date()


def run(options: BuildOptions, previous: Build | None = None) -> Build:
    """Load, index and emit a whole site. ``previous`` lets serve mode reuse the history index."""
    from .outputs import emit_all
    from .stages import index_graph, index_history, load_checked_site

    site = load_checked_site(options.root, options.docs_dir, options.wijken_dir, options.registry)
    build = Build(options=options, site=site, today=options.today or today_in(options.timezone))
    build.history = index_history(build, previous.history if previous else None)
    build.graph = index_graph(build)
    emit_all(build)
    return build
