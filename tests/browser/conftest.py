"""The demo site as `make serve` shows it (built from the replayed story repository), served over HTTP."""

from __future__ import annotations

import functools
import http.server
import sys
import threading
from pathlib import Path

import pytest

from ..adapters.test_mkdocs_build import build

REPO = Path(__file__).resolve().parents[2]


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


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The built demo: `site/` of a repository replayed from demo/verhaal.yml."""
    sys.path.insert(0, str(REPO / "demo"))
    import maak_demo

    root = tmp_path_factory.mktemp("demo-site") / "demo"
    maak_demo.build(root)
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def demo_url(demo_site):
    """Per module, and the thread is joined: later tests fork only when no other thread runs."""
    handler = functools.partial(SiteHandler, directory=str(demo_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)
