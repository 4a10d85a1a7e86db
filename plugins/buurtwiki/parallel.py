"""Work in forked processes, where that is safe, so a build uses more than one core.

Like Sphinx's parallel build, Buurtwiki forks: a child starts with everything the parent has
already loaded, so nothing is read twice. Forking is only done on POSIX, with more than one
core, and while this process runs no other threads (``mkdocs serve`` does: it never forks).
Every use falls back to doing the work in this process, with the same result.
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor


def can_fork() -> bool:
    """Forking is safe here: POSIX, more than one core, and no other threads in this process."""
    return (
        hasattr(os, "fork")
        and "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
    )


def fork_pool(workers: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork"))


def skip_collection_at_exit() -> None:
    """Let this process end without Python's last garbage collection.

    When the interpreter stops, it collects once more over every object still alive. After a
    build of 10,000 pages those are millions (the history index, the site, MkDocs' pages), and
    that took 5 s of nothing: the operating system frees the memory anyway. Objects frozen by
    ``gc.freeze()`` are left out of that collection. The freeze runs only when the interpreter
    stops, so a process that goes on (a test, ``gh-deploy``) is not affected.
    Plain reference counting still frees what it frees, and files are closed as before.
    """
    atexit.unregister(gc.freeze)  # once, however often a build ran in this process
    atexit.register(gc.freeze)


def in_background(work: Callable[[], bytes]) -> Callable[[], bytes]:
    """Start ``work`` in a forked process; the returned function waits for its bytes.

    Where forking is not safe, or when the process fails, ``work`` runs here when the result is
    asked for (so an error shows as it would without a fork). If the result is never asked for,
    the pipe closes with the returned function and the process ends.
    """
    if not can_fork():
        return work
    read_fd, write_fd = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return work
    if pid == 0:  # the forked process: only work, write, and leave without any clean-up of the parent's
        os.close(read_fd)
        status = 1
        try:
            data = work()
            with os.fdopen(write_fd, "wb") as out:
                out.write(data)
            status = 0
        finally:
            os._exit(status)
    os.close(write_fd)
    pipe = os.fdopen(read_fd, "rb")

    def result() -> bytes:
        with pipe:
            data = pipe.read()
        _, status = os.waitpid(pid, 0)
        return data if status == 0 else work()

    return result
