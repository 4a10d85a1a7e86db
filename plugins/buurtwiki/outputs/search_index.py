"""Running Pagefind over the built site without waiting for pages it never indexes.

Pagefind indexes only pages marked ``data-pagefind-body`` (``search.mark``), but it reads and
parses every HTML file it is given. The history pages are half the site, are never marked, and
are written last, by the forked workers (``adapters/mkdocs/standalone.py``). So the adapter
starts Pagefind as soon as the build process has no history page left to build, while the
workers finish their last ones, on a folder of hard links to the other pages only: the index is
the same, made in half the time. (Started beside the busy workers, Pagefind's 500 MB at 10,000
pages made the build's peak memory.)
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
            link_pages(self.site_dir, Path(self._folder), self.skip)
            command = [sys.executable, "-m", PAGEFIND, "--site", self._folder,
                       "--output-path", str(self.site_dir / BUNDLE), "--silent"]
            nice = shutil.which("nice") if self.background and os.name == "posix" else None
            if nice:
                command = [nice, "-n", "10", *command]
            self._proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        except OSError as error:
            self._error = FAILED.format(detail=str(error)[:300])
            self._clean()
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
        return None

    def stop(self) -> None:
        """Stop Pagefind now and remove its folder of links (serve is shutting down)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        self._clean()

    def _clean(self) -> None:
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
