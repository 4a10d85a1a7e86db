"""The index stage: history and graph, each computed once per build and shared by all outputs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .build import Build


def index_history(build: Build, previous: Any = None) -> Any:
    """The git history index, or None when history is switched off or not available yet."""
    if not build.options.history:
        return None
    try:
        from .history import HistoryIndex
    except ImportError:
        return None
    index = HistoryIndex.build(
        build.options.root,
        prefixes=(f"{build.options.docs_dir}/", f"{build.options.wijken_dir}/"),
        bots=build.options.bots,
        hide_bots=build.options.hide_bots,
        previous=previous,
    )
    for warning in index.warnings:
        build.problems.warning(".git", 1, warning)
    return index


def index_graph(build: Build) -> Any:
    """The ecosystem link graph, or None until the graph module exists."""
    try:
        from .graph import build_graph
    except ImportError:
        return None
    return build_graph(build.site)
