"""Data files made in a forked process while this one renders the pages.

A build whose history pages all come from the cache (a build after one commit) leaves a core
idle: the open data (CSV, XLSX, ZIP), the feeds, calendars, maps and the graph's data are made
when MkDocs writes them, one after another on this process (0.7 s at 1,000 pages). Here a
forked process makes them meanwhile and sends their bytes back; the first file asked for waits
for them.

The bytes are the same as when this process makes them: the forked process starts with the
same finished site and index, and every maker is a function of those. Its bytes are used only
when it reported nothing while making them (the count of problems is unchanged); otherwise,
and when forking is not possible or the process fails, every file is made here, as before.
Files that are copied (assets, a resident's images) are left alone: reading them is no work.
"""

from __future__ import annotations

import pickle
from collections.abc import Callable

from ..parallel import can_fork, in_background
from ..validation.problems import Problems
from .page import OutputFile

COPIED = "application/octet-stream"  # the media type of files that are copied, not made


class _Made:
    """The forked process's bytes, by path: waited for once, on first use."""

    def __init__(self, result: Callable[[], bytes]) -> None:
        self._result: Callable[[], bytes] | None = result
        self._made: dict[str, bytes] = {}

    def get(self, path: str, make: Callable[[], bytes | str]) -> bytes | str:
        if self._result is not None:
            result, self._result = self._result, None
            self._made = pickle.loads(result())  # noqa: S301 - bytes from our own forked process
        made = self._made.get(path)
        return make() if made is None else made


def make_meanwhile(files: dict[str, OutputFile], problems: Problems) -> bool:
    """Start making the generated files of ``files`` in a forked process; True if it started."""
    made_here = {path: file for path, file in files.items() if callable(file.content) and file.media_type != COPIED}
    if not made_here or not can_fork():
        return False
    before = len(problems)

    def work() -> bytes:
        made = {path: file.data() for path, file in made_here.items()}
        return pickle.dumps(made if len(problems) == before else {}, protocol=pickle.HIGHEST_PROTOCOL)

    shared = _Made(in_background(work))
    for path, file in made_here.items():
        make = file.content
        assert callable(make)
        file.content = _Deferred(shared, path, make)
    return True


class _Deferred:
    """A file's content: the forked process's bytes, or made here (see the module's text)."""

    def __init__(self, shared: _Made, path: str, make: Callable[[], bytes | str]) -> None:
        self.shared, self.path, self.make = shared, path, make

    def __call__(self) -> bytes | str:
        return self.shared.get(self.path, self.make)
