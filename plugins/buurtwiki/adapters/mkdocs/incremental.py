"""`mkdocs serve` rebuilds only the pages an edit can change (issue 16).

The core decides which pages keep the bytes of the previous build (:func:`buurtwiki.outputs.affected.kept_pages`).
For such a page MkDocs still runs its events (so navigation, sitemap and links are as in a full
build), but the core renders no HTML, the theme renders the empty template ``buurtwiki-kept.html``,
and the page's previous bytes are written in its place. Kept history pages are not built at all.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils import write_file

from ...build import Build
from ...outputs.affected import kept_pages
from ...outputs.page import OutputPage
from .standalone import generated_file

KEPT_TEMPLATE = "buurtwiki-kept.html"


class Incremental:
    """The pages of the previous build, by ``src_uri``, and which of them the current build keeps."""

    def __init__(self) -> None:
        self.written: dict[str, str] = {}
        self.kept: frozenset[str] = frozenset()
        self.engine: str | None = None

    def plan(self, previous: Build | None, current: Build, engine: str | None) -> None:
        """Decide what the current build keeps; ``engine`` None switches reuse off (a full build)."""
        same = engine is not None and engine == self.engine
        self.kept = kept_pages(previous, current, self.written) if same else frozenset()
        self.written = {uri: self.written[uri] for uri in self.kept}
        self.engine = engine

    def keeps(self, src_uri: str) -> bool:
        return src_uri in self.kept

    def output(self, src_uri: str, html: str) -> str:
        """The page's HTML as MkDocs writes it: the previous bytes when kept; new ones are remembered."""
        if src_uri in self.kept:
            return self.written[src_uri]
        if self.engine is not None:
            self.written[src_uri] = html
        return html

    def write_kept(self, config: MkDocsConfig, pages: list[OutputPage]) -> list[OutputPage]:
        """Write the kept standalone pages as they were; the others are returned, to be built."""
        built = []
        for page in pages:
            if page.src_uri in self.kept:
                html = self.written[page.src_uri]
                write_file(html.encode("utf-8", errors="xmlcharrefreplace"), generated_file(config, page).abs_dest_path)
            else:
                built.append(page)
        return built


def nav_links_key(targets: list[list[str]], url: str) -> tuple[int, tuple[int, ...]]:
    """Pages with the same key get the same navigation HTML, whichever of them is rendered first.

    The navigation of a page outside it differs between pages only in its relative links; a relative
    link is fixed by the depth of the page's folder and how many leading folders it shares with the
    link's target. (Keying by depth alone made the bytes depend on which page came first: serve,
    which renders fewer pages, would then write other bytes than a full build.)"""
    folder = url.split("/")[:-1]
    shared = []
    for target in targets:
        count = 0
        for mine, theirs in zip(folder, target, strict=False):
            if mine != theirs:
                break
            count += 1
        shared.append(count)
    return len(folder), tuple(shared)


def nav_targets(urls: list[str]) -> list[list[str]]:
    """The URLs of the navigation's pages, split into folders, for :func:`nav_links_key`."""
    return [url.split("/") for url in dict.fromkeys(urls)]
