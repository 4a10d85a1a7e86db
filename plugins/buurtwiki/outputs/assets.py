"""The stylesheet, scripts and vendored libraries shipped inside the package."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from importlib import resources
from typing import TYPE_CHECKING

from ..content.files import read_published
from .page import OutputFile

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from ..build import Build

PREFIX = "assets/buurtwiki"
CSS = [f"{PREFIX}/buurtwiki.css"]
JS = [f"{PREFIX}/buurtwiki.js"]


def _walk(folder: Traversable, prefix: str) -> Iterator[tuple[str, Traversable]]:
    for item in folder.iterdir():
        if item.name.startswith(".") or item.name == "__pycache__" or item.name.endswith(".py"):
            continue
        if item.is_dir():
            yield from _walk(item, f"{prefix}/{item.name}")
        else:
            yield f"{prefix}/{item.name}", item


def emit(build: Build) -> Iterator[OutputFile]:
    for path, item in _walk(resources.files("buurtwiki").joinpath("assets"), PREFIX):
        if not build.options.editor and path.startswith(f"{PREFIX}/vendor/decap-cms/"):
            continue  # the web editor's CMS (outputs/editor.py) is published only when it is on
        yield OutputFile(path, content=item.read_bytes)
    for src_uri, source in build.site.assets:  # only what content/files.py allows: no links, safe types
        yield OutputFile(src_uri, content=partial(read_published, source))
