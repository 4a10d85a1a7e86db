"""Which output pages can differ between two builds of the same site (incremental rebuilds in serve).

From the previous :class:`~buurtwiki.build.Build` and the new one, this module names the pages
that must be rendered again; every other page may keep the bytes it had. The facts come from the
parsed files, the link graph and the history index. When in doubt it names more pages, never fewer:
a page it leaves out must come out byte for byte as a full build would make it.

- Everything, when the settings, the build date, ``themas.yml``, the menu, the site-wide pages
  (their addresses and titles), an ordinary page or a data file of a wijk (its borders) changed.
- Always: every page that is not an entity page or a history page (overviews, recent changes,
  the ecosystem, agenda pages, ordinary pages), except those in the folder of a wijk that no
  changed entity or neighbour of one is in. They are few and list many entities. After a new
  commit, or when a page is new, gone, renamed or shown differently elsewhere, those of every wijk.
- A changed entity (its file's text, its history, or whether it has uncommitted changes; also a new,
  deleted or renamed file): its own page and history page; the pages of its neighbours in the old
  and the new graph (links, backlinks, sections that name it); the pages of its wijk and of the wijk
  of each neighbour (lists, maps, the wijk's ecosystem); the entities of its agenda. When what other
  pages show of it (title, address, type, status, wijk) changed, or it is new or gone, the
  neighbours' history pages too, because they name it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model.types import Layout
from .change_rows import history_src_uri
from .page import PageKind

if TYPE_CHECKING:
    from ..build import Build
    from ..content.entity import Entity

EVERYTHING = None  # what :func:`affected_pages` returns when every page must be rendered again
_PER_ENTITY = (PageKind.ENTITY, PageKind.HISTORY)


@dataclass(frozen=True)
class _Seen:
    """What other pages show of an entity."""

    key: str
    title: str
    url: str
    status: str | None
    wijk: str | None
    agenda: str | None


def _seen(entity: Entity) -> _Seen:
    return _Seen(entity.key, entity.title, entity.url, entity.status, entity.wijk, entity.agenda)


def _fingerprint(build: Build, entity: Entity) -> tuple:
    """Everything of one entity's own file and history that its own pages show (once per build:
    serve compares each build with the next one too)."""
    known = build.caches.fingerprints.get(entity.path)
    if known is None:
        known = build.caches.fingerprints[entity.path] = _make_fingerprint(build, entity)
    return known


def _make_fingerprint(build: Build, entity: Entity) -> tuple:
    history: tuple = ()
    if build.history is not None:
        index = build.history
        history = (tuple((c.commit.sha, c.code, c.path, c.old_path, c.old_blob, c.new_blob)
                         for c in index.history(entity.path)), index.uncommitted(entity.path))
    return entity.source.text, history


def _global_key(build: Build) -> tuple:
    """Everything that is on every page, or that no finer rule covers."""
    options = {k: v for k, v in vars(build.options).items() if k != "registry"}
    site = build.site
    shared = sorted((p.src_uri, p.title, p.kind.value, repr(p.menu), p.standalone)
                    for p in build.outputs.pages.values() if p.kind not in _PER_ENTITY)
    pages = sorted((p.path, p.source.text) for p in site.pages)
    assets = sorted((uri, _stat(path)) for uri, path in site.assets)
    source = build.history._source if build.history is not None else None  # names come from .mailmap
    walked = (source.mailmap, sorted(source.boundaries)) if source is not None else None
    return (repr(options), id(build.options.registry), build.today, repr(site.themes), shared, pages,
            assets, sorted(site.published), build.history.head is not None if build.history else None, walked)


def _stat(path) -> tuple[int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (-1, -1)
    return (stat.st_size, stat.st_mtime_ns)


def changed_entities(previous: Build, current: Build) -> tuple[set[str], set[str]]:
    """The paths of entities whose own pages differ, and of those whose name elsewhere differs."""
    old = {e.path: e for e in previous.site.entities}
    new = {e.path: e for e in current.site.entities}
    changed, renamed = set(), set()
    for path in old.keys() | new.keys():
        before, after = old.get(path), new.get(path)
        if before is None or after is None or _seen(before) != _seen(after):
            changed.add(path)
            renamed.add(path)
        elif _fingerprint(previous, before) != _fingerprint(current, after):
            changed.add(path)
    return changed, renamed


def affected_pages(previous: Build, current: Build) -> set[str] | None:
    """The ``src_uri`` of every page of ``current`` that may differ from ``previous``; ``EVERYTHING`` (None)
    when any page may."""
    if _global_key(previous) != _global_key(current):
        return EVERYTHING
    changed, renamed = changed_entities(previous, current)
    pages: set[str] = set()
    wijken: set[str] = set()
    for build in (previous, current):
        entities = [e for e in build.site.entities if e.path in changed]
        named = {e.path for e in build.site.entities if e.path in renamed}
        around = _around(build, entities)
        wijken |= {e.wijk for e in around if e.wijk}
        for entity in around:
            pages.add(entity.src_uri)
        for entity in entities:
            pages.add(history_src_uri(entity))
        for entity in _neighbours(build, [e for e in entities if e.path in named]):
            pages.add(history_src_uri(entity))
    folders = _wijk_folders(current)
    every_wijk = bool(renamed) or _new_commits(previous, current)
    for uri, page in current.outputs.pages.items():
        wijk = next((slug for folder, slug in folders.items() if uri.startswith(folder)), None)
        if page.kind not in _PER_ENTITY and (wijk is None or every_wijk or wijk in wijken):
            pages.add(uri)
    return pages & current.outputs.pages.keys()


def _new_commits(previous: Build, current: Build) -> bool:
    """A commit came in (or went: a reset). Its rows in a wijk's recent changes may name files that
    are no page in either build (deleted, or the old name of a renamed one), and whether such a name
    is a link depends on pages elsewhere: every wijk's lists are made again (they are few)."""
    before = previous.history.head if previous.history is not None else None
    after = current.history.head if current.history is not None else None
    return before != after


def _wijk_folders(build: Build) -> dict[str, str]:
    """The folder of each wijk's pages (``wijken/ohg/``), with the wijk's slug."""
    return {e.src_uri.rsplit("/", 1)[0] + "/": e.wijk or e.slug
            for e in build.site.entities if e.type.layout is Layout.WIJK_INDEX and "/" in e.src_uri}


def _neighbours(build: Build, entities: Iterable[Entity]) -> list[Entity]:
    out = []
    for entity in entities:
        out.append(entity)
        out += [node.entity for node in build.graph.neighbours(entity.key) if node.entity is not None]
    return out


def _around(build: Build, entities: list[Entity]) -> list[Entity]:
    """The entities, their neighbours, and the wijk pages and agenda pages of all of them (an agenda
    lists who carries each item)."""
    near = _neighbours(build, entities)
    wijken = {e.wijk for e in near if e.wijk}
    agendas = {(e.wijk, e.agenda) for e in near if e.agenda}
    site = build.site
    near += [e for e in site.entities if (e.wijk in wijken and e.type.layout is Layout.WIJK_INDEX)
             or (e.agenda is not None and (e.wijk, e.agenda) in agendas)]
    return near


def kept_pages(previous: Build | None, current: Build, written: dict[str, str]) -> frozenset[str]:
    """Pages of ``current`` whose bytes of the previous build (``written``, by ``src_uri``) are still
    right: not affected by the change, and written last time."""
    if previous is None or not written:
        return frozenset()
    affected = affected_pages(previous, current)
    if affected is EVERYTHING:
        return frozenset()
    return frozenset(uri for uri in current.outputs.pages if uri not in affected and uri in written)
