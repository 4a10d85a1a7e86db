"""The stages after reading files: feature checks, then history and graph, each computed once per build."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from .agenda.checks import check_agenda
from .content.boundary import check_boundaries
from .content.loader import load_site
from .content.parsed import ParseCache
from .content.site import Site
from .graph import build_graph
from .graph.model import Graph
from .history import HistoryIndex
from .history import cache as history_cache
from .history.seniority import oldest_first
from .model.registry import Registry
from .model.schema import DEFAULT_REGISTRY
from .validation.placeholders import check_placeholders

if TYPE_CHECKING:
    from .build import Build, BuildOptions


def check_features(site: Site) -> None:
    """Feature checks over the loaded site (warnings into ``site.problems``); run right after loading."""
    check_agenda(site)
    check_boundaries(site)
    check_placeholders(site.entities, site.problems)


def load_checked_site(
    root: Path | str, docs_dir: str = "content", wijken_dir: str = "wijken", registry: Registry = DEFAULT_REGISTRY,
    previous: ParseCache | None = None,
) -> Site:
    """The parse stage as the build and ``buurtwiki check`` run it: load every file, then the feature checks.
    ``previous`` is the last load's parse cache (serve): unchanged files are not parsed again. Of two
    files with the same name, the one git has had longest keeps it (history/seniority.py)."""
    site = load_site(root, docs_dir, wijken_dir, registry, previous, oldest_first=partial(oldest_first, Path(root)))
    check_features(site)
    return site


def index_history(options: BuildOptions, previous: HistoryIndex | None = None,
                  meanwhile: Callable[[], None] | None = None) -> HistoryIndex | None:
    """The git history index (one walk over all commits), or None when history is switched off.
    Its warnings are for the caller to report (:func:`report_history`).

    ``previous`` is the index of the last build in `mkdocs serve`; then only new commits are walked.
    ``meanwhile`` may run while a forked process reads commits: the build reads the site's files then.
    """
    if not options.history:
        return None
    folder = options.root / options.cache_dir if options.cache_dir else None
    if previous is None and folder is not None:
        previous = history_cache.load(folder)
    index = HistoryIndex.build(
        options.root,
        prefixes=(f"{options.docs_dir}/", f"{options.wijken_dir}/"),
        bots=options.bots,
        hide_bots=options.hide_bots,
        previous=previous,
        meanwhile=meanwhile,
    )
    if folder is not None and index.walked:
        history_cache.save(index, folder)
    return index


def report_history(build: Build) -> None:
    """The history index's warnings, as problems of the site."""
    for warning in build.history.warnings if build.history is not None else ():
        build.problems.warning(".git", 1, warning)


def index_graph(build: Build) -> Graph:
    """The ecosystem link graph of the whole site."""
    return build_graph(build.site)
