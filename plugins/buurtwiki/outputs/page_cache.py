"""Rendered history pages kept on disk between builds: a page is built again only when
something it shows changed.

A page's key is a hash of everything its HTML is made of:

- the site key: the engine's settings and templates (given by the adapter), the package's own
  code, templates and assets, the build date, the options, and every page's identity (type, path, title, URL):
  a new page, a rename or a new title anywhere renews every key, because names and the menu
  are on every page;
- the page key: the entity's path and title and its changes in the history index (commit,
  kind, paths, versions), whether the file has uncommitted changes.

An edit of one page's text or fields, with or without a new commit, renews only that page's
history page. Files in the cache are only ever copied, never parsed.
"""

from __future__ import annotations

import functools
import hashlib
import os
import shutil
from collections.abc import Collection, Iterable
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .change_rows import history_src_uri
from .history_pages import has_history

if TYPE_CHECKING:
    from ..build import Build

FORMAT = "1"
FOLDER = "paginas"


def digest(parts: Iterable[object]) -> str:
    """A hash of the ``repr`` of each part (the caches' keys)."""
    sha = hashlib.sha256()
    for part in parts:
        sha.update(repr(part).encode("utf-8", "surrogatepass"))
        sha.update(b"\0")
    return sha.hexdigest()


@functools.cache
def package_key() -> str:
    """A hash of the package's own files: its code, templates and assets. A new version, or any
    change to them, renews every cached page (once per process: they do not change while it runs)."""
    root = resources.files("buurtwiki")
    parts: list[object] = []
    stack = [root]
    while stack:
        folder = stack.pop()
        for item in sorted(folder.iterdir(), key=lambda i: i.name):
            if item.is_dir():
                if item.name != "__pycache__":
                    stack.append(item)
            elif not item.name.endswith((".pyc", ".pyo")):
                parts += [item.name, item.read_bytes()]
    return digest(parts)


def site_key(build: Build, engine: str) -> str:
    options = build.options
    identities = sorted((e.type.name, e.path, e.title, e.url, e.wijk) for e in build.site.entities)
    pages = sorted((p.src_uri, p.title) for p in build.site.pages)
    menu = sorted((p.src_uri, p.title, repr(p.menu)) for p in build.outputs.pages.values() if p.menu)
    return digest([FORMAT, engine, package_key(), build.today, options.settings(), identities, pages, menu,
                    build.history.head is not None if build.history else None])


def history_keys(build: Build, engine: str, only: Collection[str] | None = None) -> dict[str, str]:
    """The key of every history page (by ``src_uri``), or of those in ``only``; empty without a history index."""
    if not has_history(build):
        return {}
    index = build.history_index
    base = site_key(build, engine)
    keys = {}
    for entity in build.site.entities:
        if only is not None and history_src_uri(entity) not in only:
            continue
        keys[history_src_uri(entity)] = digest([base, entity.path, entity.title, index.identity(entity.path)])
    return keys


class PageCache:
    """Files by key under ``folder``; copies only."""

    def __init__(self, folder: Path, complete: bool = True) -> None:
        self.folder = folder / FOLDER
        self.used: set[str] = set()
        self.complete = complete  # every history page of the build passes through here (serve keeps some elsewhere)

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.html"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def restore(self, key: str, dest: str | Path) -> bool:
        """Copy the cached page to ``dest``; False when it is not in the cache (any more: the
        caller asked :meth:`has` first)."""
        source = self._path(key)
        try:
            os.makedirs(os.path.dirname(dest), exist_ok=True)
            shutil.copyfile(source, dest)
        except OSError:
            return False
        self.used.add(key)
        return True

    def store(self, key: str, built: str | Path) -> None:
        target = self._path(key)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_suffix(".tmp")
            shutil.copyfile(built, temporary)
            os.replace(temporary, target)
        except OSError:
            return
        self.used.add(key)

    def prune(self) -> None:
        """Remove what this build did not use, so the cache does not grow with every change; not
        when pages were kept elsewhere (serve): their entries are still right for the next build."""
        if not self.complete or not self.folder.is_dir():
            return
        for sub in self.folder.iterdir():
            for item in sub.iterdir() if sub.is_dir() else []:
                if item.stem not in self.used:
                    item.unlink(missing_ok=True)
