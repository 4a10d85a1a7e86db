"""Which output pages can differ between two builds of the same site (incremental rebuilds in serve,
and `mkdocs build` with a cache).

From a :class:`Snapshot` of the previous build and one of the new build, this module names the pages
that must be rendered again; every other page may keep the bytes it had. A snapshot holds only
what the rules below need (plain values and digests), so the previous one can come from the same
process (serve) or from disk (``outputs/page_store.py``). The facts come from the
parsed files, the link graph and the history index. When in doubt it names more pages, never fewer:
a page it leaves out must come out byte for byte as a full build would make it.

- Everything, when the settings, the build date, ``themas.yml``, the menu, the site-wide pages
  (their addresses and titles), an ordinary page or a data file of a wijk (its borders) changed.
- Always: every page that is not an entity page or a history page (overviews, recent changes,
  the ecosystem, agenda pages, ordinary pages), except those in the folder of a wijk that no
  changed entity or neighbour of one is in. They are few and list many entities. When a page is
  new, gone, renamed or shown differently elsewhere, those of every wijk; after a new commit, a
  wijk's recent changes when their rows differ (``OutputPage.lists``: a deleted, renamed or broken
  file's row there names it, linked or not).
- A changed entity (its file's text, its history, or whether it has uncommitted changes; also a new,
  deleted or renamed file): its own page and history page; the pages of its neighbours in the old
  and the new graph (links, backlinks, sections that name it); the pages of its wijk and of the wijk
  of each neighbour (lists, maps, the wijk's ecosystem); the entities of its agenda. When what other
  pages show of it (title, address, type, status, wijk) changed, or it is new or gone, the
  neighbours' history pages too, because they name it, and the own pages of the neighbours' neighbours,
  because a page may show a neighbour with its links (an agenda: its BuurtTop, and where that was held).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model.types import Layout
from .change_rows import history_src_uri
from .page import PageKind
from .page_cache import digest

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity

EVERYTHING = None  # what :func:`affected_pages` returns when every page must be rendered again
_PER_ENTITY = (PageKind.ENTITY, PageKind.HISTORY)
UNLISTED = ""  # the rows of a list of recent changes that does not say them: new after every new commit


@dataclass(frozen=True)
class Facts:
    """One entity as the rules see it: what other pages show of it (``seen``), a digest of its own
    file and history, its pages, and its neighbours in the graph (paths)."""

    seen: tuple[str, str, str, str | None, str | None, str | None]  # key, title, URL, status, wijk, agenda
    fingerprint: str
    src_uri: str
    history_uri: str
    wijk_index: bool
    neighbours: tuple[str, ...]

    @property
    def wijk(self) -> str | None:
        return self.seen[4]

    @property
    def agenda(self) -> str | None:
        return self.seen[5]


@dataclass(frozen=True)
class Snapshot:
    """What :func:`affected_pages` needs of one build."""

    key: str  # a digest of everything that is on every page, or that no finer rule covers
    head: str | None  # the newest commit; None without history
    entities: dict[str, Facts]  # by path
    pages: frozenset[str]  # every page (src_uri)
    shared: frozenset[str]  # the pages that are not an entity's own or history page
    recent: dict[str, str]  # of those, the lists of recent changes (PageKind.RECENT): a digest of their rows
    wijk_folders: dict[str, str]  # the folder of each wijk's pages (``wijken/ohg/``), with the wijk's slug


def snapshot(build: Build) -> Snapshot:
    """The build's snapshot, made once per build (serve compares each build with the next one too)."""
    if build.caches.snapshot is None:
        entities = {}
        for entity in build.site.entities:
            neighbours = tuple(node.entity.path for node in build.graph.neighbours(entity.key) if node.entity is not None)
            entities[entity.path] = Facts(
                (entity.key, entity.title, entity.url, entity.status, entity.wijk, entity.agenda),
                _fingerprint(build, entity), entity.src_uri, history_src_uri(entity),
                entity.type.layout is Layout.WIJK_INDEX, neighbours)
        head = build.history.head if build.history is not None else None  # a commit's id, or None
        shared = frozenset(uri for uri, page in build.outputs.pages.items() if page.kind not in _PER_ENTITY)
        recent = {uri: digest([page.lists()]) if page.lists is not None else UNLISTED
                  for uri, page in build.outputs.pages.items() if page.kind is PageKind.RECENT}
        build.caches.snapshot = Snapshot(_global_key(build), head, entities,
                                         frozenset(build.outputs.pages), shared, recent, _wijk_folders(build))
    return build.caches.snapshot


def _fingerprint(build: Build, entity: Entity) -> str:
    """Everything of one entity's own file and history that its own pages show."""
    history = build.history.identity(entity.path) if build.history is not None else ()
    return digest([entity.source.text, history])


def _global_key(build: Build) -> str:
    """Everything that is on every page, or that no finer rule covers. The model itself (the
    registry) is code or comes from ``mkdocs.yml``: the adapter's engine key covers both."""
    site = build.site
    shared = sorted((p.src_uri, p.title, p.kind.value, repr(p.menu), p.standalone)
                    for p in build.outputs.pages.values() if p.kind not in _PER_ENTITY)
    pages = sorted((p.path, p.source.text) for p in site.pages)
    assets = sorted((uri, _content(path)) for uri, path in site.assets)
    source = build.history._source if build.history is not None else None  # names come from .mailmap
    walked = (source.mailmap, sorted(source.boundaries)) if source is not None else None
    return digest([build.options.settings(), build.options.registry.names, build.today, repr(site.themes), shared, pages,
                   assets, sorted(site.published), build.history.head is not None if build.history else None, walked])


_CONTENT: dict[tuple[str, int, int], str] = {}  # digests of asset files by path, size and modification time


def _content(path: Path) -> str:
    """A digest of an asset file's bytes (not its modification time: a fresh clone sets new ones)."""
    try:
        stat = path.stat()
    except OSError:
        return "-"
    known = (str(path), stat.st_size, stat.st_mtime_ns)
    if known not in _CONTENT:
        sha = hashlib.sha256()
        try:
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    sha.update(block)
        except OSError:
            return "-"
        _CONTENT[known] = sha.hexdigest()
    return _CONTENT[known]


def changed_entities(previous: Snapshot, current: Snapshot) -> tuple[set[str], set[str]]:
    """The paths of entities whose own pages differ, and of those whose name elsewhere differs."""
    old, new = previous.entities, current.entities
    changed, renamed = set(), set()
    for path in old.keys() | new.keys():
        before, after = old.get(path), new.get(path)
        if before is None or after is None or before.seen != after.seen:
            changed.add(path)
            renamed.add(path)
        elif before.fingerprint != after.fingerprint:
            changed.add(path)
    return changed, renamed


def affected_pages(previous: Snapshot, current: Snapshot) -> set[str] | None:
    """The ``src_uri`` of every page of ``current`` that may differ from ``previous``; ``EVERYTHING`` (None)
    when any page may."""
    if previous.key != current.key:
        return EVERYTHING
    changed, renamed = changed_entities(previous, current)
    pages: set[str] = set()
    wijken: set[str] = set()
    for snap in (previous, current):
        around = _around(snap, changed)
        wijken |= {w for p in around if (w := snap.entities[p].wijk)}
        pages |= {snap.entities[p].src_uri for p in around}
        pages |= {snap.entities[p].history_uri for p in changed if p in snap.entities}
        near_renamed = _neighbours(snap, renamed)
        pages |= {snap.entities[p].history_uri for p in near_renamed}
        # a page may show a neighbour together with that neighbour's own links: an agenda names the
        # BuurtTop it came from and where that was held, so a deleted place changes the agenda page
        pages |= {snap.entities[p].src_uri for p in _neighbours(snap, near_renamed)}
    every_wijk = bool(renamed)
    new_commits = previous.head != current.head
    for uri in current.shared:
        wijk = next((slug for folder, slug in current.wijk_folders.items() if uri.startswith(folder)), None)
        rows = current.recent.get(uri)
        listed = rows is not None and (rows != previous.recent.get(uri) or (rows == UNLISTED and new_commits))
        if wijk is None or every_wijk or wijk in wijken or listed:
            pages.add(uri)
    return pages & current.pages


def _neighbours(snap: Snapshot, paths: Iterable[str]) -> set[str]:
    """The entities at ``paths`` (those in this snapshot) and their neighbours."""
    out = set()
    for path in paths:
        facts = snap.entities.get(path)
        if facts is not None:
            out.add(path)
            out.update(facts.neighbours)
    return out


def _around(snap: Snapshot, changed: Collection[str]) -> set[str]:
    """The changed entities, their neighbours, and the wijk pages and agenda pages of all of them
    (an agenda lists who carries each item)."""
    near = _neighbours(snap, changed)
    wijken = {w for p in near if (w := snap.entities[p].wijk)}
    agendas = {(snap.entities[p].wijk, snap.entities[p].agenda) for p in near if snap.entities[p].agenda}
    near |= {path for path, f in snap.entities.items()
             if (f.wijk in wijken and f.wijk_index) or (f.agenda is not None and (f.wijk, f.agenda) in agendas)}
    return near


def _wijk_folders(build: Build) -> dict[str, str]:
    return {e.src_uri.rsplit("/", 1)[0] + "/": e.wijk or e.slug
            for e in build.site.entities if e.type.layout is Layout.WIJK_INDEX and "/" in e.src_uri}


def kept_pages(previous: Snapshot | None, current: Snapshot, written: Collection[str]) -> frozenset[str]:
    """Pages of ``current`` whose bytes of the previous build (``written``: their ``src_uri``) are
    still right: not affected by the change, and written last time."""
    if previous is None or not written:
        return frozenset()
    affected = affected_pages(previous, current)
    if affected is EVERYTHING:
        return frozenset()
    return frozenset(uri for uri in current.pages if uri not in affected and uri in written)
