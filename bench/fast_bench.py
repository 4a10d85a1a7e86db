"""Fast feedback benchmark (issue 16), with its anchors measured in the same run.

On the synthetic site of ``build_bench.py`` (N pages, M commits, packed), measures:

- cold build with history (Pagefind search, no cache), median of ``--repeat``;
- build after one new commit with the cache (``cache_dir``: history index and history pages);
- `mkdocs serve`: from a saved edit (not committed, and committed) to the served page containing
  it, with the CPU time the serve process used per rebuild (its own polling of the folders included);
- the largest search file a visitor downloads for a query (Pagefind), beside Material's
  ``search_index.json`` (which a visitor downloads whole);
- anchors: Material + git-revision-date-localized (cold build) and Zensical (cold build, and a
  rebuild after a one-page edit with its warm cache) on the same pages;
- floors (``--floors``): what the tools under Buurtwiki cost alone on this machine, with this
  venv's MkDocs and Material: a build of the same Markdown files as plain pages (no plugins, no
  history, no search, a one-page menu), a build of a site with one page (starting MkDocs and
  Material), and Pagefind alone over the plain pages. A Buurtwiki build makes those pages and as
  many history pages, and runs Pagefind, so these bound what any build here can reach.

Usage::

    .venv/bin/python bench/fast_bench.py --size 1000x10000 --repeat 3 --anchor-venv /work/anchorvenv
    .venv/bin/python bench/fast_bench.py --only-serve --anchor-venv /work/anchorvenv

The anchors (Zensical; Material with mkdocs-git-revision-date-localized-plugin) are not
dependencies of Buurtwiki: ``--anchor-venv`` names the virtual environment they are installed
in (default: this one). Every build prints its CPU time (user + sys, workers included) and the
load average, as the machine may be shared.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from build_bench import BIN, HERE, LAST_CPU, MKDOCS_YML, TODAY, clean_outputs, generate, timed_build

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": TODAY}
ZENSICAL_YML = """\
site_name: Bench (Zensical)
docs_dir: wijken
site_dir: site-zensical
theme:
  name: material
  language: nl
nav:
  - wijk-1/index.md
"""
MATERIAL_ALONE_YML = """\
site_name: Bench (Material alone)
docs_dir: {docs}
theme:
  name: material
  language: nl
plugins: []
nav:
  - {first}
validation:
  nav:
    omitted_files: ignore
"""
# What Pagefind's browser code can load for one query: never its whole index.
QUERY_FILES = ("index", "filter", "fragment")


def config(root: Path, name: str, cache: str) -> str:
    text = MKDOCS_YML.format(history="true").replace("history: true", f"history: true\n      cache_dir: '{cache}'")
    (root / name).write_text(text, encoding="utf-8")
    return name


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={**ENV, "GIT_AUTHOR_NAME": "Bench", "GIT_AUTHOR_EMAIL": "b@example.org",
                        "GIT_COMMITTER_NAME": "Bench", "GIT_COMMITTER_EMAIL": "b@example.org"})


def a_page(root: Path) -> Path:
    return sorted((root / "wijken" / "wijk-1" / "initiatieven").glob("*.md"))[0]


def cold(root: Path, repeat: int) -> tuple[float, list[float], float]:
    name = config(root, "mkdocs-koud.yml", "")
    runs = []
    for n in range(repeat):
        runs.append(timed_build(root, name, f"site-koud-{n}"))
        print(f"  cold build {n + 1}: {runs[-1][0]:.2f} s wall, {LAST_CPU[0]:.2f} s CPU (load {LAST_CPU[1]:.2f})", flush=True)
    times = [r[0] for r in runs]
    return statistics.median(times), times, max(r[1] for r in runs)


def cached_after_commit(root: Path) -> float:
    name = config(root, "mkdocs-cache.yml", ".cache/bench")
    shutil.rmtree(root / ".cache" / "bench", ignore_errors=True)
    timed_build(root, name, "site-cache-0")  # fills the cache
    page = a_page(root)
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nEen nieuwe zin voor de meting.\n", encoding="utf-8")
    git(root, "commit", "-qam", "Een zin erbij")
    try:
        return timed_build(root, name, "site-cache-1")[0]
    finally:
        git(root, "reset", "-q", "--hard", "HEAD~1")


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (Linux)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def serve_latency(root: Path, edits: int = 3, commit: bool = False, cpu: list[float] | None = None,
                  settle: float = 5.0) -> list[float]:
    """Seconds from writing a file (and committing it, with ``commit``) to the served page showing
    the new text; ``cpu`` receives the serve process's CPU seconds per edit. ``settle``: seconds
    between the first served page and the first edit (0: edit at once, while the first build's
    search index is still being made)."""
    port = 8765
    name = config(root, "mkdocs-serve.yml", ".cache/serve")
    # livereload stays on: with --no-livereload, `mkdocs serve` watches no files and never rebuilds
    proc = subprocess.Popen([str(BIN / "mkdocs"), "serve", "-q", "-f", name, "-a", f"127.0.0.1:{port}"],
                            cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    page = a_page(root)
    url = f"http://127.0.0.1:{port}/wijken/wijk-1/initiatieven/{page.stem}/"
    original = page.read_text(encoding="utf-8")
    results = []
    try:
        _wait(url, "", 600)
        time.sleep(settle)  # the first build's search index
        for n in range(edits):
            word = f"meetwoord{n}x{int(time.time())}"
            before = _cpu(proc.pid)
            start = time.perf_counter()
            page.write_text(original + f"\n{word}\n", encoding="utf-8")
            if commit:
                git(root, "commit", "-qam", f"Meting {n}")
            _wait(url, word, 120)
            results.append(time.perf_counter() - start)
            time.sleep(4)  # the search index of this rebuild
            if cpu is not None:
                cpu.append(_cpu(proc.pid) - before - 4 * _polling_cpu(proc.pid))
    finally:
        page.write_text(original, encoding="utf-8")
        if commit and results:
            git(root, "reset", "-q", "--hard", f"HEAD~{len(results)}")
        proc.terminate()
        proc.wait(timeout=30)
    return results


def _polling_cpu(pid: int, seconds: float = 2.0) -> float:
    """CPU seconds per second the idle serve process spends watching the folders."""
    before = _cpu(pid)
    time.sleep(seconds)
    return (_cpu(pid) - before) / seconds


def _wait(url: str, text: str, timeout: float) -> None:
    end = time.perf_counter() + timeout
    while time.perf_counter() < end:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if text in response.read().decode("utf-8", "replace"):
                    return
        except OSError:
            pass
        time.sleep(0.02)
    raise TimeoutError(url)


def search_sizes(site: Path, material_site: Path | None) -> dict[str, float]:
    bundle = site / "pagefind"
    per_query = [p.stat().st_size for folder in QUERY_FILES for p in (bundle / folder).glob("*")]
    fixed = [p.stat().st_size for p in bundle.glob("*") if p.is_file() and p.suffix not in (".css",)]
    figures = {"pagefind_largest_query_kb": max(per_query) / 1024, "pagefind_largest_any_kb": max(fixed + per_query) / 1024,
               "pagefind_total_kb": sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file()) / 1024}
    index = material_site / "search" / "search_index.json" if material_site else None
    if index and index.is_file():
        figures["material_index_kb"] = index.stat().st_size / 1024
    return figures


def floors(root: Path, repeat: int) -> dict[str, float]:
    """Seconds (median of ``repeat``) of MkDocs + Material alone over the same Markdown files, of
    MkDocs + Material over one page, and of Pagefind alone over the plain pages (see the top)."""
    one = root / "floor-one-page"
    one.mkdir(exist_ok=True)
    (one / "index.md").write_text("# Een pagina\n", encoding="utf-8")
    (root / "mkdocs-material-alleen.yml").write_text(
        MATERIAL_ALONE_YML.format(docs="wijken", first="wijk-1/index.md"), encoding="utf-8")
    (root / "mkdocs-een-pagina.yml").write_text(MATERIAL_ALONE_YML.format(docs=one.name, first="index.md"), encoding="utf-8")
    alone, start, search = [], [], []
    for n in range(repeat):
        alone.append(timed_build(root, "mkdocs-material-alleen.yml", f"site-material-alleen-{n}")[0])
        start.append(timed_build(root, "mkdocs-een-pagina.yml", f"site-een-pagina-{n}")[0])
        begin = time.perf_counter()
        subprocess.run([sys.executable, "-m", "pagefind", "--site", f"site-material-alleen-{n}", "--output-subdir", "zoek"],
                       cwd=root, env=ENV, check=True, capture_output=True)
        search.append(time.perf_counter() - begin)
    figures = {"floor_material_alone": statistics.median(alone), "floor_start": statistics.median(start),
               "floor_pagefind": statistics.median(search)}
    print(f"floors: MkDocs + Material alone over the same pages {figures['floor_material_alone']:.2f} s "
          f"({', '.join(f'{t:.2f}' for t in alone)}); one page {figures['floor_start']:.2f} s; "
          f"Pagefind alone over those pages {figures['floor_pagefind']:.2f} s", flush=True)
    return figures


def zensical(root: Path, tool: Path = BIN / "zensical") -> tuple[float, float] | None:
    if not tool.exists():
        return None
    (root / "zensical.yml").write_text(ZENSICAL_YML, encoding="utf-8")
    shutil.rmtree(root / ".cache", ignore_errors=True)
    command = [str(tool), "build", "-f", "zensical.yml"]
    start = time.perf_counter()
    subprocess.run(command, cwd=root, env=ENV, check=True, capture_output=True)
    first = time.perf_counter() - start
    page = a_page(root)
    original = page.read_text(encoding="utf-8")
    page.write_text(original + "\nEen nieuwe zin.\n", encoding="utf-8")
    try:
        start = time.perf_counter()
        subprocess.run(command, cwd=root, env=ENV, check=True, capture_output=True)
        return first, time.perf_counter() - start
    finally:
        page.write_text(original, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", default="1000x10000")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dir", type=Path, default=HERE / "out" / "build")
    parser.add_argument("--no-anchors", action="store_true")
    parser.add_argument("--anchor-venv", type=Path, default=BIN.parent,
                        help="virtual environment with the anchors (zensical, mkdocs + Material + git-revision-date-localized)")
    parser.add_argument("--only-serve", action="store_true", help="only serve, beside Zensical's warm rebuild")
    parser.add_argument("--floors", action="store_true", help="also the floors: MkDocs + Material and Pagefind alone")
    parser.add_argument("--only-floors", action="store_true", help="only the floors, beside one cold build")
    args = parser.parse_args(argv)
    anchors = args.anchor_venv / "bin"
    entities, commits = (int(n) for n in args.size.split("x"))
    root = args.dir / f"e{entities}-c{commits}"
    args.dir.mkdir(parents=True, exist_ok=True)
    print(f"generated in {generate(root, entities, commits, 1, reuse=True):.1f} s (0: reused)", flush=True)
    clean_outputs(root)
    out: dict[str, object] = {}
    if args.only_serve:
        return only_serve(root, anchors / "zensical", out)
    median, times, peak = cold(root, args.repeat)
    out.update(cold=median, cold_runs=times, cold_peak_mb=peak)
    print(f"cold build {median:.2f} s ({', '.join(f'{t:.2f}' for t in times)}), peak {peak:.0f} MB", flush=True)
    if args.floors or args.only_floors:
        out.update(floors(root, args.repeat))
        print(f"cold build / MkDocs + Material alone: {median / out['floor_material_alone']:.2f}", flush=True)
        if args.only_floors:
            print(out)
            return 0
    out["cache_after_commit"] = cached_after_commit(root)
    print(f"build after one new commit, with cache: {out['cache_after_commit']:.2f} s", flush=True)
    material = None
    if not args.no_anchors:
        out["git_plugin"] = timed_build(root, "mkdocs-git-plugin.yml", "site-git-plugin", anchors)[0]
        material = root / "site-git-plugin"
        print(f"Material + git-revision-date-localized: {out['git_plugin']:.1f} s, {LAST_CPU[0]:.1f} s CPU (load {LAST_CPU[1]:.2f})",
              flush=True)
        z = zensical(root, anchors / "zensical")
        if z:
            out["zensical_cold"], out["zensical_warm"] = z
            print(f"Zensical cold {z[0]:.2f} s, after one edit (warm cache) {z[1]:.2f} s", flush=True)
    out.update(search_sizes(root / "site-koud-0", material))
    print("search: " + ", ".join(f"{k} {v:.0f}" for k, v in out.items() if k.endswith("_kb")), flush=True)
    clean_outputs(root)
    measure_serve(root, out)
    print(out)
    return 0


def measure_serve(root: Path, out: dict[str, object]) -> None:
    for commit in (False, True):
        cpu: list[float] = []
        latencies = serve_latency(root, commit=commit, cpu=cpu)
        name = "serve_committed" if commit else "serve"
        out[name], out[name + "_cpu"] = statistics.median(latencies), statistics.median(cpu)
        print(f"{name}, saved edit to served page: {', '.join(f'{t:.2f}' for t in latencies)} s; "
              f"CPU of the serve process per rebuild (polling left out): {', '.join(f'{t:.2f}' for t in cpu)} s", flush=True)
        clean_outputs(root)
    first = serve_latency(root, edits=1, settle=0)
    out["serve_first_edit"] = first[0]
    print(f"serve, first edit right after the first page is served: {first[0]:.2f} s", flush=True)
    clean_outputs(root)


def only_serve(root: Path, tool: Path, out: dict[str, object]) -> int:
    print(f"load before: {os.getloadavg()}", flush=True)
    z = zensical(root, tool)
    if z:
        out["zensical_cold"], out["zensical_warm"] = z
        print(f"Zensical cold {z[0]:.2f} s, after one edit (warm cache) {z[1]:.2f} s", flush=True)
    measure_serve(root, out)
    z = zensical(root, tool)
    if z:
        out["zensical_warm_after"] = z[1]
        print(f"Zensical again: after one edit (warm cache) {z[1]:.2f} s", flush=True)
    print(f"load after: {os.getloadavg()}", flush=True)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
