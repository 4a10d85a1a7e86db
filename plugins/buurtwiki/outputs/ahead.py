"""Page bodies rendered ahead, in a forked process, while the build process renders the others.

MkDocs renders every page's body (``_populate_page``) in one process before it writes any page
and before the history pages' workers start (adapters/mkdocs/standalone.py): 13 s at 10,000
pages with the second core idle. The bodies are the core's own HTML (:func:`body`), which
depends only on the build and the page's address, so a forked process renders the second half
of them meanwhile and sends them back; the build process takes each one when MkDocs asks for
it. The bytes are the same as when one process renders all (tests/adapters/test_ahead.py).
"""

from __future__ import annotations

import pickle
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..parallel import can_fork, in_background
from . import search
from .page import OutputPage
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build

MIN_PAGES = 200  # below this, forking and sending costs more than it saves


def body(build: Build, page: OutputPage, url: str) -> str:
    """The HTML of a page's content area, as the site engine puts it in its template."""
    return search.mark(build, page, page.render(RenderContext(build, url)))


class Ahead:
    """Bodies rendered ahead; :meth:`get` gives one, or None to render it here."""

    def __init__(self, build: Build, pages: Sequence[tuple[OutputPage, str]]) -> None:
        """``pages``: (page, url) in the order the engine will ask for them."""
        later = list(pages[len(pages) // 2 :]) if len(pages) >= MIN_PAGES and can_fork() else []
        self._wanted = {page.src_uri: url for page, url in later}
        self._done: dict[str, str] | None = None
        # when the process fails, each page is rendered here when it is asked for, as without it
        self._result = in_background(lambda: _pack(build, later), fallback=_nothing) if later else None

    def get(self, src_uri: str, url: str) -> str | None:
        if self._wanted.pop(src_uri, None) != url:
            return None
        if self._done is None and self._result is not None:
            self._done = pickle.loads(self._result())  # noqa: S301 - bytes from our own forked process
            self._result = None
        return (self._done or {}).pop(src_uri, None)


def _nothing() -> bytes:
    return pickle.dumps({})


def _pack(build: Build, pages: list[tuple[OutputPage, str]]) -> bytes:
    return pickle.dumps({page.src_uri: body(build, page, url) for page, url in pages}, protocol=pickle.HIGHEST_PROTOCOL)
