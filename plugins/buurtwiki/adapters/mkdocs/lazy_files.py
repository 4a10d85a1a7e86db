"""Generated files whose content is made when MkDocs writes them, not when they are listed.

``on_files`` lists every data file (open data, feeds, calendars, the editor's configuration) but
MkDocs writes them only after ``on_env``, when the history pages are being built in forked
workers (standalone.py). Making their content there instead of in ``on_files`` takes that work
off the part of the build that runs on one core. The content is the same: the core's
``OutputFile.data`` depends on the index and the site, which are complete in ``on_files``.
"""

from __future__ import annotations

from collections.abc import Callable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File


class LazyFile(File):
    """A generated file whose content is produced on first use (MkDocs 1.x reads ``_content``)."""

    _produce: Callable[[], bytes] | None = None
    _value: str | bytes | None = None

    @property
    def _content(self) -> str | bytes | None:
        if self._produce is not None:
            self._value, self._produce = self._produce(), None
        return self._value

    @_content.setter
    def _content(self, value: str | bytes | None) -> None:
        self._value, self._produce = value, None


def lazy_file(config: MkDocsConfig, path: str, produce: Callable[[], bytes]) -> File:
    """``File.generated`` for content made by ``produce`` when it is first needed."""
    file = LazyFile.generated(config, path, content=b"")
    assert isinstance(file, LazyFile)
    file._produce = produce
    return file
