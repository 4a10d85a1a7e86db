"""What the emit stage produces: pages (HTML for a site engine to wrap) and data files."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Protocol

from ..content.paths import file_url_of, url_of

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity
    from .render import RenderContext


class PageKind(str, Enum):
    """What a page is; adapters decide from it how to treat the page (a ``str`` so that
    templates can compare it with plain words)."""

    PAGE = "page"
    ENTITY = "entity"
    OVERVIEW = "overview"
    HISTORY = "history"
    RECENT = "recent"
    ECOSYSTEM = "ecosystem"
    FAILED = "failed"


@dataclass(frozen=True)
class MenuEntry:
    """A site-wide page in the menu: the emitter that makes a page says so, the adapter only
    turns entries into its engine's navigation, lowest ``order`` first."""

    title: str
    order: int


@dataclass
class OutputPage:
    """One page of the site. ``render`` gives the HTML of the content area."""

    src_uri: str  # as if it were a Markdown file in the docs folder, e.g. "wijken/ohg/geschiedenis.md"
    title: str
    render: Callable[[RenderContext], str]
    kind: PageKind = PageKind.PAGE
    entity: Entity | None = None  # the Entity this page is about, if any
    edit_path: str | None = None  # file to open in the web editor
    description: str = ""
    hide: tuple[str, ...] = ()  # parts of the layout to hide (validation/page_meta.py:HIDE_VALUES)
    in_search: bool = True
    # Never in the navigation, the search index or the sitemap, and linked only from its own
    # entity: an engine may build it apart from (and at the same time as) the other pages.
    standalone: bool = False
    menu: MenuEntry | None = None  # listed in the site menu
    # Shows what the data files hold (their sizes): an engine may render it after writing them,
    # so an edit in `mkdocs serve` is shown before the data files are made (adapters/mkdocs/incremental.py).
    after_files: bool = False
    # What the page lists that no rule of outputs/affected.py covers, as a value that changes when
    # the list does (the rows of a list of recent changes); None: nothing beyond those rules.
    lists: Callable[[], object] | None = None

    @property
    def url(self) -> str:
        return url_of(self.src_uri)


@dataclass
class OutputFile:
    """A file written as-is: JSON, GeoJSON, Atom, iCalendar, a ZIP, an asset."""

    path: str  # e.g. "data/ecosysteem.json"
    content: bytes | str | Callable[[], bytes | str] = b""
    media_type: str = "application/octet-stream"

    def data(self) -> bytes:
        value = self.content() if callable(self.content) else self.content
        return value.encode("utf-8") if isinstance(value, str) else value


@dataclass
class Outputs:
    pages: dict[str, OutputPage] = field(default_factory=dict)
    files: dict[str, OutputFile] = field(default_factory=dict)
    file_urls: dict[str, str] = field(default_factory=dict)  # canonical URL -> URL without directory URLs

    # a resident's ordinary page that was left out: a generated page or file has its address
    left_out: list[OutputPage] = field(default_factory=list)

    def add(self, item: OutputPage | OutputFile) -> None:
        """Add a page or file. A generated page always wins over a resident's ordinary page at the
        same address (whichever comes first; see :meth:`settle`), so a pull request cannot replace a
        wijk page or an overview; the resident's page is kept in :attr:`left_out` to be reported."""
        if isinstance(item, OutputFile):
            self.files[item.path] = item
            return
        existing = self.pages.get(item.src_uri)
        if existing is not None and _resident(item) and not _resident(existing):
            self.left_out.append(item)
            return
        if existing is not None and _resident(existing) and not _resident(item):
            self.left_out.append(existing)
        self.pages[item.src_uri] = item
        self.file_urls[item.url] = file_url_of(item.src_uri)

    def settle(self) -> None:
        """After every emitter: a resident page at the address of a generated page (``content/themas.md``
        at ``/themas/``) or whose HTML file would be a generated file (``admin/index.html``) is left out."""
        generated = {page.url: page for page in self.pages.values() if not _resident(page)}
        for src_uri, page in list(self.pages.items()):
            if _resident(page) and (page.url in generated or f"{page.url}index.html" in self.files):
                self.left_out.append(page)
                del self.pages[src_uri]
        for url, page in generated.items():
            self.file_urls[url] = file_url_of(page.src_uri)


def _resident(page: OutputPage) -> bool:
    return page.kind in (PageKind.PAGE, PageKind.FAILED)


class Emitter(Protocol):
    """One output feature: everything it publishes, from the shared indexes of one build."""

    @property
    def name(self) -> str: ...

    def emit(self, build: Build) -> Iterable[OutputPage | OutputFile]: ...


@dataclass(frozen=True)
class EmitterFunction:
    """An :class:`Emitter` made of a module's ``emit`` function."""

    name: str
    function: Callable[[Build], Iterable[OutputPage | OutputFile]]

    def emit(self, build: Build) -> Iterable[OutputPage | OutputFile]:
        return self.function(build)
