"""The emit stage: each module contributes pages and files from the shared indexes.

To add an output, write a module with ``emit(build)`` yielding :class:`OutputPage` or
:class:`OutputFile` objects and list it in :data:`EMITTERS`.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..build import Build

EMITTERS = [
    "buurtwiki.outputs.entity_pages",
    "buurtwiki.outputs.overviews",
    "buurtwiki.outputs.plain_pages",
    "buurtwiki.outputs.assets",
    "buurtwiki.outputs.history_pages",
    "buurtwiki.outputs.recent_changes",
    "buurtwiki.outputs.feeds",
    "buurtwiki.agenda.pages",
    "buurtwiki.graph.emit",
    "buurtwiki.outputs.editor",
]


def emit_all(build: Build) -> None:
    for name in EMITTERS:
        module = importlib.import_module(name)
        for item in module.emit(build):
            build.outputs.add(item)
