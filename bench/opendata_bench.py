"""Open-data benchmark: what the data outputs add to a build of a large site.

Generates a synthetic site (``bench/synthetic.py``), runs one full ``mkdocs build`` (which
writes every data file and the JSON-LD of every page), and in a separate process measures the
open-data work alone on the same site: every file of the ``opendata`` emitter (records, CSV,
xlsx, ZIP, HSDS, catalogue, schemas, per-wijk files) and the JSON-LD of every entity page.

Usage::

    .venv/bin/python bench/opendata_bench.py                  # 10,000 entities
    .venv/bin/python bench/opendata_bench.py --entities 1000 --history
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
BIN = Path(sys.executable).parent

MKDOCS_YML = """\
site_name: Bench
docs_dir: content
site_url: https://buurt.example.org/
theme:
  name: material
  language: nl
plugins:
  - buurtwiki:
      history: {history}
"""


def data_outputs(root: Path, history: bool) -> tuple[float, float, int]:
    """Seconds for the core build, seconds for the open-data outputs, bytes written."""
    from buurtwiki.build import BuildOptions, run
    from buurtwiki.opendata import emit as opendata_emit
    from buurtwiki.opendata.jsonld import page_script
    from buurtwiki.outputs.page import OutputFile

    start = time.perf_counter()
    build = run(BuildOptions(root=root, today=dt.date(2026, 11, 21), history=history))
    core = time.perf_counter() - start
    start = time.perf_counter()
    items = list(opendata_emit.emit(build))  # a fresh emitter: nothing computed yet
    for item in items:
        build.outputs.add(item)
    written = sum(len(item.data()) for item in items if isinstance(item, OutputFile))
    for page in build.outputs.pages.values():
        if page.entity is not None:
            written += len(page_script(build, page.src_uri))
    return core, time.perf_counter() - start, written


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--commits", type=int, default=12_000)
    parser.add_argument("--history", action="store_true")
    args = parser.parse_args()
    from synthetic import generate_repo

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "site"
        generate_repo(root, args.entities, args.commits, seed=1)
        (root / "mkdocs.yml").write_text(MKDOCS_YML.format(history=str(args.history).lower()), encoding="utf-8")
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": "2026-11-21"}
        start = time.perf_counter()
        subprocess.run([str(BIN / "mkdocs"), "build", "-q", "-d", str(Path(tmp) / "out")], cwd=root, env=env, check=True)
        full = time.perf_counter() - start
        core, opendata, written = data_outputs(root, args.history)
    without = full - opendata
    print(f"{args.entities} entities, history {'on' if args.history else 'off'}")
    print(f"full mkdocs build (with open data): {full:.1f} s; core pipeline alone: {core:.1f} s")
    print(f"open-data outputs: {opendata:.2f} s ({written / 1e6:.1f} MB) = {100 * opendata / without:.1f}% on top of the rest of the build")


if __name__ == "__main__":
    main()
