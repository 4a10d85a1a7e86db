"""Builds a site the way `mkdocs serve` does, in its own process: one plugin instance, a fresh
config and ``build(config, serve_url=…)`` for every rebuild. Reads one line per rebuild from stdin
and answers ``built <pages kept from the previous build>`` (or ``failed``) when the build and the search index are done.

Usage: python serve_driver.py <site root> <site dir>
"""

from __future__ import annotations

import sys
import threading
import traceback

from mkdocs.commands.build import build
from mkdocs.config import load_config

SERVE_URL = "http://127.0.0.1:8000/"


def main(root: str, site_dir: str) -> None:
    config = load_config(config_file=f"{root}/mkdocs.yml", site_dir=site_dir)
    config.plugins.on_startup(command="serve", dirty=False)
    for _line in sys.stdin:
        try:
            config = load_config(config_file=f"{root}/mkdocs.yml", site_dir=site_dir)  # serve's get_config()
            build(config, serve_url=SERVE_URL)
            for thread in threading.enumerate():  # the search index, which serve makes after the build
                if thread is not threading.main_thread():
                    thread.join()
        except Exception:  # noqa: BLE001 - reported to the test
            traceback.print_exc()
            print("failed", flush=True)
            continue
        print(f"built {len(config.plugins['buurtwiki'].incremental.kept)}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
