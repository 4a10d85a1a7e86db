"""Running Pagefind over the built site without waiting for pages it never indexes.

Pagefind indexes only pages marked ``data-pagefind-body`` (``search.mark``), but it reads and
parses every HTML file it is given. The history pages are half the site, are never marked, and
are written last, by the forked workers (``adapters/mkdocs/standalone.py``). So the adapter
starts Pagefind as soon as the build process has no history page left to build, while the
workers finish their last ones, on the site without the pages it never indexes: the index is
the same, made in half the time. (Started beside the busy workers, Pagefind's 500 MB at 10,000
pages made the build's peak memory.)

`mkdocs build` moves those pages aside while Pagefind runs (a rename each, next to nothing) and
puts them back when it is done, whatever happens. A folder of links to the other pages, as
before, cost a new folder per page: 0.5 s at 1,000 pages and 2.9 s at 10,000 on a disk where
making a folder takes 0.4 ms. `mkdocs serve` keeps that folder of links: its site is being
served meanwhile.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Collection
from pathlib import Path

from .search import BUNDLE, PAGEFIND, TIMEOUT

FAILED = "mkdocs.yml: waarschuwing: de zoekindex (Pagefind) is niet gemaakt: {detail}"
NOT_BACK = ("mkdocs.yml: waarschuwing: {count} pagina's konden na het maken van de zoekindex niet terug op hun plek "
            "in de site; ze staan in {folder}. Bouw de site opnieuw.")
INSTALL = ". Installeer Pagefind met 'pip install \"pagefind[extended]\"', of zet 'search: material'."


def link_pages(site_dir: Path, into: Path, skip: Collection[str]) -> int:
    """Mirror the HTML files of ``site_dir`` into ``into`` (hard links, copies where that is not
    possible), leaving out the files in ``skip`` (absolute paths) and the search bundle itself."""
    count = 0
    bundle = site_dir / BUNDLE
    for folder, dirs, names in os.walk(site_dir):
        here = Path(folder)
        if here == bundle:
            dirs.clear()
            continue
        for name in names:
            source = here / name
            if not name.endswith(".html") or os.path.normpath(source) in skip:
                continue
            target = into / source.relative_to(site_dir)
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(source, target)
            except FileNotFoundError:
                continue  # serve: the next rebuild took it away; that rebuild indexes the site again
            except OSError:
                try:
                    shutil.copyfile(source, target)
                except FileNotFoundError:
                    continue
            count += 1
    return count


class Indexing:
    """One Pagefind run: :meth:`start` returns at once, :meth:`wait` returns a Dutch warning
    when the index could not be made (the site itself is built either way)."""

    def __init__(self, site_dir: str | Path, skip: Collection[str] = (), background: bool = False) -> None:
        self.site_dir = Path(site_dir).resolve()
        self.background = background  # serve: the next rebuild goes first (a lower priority, where the system has `nice`)
        self.skip = {os.path.normpath(Path(p).resolve()) for p in skip}
        self._proc: subprocess.Popen[str] | None = None
        self._folder: str | None = None
        self._moved: list[tuple[str, str]] = []  # (where a page was, where it is while Pagefind runs)
        self._error: str | None = None

    def _scratch(self) -> str:
        """A folder beside the site (hard links need the same disk), else in the system's temp."""
        try:
            return tempfile.mkdtemp(prefix=".buurtwiki-zoeken-", dir=self.site_dir.parent)
        except OSError:
            return tempfile.mkdtemp(prefix="buurtwiki-zoeken-")

    def start(self) -> Indexing:
        try:
            self._folder = self._scratch()
            site = str(self.site_dir) if not self.background and self._move_aside() else self._folder
            if site == self._folder:
                link_pages(self.site_dir, Path(self._folder), self.skip)
            command = [sys.executable, "-m", PAGEFIND, "--site", site,
                       "--output-path", str(self.site_dir / BUNDLE), "--silent"]
            nice = shutil.which("nice") if self.background and os.name == "posix" else None
            if nice:
                command = [nice, "-n", "10", *command]
            self._proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            self._error = FAILED.format(detail=str(error)[:300])
            self._clean()
        except BaseException:  # Ctrl-C while pages are aside: they go back first
            self._clean()
            raise
        return self

    def wait(self) -> str | None:
        if self._proc is None:
            return self._error
        try:
            out, err = self._proc.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired as error:
            self._proc.kill()
            self._proc.communicate()
            return FAILED.format(detail=str(error)[:300])
        finally:
            self._clean()
        if self._proc.returncode != 0:
            return FAILED.format(detail=(err or out).strip()[-300:]) + INSTALL
        return self._error  # None, unless a page could not be put back

    def stop(self) -> None:
        """Stop Pagefind now and remove its folder of links (serve is shutting down)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        self._clean()

    def _move_aside(self) -> bool:
        """Move the pages in ``skip`` into the scratch folder; False (and nothing moved) when a
        rename is not possible (another disk)."""
        assert self._folder is not None
        inside = str(self.site_dir) + os.sep
        for number, path in enumerate(sorted(self.skip)):
            if not path.startswith(inside) or os.path.islink(path):
                continue  # only the site's own files are ever moved
            aside = os.path.join(self._folder, str(number))
            try:
                os.rename(path, aside)
            except FileNotFoundError:
                continue  # not written (yet): a worker's page that comes later is only read
            except OSError:
                self._put_back()
                return False
            self._moved.append((path, aside))
        return True

    def _put_back(self) -> bool:
        """Every page back where it was; False when one could not be (it then stays in the scratch
        folder, which is not removed)."""
        kept = []
        for path, aside in self._moved:
            try:
                os.rename(aside, path)
            except OSError:
                if os.path.lexists(aside):  # not when it was never there; else its folder went away
                    kept.append((path, aside))
        self._moved = kept
        return not kept

    def _clean(self) -> None:
        if not self._put_back():
            self._error = NOT_BACK.format(count=len(self._moved), folder=self._folder)
            self._folder = None
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
