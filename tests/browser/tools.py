"""The outside tools the browser and HTML tests need, and what to do when one is missing.

Outside CI a missing tool skips the test with a Dutch reason that names the command to install it
(tests/conftest.py lists every skipped check at the end of the run). In CI (CI=true) a missing tool
fails the test, so a check cannot silently disappear.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
NPM = REPO / ".cache" / "npm" / "node_modules"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(os.environ.get("AXE_PATH", NPM / "axe-core/axe.min.js"))
VNU = Path(os.environ.get("VNU_JAR", NPM / "vnu-jar/build/dist/vnu.jar"))
JAVA = shutil.which("java")
NODE = shutil.which("node")
DECAP_SERVER = NPM / "decap-server/dist/index.js"
# Chromium flags for a sandboxed, offline CI machine: no background requests of its own.
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]

INSTALL_NPM = "make test-tools"
INSTALL_APT = "sudo apt-get install {}"


def _missing(tools: tuple[str, ...]) -> list[str]:
    missing = []
    for tool in tools:
        if tool == "playwright":
            try:
                import playwright.sync_api  # noqa: F401
            except ImportError:
                missing.append("Python-pakket playwright (installeer: make install)")
        elif tool == "chromium" and not Path(CHROMIUM).exists():
            missing.append(f"Chromium (installeer: {INSTALL_APT.format('chromium')})")
        elif tool == "axe" and not AXE.is_file():
            missing.append(f"axe-core in {AXE} (installeer: {INSTALL_NPM})")
        elif tool == "java" and not JAVA:
            missing.append(f"Java (installeer: {INSTALL_APT.format('default-jre-headless')})")
        elif tool == "node" and not NODE:
            missing.append(f"Node.js (installeer: {INSTALL_APT.format('nodejs')})")
        elif tool == "decap-server" and not DECAP_SERVER.is_file():
            missing.append(f"decap-server in {DECAP_SERVER} (installeer: {INSTALL_NPM})")
        elif tool == "vnu" and not VNU.is_file():
            missing.append(f"de HTML-controle vnu.jar in {VNU} (installeer: {INSTALL_NPM})")
    return missing


def require(check: str, *tools: str) -> None:
    """Skip (or in CI: fail) when one of ``tools`` is missing; ``check`` names the check in plain words."""
    missing = _missing(tools)
    if missing:
        message = f"{check} overgeslagen; ontbreekt: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Like a static host (GitHub Pages, Netlify): a missing address gets 404.html with status 404."""

    def log_message(self, format, *args):  # noqa: A002 - keep test output readable
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@contextmanager
def served(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on 127.0.0.1, like a static host; yields the base URL. The thread is
    joined afterwards: later tests fork only when no other thread runs."""
    handler = functools.partial(SiteHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@contextmanager
def chromium_browser(check: str) -> Iterator[Any]:
    """Real Chromium for one module's tests; skipped, naming ``check``, when it is not installed."""
    require(check, "playwright", "chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()
