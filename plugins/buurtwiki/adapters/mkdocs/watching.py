"""Noticing a saved file at once in ``mkdocs serve``.

MkDocs 1.6 watches the folders with watchdog's polling observer: every 0.5 s it looks at every
file's modification time. A saved edit waits on average a quarter of a second before the rebuild
starts, and on a site with thousands of files each look costs CPU while nothing happens. The
operating system can say when a file changes (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW
on Windows); watchdog's ``Observer`` is that native observer.

:func:`use_native_watcher` gives the server a native observer before it starts, watching the same
folders with MkDocs' own callback. Only changes count (written, made, removed, moved, closed after
writing): a native observer also reports a file that is only opened or read, and the build reads
every page, which would start the next build forever. A rebuild then starts 25 ms after the last
change instead of MkDocs' 100 ms. When the native observer cannot start here
(no inotify, too few watches allowed), MkDocs keeps polling as before.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("mkdocs.plugins.buurtwiki")

# Seconds without a new change before the rebuild starts. MkDocs waits 0.1 s, for its polling
# observer; the events of one save (an editor's temporary file and rename, a commit's reflog line)
# come within a millisecond or two of each other, so waiting longer only delays the page.
BUILD_DELAY = 0.025


def _changes() -> list[type]:
    from watchdog import events

    return [events.FileModifiedEvent, events.FileCreatedEvent, events.FileDeletedEvent, events.FileMovedEvent,
            events.FileClosedEvent, events.DirCreatedEvent, events.DirDeletedEvent, events.DirMovedEvent]


def _native_observer_class() -> type | None:
    try:
        from watchdog.observers import Observer
        from watchdog.observers.polling import PollingObserver
    except ImportError:
        return None
    native: type = Observer  # type: ignore[assignment]
    if issubclass(native, PollingObserver):
        return None  # this system has nothing better
    changes = _changes()

    class ChangesOnly(native):
        """The native observer, reporting changes only."""

        def schedule(self, event_handler, path, *, recursive=False, event_filter=None, **kwargs):  # noqa: ANN001
            return super().schedule(event_handler, path, recursive=recursive, event_filter=changes, **kwargs)

    return ChangesOnly


def _works(observer_class: type, paths: list[str]) -> bool:
    """Whether a native observer can watch ``paths`` here (it fails at start, e.g. when the system
    allows too few inotify watches for a large site)."""
    from watchdog.events import FileSystemEventHandler

    probe = observer_class()
    try:
        for path in paths:
            probe.schedule(FileSystemEventHandler(), path, recursive=True)
        probe.start()
        return True
    except (OSError, RuntimeError) as error:
        log.info(f"Buurtwiki: serve kijkt elke halve seconde naar de bestanden (snel opmerken lukt hier niet: {error})")
        return False
    finally:
        if probe.is_alive():
            probe.stop()
            probe.join(timeout=5)


def use_native_watcher(server: Any) -> bool:
    """Swap the (not yet started) polling observer of MkDocs' ``LiveReloadServer`` for a native one
    with the same watched paths. Returns whether it did."""
    observer_class = _native_observer_class()
    old = getattr(server, "observer", None)
    watched = dict(getattr(server, "_watched_paths", None) or {})
    if observer_class is None or old is None or old.is_alive() or not hasattr(server, "_watch_refs"):
        return False
    if not _works(observer_class, list(watched)):
        return False
    server.observer = observer_class(timeout=getattr(old, "timeout", 1.0))
    server.build_delay = min(getattr(server, "build_delay", BUILD_DELAY), BUILD_DELAY)
    server._watched_paths.clear()
    server._watch_refs.clear()
    for path, count in watched.items():
        for _ in range(count):
            server.watch(path)  # MkDocs' own callback, on the new observer
    return True
