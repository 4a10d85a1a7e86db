"""Which pages' bodies are rendered ahead (outputs/ahead.py), in the order MkDocs reads them."""

from __future__ import annotations

from mkdocs.structure.files import Files

from ...build import Build
from ...outputs.ahead import Ahead


def render_ahead(build: Build, files: Files) -> Ahead:
    """Start rendering the second half of the pages the core renders (``on_nav``: the next
    thing MkDocs does is read every page, in this order)."""
    pages = []
    for file in files.documentation_pages():
        output = build.outputs.pages.get(file.src_uri)
        if output is not None:
            pages.append((output, "" if file.url in (".", "./") else file.url))  # as mkdocs' Page.url
    return Ahead(build, pages)
