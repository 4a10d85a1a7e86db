"""Screenshots of the maps, "Binnenkort" and the accountability tables at 390 px and 1280 px.

Builds the demo with MkDocs into a temporary folder, serves it, and writes PNGs to the folder given
(default /tmp/buurtwiki-kaart). Tiles are answered with a plain grey square (no internet needed).

    .venv/bin/python bench/maps_screenshots.py [out-folder]
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
PAGES = {
    "kaart": "kaart/",
    "wijk": "wijken/oostelijk-havengebied/",
    "binnenkort": "binnenkort/",
    "plek": "wijken/oostelijk-havengebied/plekken/azartplein/",
    "verantwoording": "verantwoording/",
}
GREY = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000080000000808020000004b6d29dc0000000f494441"
    "54789c63b88b03300c2d0900c388a5c102159c210000000049454e44ae426082"
)


def main() -> None:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/buurtwiki-kaart")
    out.mkdir(parents=True, exist_ok=True)
    root = Path(tempfile.mkdtemp(prefix="kaart-shots-"))
    for name in ("mkdocs.yml", "content", "wijken"):
        source = REPO / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    env = {**os.environ, "BUURTWIKI_TODAY": "2026-11-21", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q"], cwd=root, env=env, check=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(root / "site")))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.route("https://**/*", lambda r: r.fulfill(status=200, content_type="image/png", body=GREY))
            for name, path in PAGES.items():
                page.goto(base + path, wait_until="networkidle")
                page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=name != "binnenkort")
            page.close()
        browser.close()
    server.shutdown()
    shutil.rmtree(root, ignore_errors=True)
    print(f"Screenshots in {out}")


if __name__ == "__main__":
    main()
