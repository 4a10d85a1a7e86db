"""`mkdocs serve` notices a saved file through the system's own file events (adapters/mkdocs/watching.py),
rebuilds once for it, and never rebuilds because the build itself read the files."""

from __future__ import annotations

import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from mkdocs.livereload import LiveReloadServer
from watchdog.observers.polling import PollingObserver

from buurtwiki.adapters.mkdocs.watching import use_native_watcher

from ..history.gitrepo import GitRepo
from .test_mkdocs_build import BIN, ENV, copy_demo


def _server(root: Path) -> LiveReloadServer:
    return LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(root))


def _wants_rebuild(server: LiveReloadServer, within: float) -> bool:
    with server._rebuild_cond:
        return server._rebuild_cond.wait_for(lambda: server._want_rebuild, timeout=within)


def test_a_written_file_asks_for_a_rebuild_and_a_read_file_does_not(tmp_path):
    (tmp_path / "wijken").mkdir()
    page = tmp_path / "wijken" / "a.md"
    page.write_text("een\n", encoding="utf-8")
    server = _server(tmp_path / "site")
    server.watch(str(tmp_path / "wijken"))
    server.watch(str(tmp_path / "wijken"))  # watched twice: unwatching once keeps it watched, as in MkDocs

    assert use_native_watcher(server)
    assert not isinstance(server.observer, PollingObserver)
    assert server._watched_paths == {str(tmp_path / "wijken"): 2}
    server.observer.start()
    try:
        time.sleep(0.2)
        page.read_text(encoding="utf-8")  # what every build does with every page
        assert not _wants_rebuild(server, 0.6)
        page.write_text("twee\n", encoding="utf-8")
        assert _wants_rebuild(server, 5)
    finally:
        server.observer.stop()
        server.observer.join(timeout=5)


def test_where_the_system_cannot_watch_serve_keeps_polling(tmp_path):
    server = _server(tmp_path / "site")
    server.watch(str(tmp_path / "verdwenen"))  # gone before the server starts: the native observer cannot watch it
    assert not use_native_watcher(server)
    assert isinstance(server.observer, PollingObserver)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _served(url: str, text: str, process: subprocess.Popen, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8"):
                    return
        except OSError:
            pass
        assert process.poll() is None, "mkdocs serve stopped"
        assert time.monotonic() < deadline, f"{text!r} was not served in time"
        time.sleep(0.1)


def test_serve_shows_a_saved_edit_then_a_commit_and_then_rests(tmp_path):
    root = copy_demo(tmp_path)
    repo = GitRepo(root)
    repo.git("add", "-A")
    repo.commit("De demo")
    page = next((root / "wijken").glob("*/initiatieven/*.md"))
    url = f"http://127.0.0.1:{_free_port()}/"
    address = url.removeprefix("http://").rstrip("/")
    process = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", address, "--no-strict"], cwd=root, env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    log: list[str] = []
    reader = threading.Thread(target=lambda: log.extend(iter(process.stderr.readline, "")), daemon=True)
    reader.start()
    try:
        _served(url, "Buurtwiki", process, 180)
        page_url = url + page.relative_to(root).with_suffix("").as_posix() + "/"
        page.write_text(page.read_text(encoding="utf-8") + "\nEen opgeslagen zin met meetwoord7.\n", encoding="utf-8")
        _served(page_url, "meetwoord7", process, 60)
        time.sleep(1)  # the last events of the save
        repo.git("commit", "-qam", "Een zin erbij over de meting")  # no file changes: only git's log of HEAD
        _served(page_url + "geschiedenis/", "Een zin erbij over de meting", process, 60)
        time.sleep(1)  # the search index in the background
        builds = sum("Building documentation" in line for line in log)
        time.sleep(3)
        assert sum("Building documentation" in line for line in log) == builds, "serve kept rebuilding"
        assert builds in (3, 4), log  # the first build, the edit, the commit (its events may come in two bursts)
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_stopping_serve_while_the_search_index_is_made_leaves_no_folder_behind(tmp_path):
    """Ctrl-C right after the first page is served: the search index of that build is still being
    made (in the background, from a folder of links beside the site). Stopping removes that folder."""
    import os
    import shutil
    import signal

    nice = shutil.which("nice")
    if nice is None or os.name != "posix":
        pytest.skip("serve makes its search index without `nice` here")
    (tmp_path / "site").mkdir()
    root = copy_demo(tmp_path / "site")
    scratch, slow = tmp_path / "tmp", tmp_path / "bin"
    scratch.mkdir()
    slow.mkdir()
    # a search index that takes a while, as on a large site: `nice` (which serve runs Pagefind with) waits first
    (slow / "nice").write_text(f"#!/bin/sh\nsleep 20\nexec {nice} \"$@\"\n", encoding="utf-8")
    (slow / "nice").chmod(0o755)
    url = f"http://127.0.0.1:{_free_port()}/"
    env = {**ENV, "TMPDIR": str(scratch), "PATH": f"{slow}{os.pathsep}{ENV.get('PATH', '')}"}
    process = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-a", url.removeprefix("http://").rstrip("/")], cwd=root,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _served(url, "Buurtwiki", process, 180)
        assert [p for p in scratch.iterdir() if p.name.startswith(".buurtwiki-zoeken-")]  # being made now
        process.send_signal(signal.SIGINT)
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert not [p.name for p in scratch.iterdir() if p.name.startswith(".buurtwiki-zoeken-")], os.listdir(scratch)


def test_an_editor_saving_through_a_temporary_file_gives_one_rebuild(tmp_path):
    """Editors write a temporary file and rename it over the page: the events of one save come
    together, so serve rebuilds once, however soon after them it starts."""
    (tmp_path / "wijken").mkdir()
    page = tmp_path / "wijken" / "a.md"
    page.write_text("een\n", encoding="utf-8")
    builds: list[float] = []
    server = LiveReloadServer(builder=lambda: builds.append(time.monotonic()), host="127.0.0.1", port=0, root=str(tmp_path / "site"))
    server.watch(str(tmp_path / "wijken"))
    assert use_native_watcher(server)
    server.observer.start()
    loop = threading.Thread(target=server._build_loop, daemon=True)
    loop.start()
    try:
        time.sleep(0.2)
        temporary = tmp_path / "wijken" / ".a.md.swp"
        temporary.write_text("twee\n", encoding="utf-8")
        temporary.replace(page)
        time.sleep(1.0)
        assert len(builds) == 1
        page.write_text("drie\n", encoding="utf-8")  # a later save: a rebuild of its own
        time.sleep(1.0)
        assert len(builds) == 2
    finally:
        server.shutdown()
        loop.join(timeout=5)
