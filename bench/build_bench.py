"""Build benchmark: index time, full builds with and without history, peak memory.

Generates a synthetic Buurtwiki repository (``bench/synthetic.py``: N entities, M commits with
renames, side branches and merges), packs it as a clone would be, adds a ``mkdocs.yml``, and
measures:

- the history index alone (one walk over all commits), and an incremental update after one new
  commit, as ``mkdocs serve`` does between rebuilds;
- a full ``mkdocs build`` with history pages, recent changes and feeds;
- the same build with ``history: false``;
- the peak memory of each build: the build process and its forked workers together (PSS);
- with ``--compare``: a plain Material site of the same pages with
  mkdocs-git-revision-date-localized-plugin (created + updated dates), pages kept out of the
  navigation, built from the same repository.

Usage::

    .venv/bin/python bench/build_bench.py                       # 1,000/10,000 and 10,000/100,000
    .venv/bin/python bench/build_bench.py --sizes 1000x10000 --compare --repeat 5
    .venv/bin/python bench/build_bench.py --write bench/RESULTS.md

Each build runs in its own process; the figures are wall-clock seconds on this machine.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
BIN = Path(sys.executable).parent
TODAY = "2026-11-21"

MKDOCS_YML = """\
site_name: Bench
docs_dir: content
site_url: https://buurt.example.org/
theme:
  name: material
  language: nl
  features:
    - navigation.sections
    - navigation.prune
plugins:
  - search:
      lang: nl
  - buurtwiki:
      history: {history}
validation:
  nav:
    omitted_files: ignore
"""

# The comparison: the same pages as a plain Material site, with created and updated dates from
# mkdocs-git-revision-date-localized-plugin (one git log per page). Only the home page is in the
# navigation, as the fast variant in the anchors' table ("pages kept out of the navigation").
GIT_PLUGIN_YML = """\
site_name: Bench (git-revision-date-localized)
docs_dir: wijken
site_dir: site-git-plugin
theme:
  name: material
  language: nl
nav:
  - wijk-1/index.md
plugins:
  - search:
      lang: nl
  - git-revision-date-localized:
      enable_creation_date: true
      fallback_to_build_date: true
validation:
  nav:
    omitted_files: ignore
    not_found: ignore
  links:
    not_found: ignore
    unrecognized_links: ignore
"""


@dataclass
class Result:
    entities: int
    commits: int
    figures: dict[str, float] = field(default_factory=dict)  # name -> seconds or MB
    notes: list[str] = field(default_factory=list)


def generate(path: Path, entities: int, commits: int, seed: int, reuse: bool = False) -> float:
    """Make the repository; with ``reuse``, keep one made earlier with the same size and seed."""
    from synthetic import generate_repo

    marker = path / ".git" / "buurtwiki-bench"
    wanted = f"{entities} {commits} {seed} packed\n"
    if reuse and marker.is_file() and marker.read_text(encoding="utf-8") == wanted:
        return 0.0
    if path.exists():
        shutil.rmtree(path)
    start = time.perf_counter()
    generate_repo(
        path, entities, commits, seed,
        extra_files={"mkdocs.yml": MKDOCS_YML.format(history="true")},
    )
    (path / "mkdocs-zonder-geschiedenis.yml").write_text(MKDOCS_YML.format(history="false"), encoding="utf-8")
    (path / "mkdocs-git-plugin.yml").write_text(GIT_PLUGIN_YML, encoding="utf-8")
    # A clone (as in CI) has its objects in a pack; the generator writes loose objects, which are
    # slower to read. Pack them so the figures are those of a real checkout.
    subprocess.run(["git", "repack", "-a", "-d", "-q"], cwd=path, check=True)
    subprocess.run(["git", "prune-packed"], cwd=path, check=True)
    (path / ".git" / "info").mkdir(exist_ok=True)
    (path / ".git" / "info" / "exclude").write_text("site*/\n", encoding="utf-8")  # as a real site's .gitignore
    seconds = time.perf_counter() - start
    marker.write_text(wanted, encoding="utf-8")
    return seconds


def time_index(root: Path) -> tuple[float, float, int, int]:
    """(seconds for a full index, seconds for an incremental update after one commit, commits walked, files)."""
    code = f"""
import sys, time, pygit2
from pathlib import Path
from buurtwiki.history import HistoryIndex
root = Path({str(root)!r})
start = time.perf_counter()
index = HistoryIndex.build(root, prefixes=("content/", "wijken/"))
full = time.perf_counter() - start
repo = pygit2.Repository(str(root))
head = repo.head.peel(pygit2.Commit)
path = "wijken/wijk-1/index.md"
blob = repo.create_blob((root / path).read_bytes() + b"\\nNog een zin.\\n")
builder = repo.TreeBuilder(head.tree)
wijken = head.tree["wijken"]; wijk = repo[wijken.id]["wijk-1"]
inner = repo.TreeBuilder(repo[wijk.id]); inner.insert("index.md", blob, pygit2.enums.FileMode.BLOB)
middle = repo.TreeBuilder(repo[wijken.id]); middle.insert("wijk-1", inner.write(), pygit2.enums.FileMode.TREE)
builder.insert("wijken", middle.write(), pygit2.enums.FileMode.TREE)
sig = pygit2.Signature("Bench", "bench@example.org", head.author.time + 3600, 60)
repo.create_commit("refs/heads/main", sig, sig, "Een zin erbij", builder.write(), [head.id])
start = time.perf_counter()
again = HistoryIndex.build(root, prefixes=("content/", "wijken/"), previous=index)
step = time.perf_counter() - start
assert again.head != index.head
print(full, step, again.walked, len(index.paths()))
repo.reset(head.id, pygit2.enums.ResetMode.SOFT)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]), int(out[2]), int(out[3])


def timed_build(root: Path, config: str, site_dir: str, bin_dir: Path = BIN) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, stderr tail) of one ``mkdocs build`` in its own process
    (``bin_dir``: the venv's bin folder with the ``mkdocs`` to run; the CPU time of the build
    and its workers is in ``LAST_CPU``, as the machine is shared and wall time is noisy).

    The build writes to a folder that does not exist yet, as in CI after a fresh clone. Old
    output is removed later (:func:`clean_outputs`): deleting thousands of files just before
    a build slows this machine's disk (mounted with ``discard``) for seconds, and that is not
    what a real build meets.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": TODAY, "PYTHONUNBUFFERED": "1"}
    if (root / site_dir).exists():
        raise RuntimeError(f"{root / site_dir} exists; call clean_outputs() first")
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(bin_dir / "mkdocs"), "build", "-q", "-f", config, "-d", site_dir],
        cwd=root, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    sampler = TreeMemory(proc.pid)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    LAST_CPU[:] = [usage.ru_utime + usage.ru_stime, os.getloadavg()[0]]  # with the waited-for workers
    sampler.stop()
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build -f {config} failed ({proc.returncode}):\n{stderr[-3000:]}")
    # The build forks workers: count them too (sampled; ru_maxrss is one process's peak).
    return seconds, max(usage.ru_maxrss / 1024, sampler.peak_mb), stderr[-2000:]


LAST_CPU: list[float] = [0.0, 0.0]  # CPU seconds (user + sys) of the last timed build and its workers, load average


class TreeMemory:
    """Samples the memory of a process and all its descendants (Linux /proc): the sum of their
    proportional set sizes (PSS), so memory that forked workers share with the build process
    is counted once, as the machine has to hold it once."""

    def __init__(self, pid: int, every: float = 0.5) -> None:
        self.pid = pid
        self.peak_mb = 0.0
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(every,), daemon=True)
        self._thread.start()

    def _run(self, every: float) -> None:
        while not self._done.wait(every):
            self.peak_mb = max(self.peak_mb, self._sample())

    def _tree(self) -> set[int]:
        parents: dict[int, int] = {}
        for entry in os.scandir("/proc"):
            if entry.name.isdigit():
                try:
                    with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as f:
                        parents[int(entry.name)] = int(f.read().rsplit(")", 1)[1].split()[1])
                except OSError:
                    continue
        tree, changed = {self.pid}, True
        while changed:
            grown = {p for p, parent in parents.items() if parent in tree} | tree
            changed, tree = grown != tree, grown
        return tree

    def _sample(self) -> float:
        total_kb = 0
        for pid in self._tree():
            try:
                with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as f:
                    for line in f:
                        if line.startswith("Pss:"):
                            total_kb += int(line.split()[1])
                            break
            except OSError:
                continue
        return total_kb / 1024

    def stop(self) -> None:
        self._done.set()
        self._thread.join()


def repeated_build(root: Path, config: str, name: str, repeat: int) -> tuple[float, float, list[float]]:
    """(median seconds, largest peak MB, all seconds) of ``repeat`` builds, each to a new folder."""
    times, peaks = [], []
    for n in range(repeat):
        seconds, rss, _ = timed_build(root, config, f"{name}-{n}")
        times.append(seconds)
        peaks.append(rss)
        print(f"   {config}: {seconds:.2f} s wall, {LAST_CPU[0]:.2f} s CPU (load {LAST_CPU[1]:.2f})", flush=True)
    return statistics.median(times), max(peaks), times


def clean_outputs(root: Path) -> None:
    for path in root.glob("site*"):
        if path.is_dir():
            shutil.rmtree(path)


def count_pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("index.html"))


def run_size(
    base: Path, entities: int, commits: int, seed: int, compare: bool, reuse: bool = False, repeat: int = 3
) -> Result:
    result = Result(entities, commits)
    root = base / f"e{entities}-c{commits}"
    print(f"== {entities:,} entities / {commits:,} commits in {root}", flush=True)
    result.figures["generate"] = generate(root, entities, commits, seed, reuse)
    print(f"   generated in {result.figures['generate']:.1f} s (0: reused)", flush=True)
    full, step, walked, files = time_index(root)
    result.figures.update(index=full, index_incremental=step)
    result.notes.append(f"incremental index after 1 new commit walked {walked} commit(s); {files:,} content files")
    print(f"   index {full:.2f} s; incremental {step:.3f} s ({walked} commit walked)", flush=True)
    clean_outputs(root)
    seconds, rss, times = repeated_build(root, "mkdocs.yml", "site", repeat)
    result.figures.update(build_history=seconds, rss_history=rss)
    result.notes.append(f"{count_pages(root / 'site-0'):,} HTML pages with history")
    result.notes.append("builds with history: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"   build with history {seconds:.2f} s (median of {', '.join(f'{t:.2f}' for t in times)}), peak {rss:.0f} MB", flush=True)
    seconds, rss, times = repeated_build(root, "mkdocs-zonder-geschiedenis.yml", "site-zonder", repeat)
    result.figures.update(build_plain=seconds, rss_plain=rss)
    result.notes.append("builds without history: " + ", ".join(f"{t:.2f} s" for t in times))
    print(f"   build without history {seconds:.2f} s (median of {', '.join(f'{t:.2f}' for t in times)}), peak {rss:.0f} MB", flush=True)
    if compare:
        seconds, rss, _ = timed_build(root, "mkdocs-git-plugin.yml", "site-git-plugin")
        result.figures.update(build_git_plugin=seconds, rss_git_plugin=rss)
        print(f"   Material + git-revision-date-localized {seconds:.1f} s, peak {rss:.0f} MB", flush=True)
    clean_outputs(root)
    return result


def markdown(results: list[Result]) -> str:
    def fig(r: Result, key: str, unit: str = "s") -> str:
        value = r.figures.get(key)
        if value is None:
            return "niet gemeten"
        return f"{value:,.0f} MB" if unit == "MB" else (f"{value:.2f} s" if value < 10 else f"{value:.1f} s")

    lines = [
        "| site | index (alle commits) | index na 1 nieuwe commit (serve) | build met geschiedenis | build zonder geschiedenis | piekgeheugen build | Material + git-revision-date-localized |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in results:
        lines.append(
            f"| {r.entities:,} pagina's, {r.commits:,} commits | {fig(r, 'index')} | {fig(r, 'index_incremental')} | "
            f"{fig(r, 'build_history')} | {fig(r, 'build_plain')} | {fig(r, 'rss_history', 'MB')} | {fig(r, 'build_git_plugin')} |"
        )
    notes = [f"- {r.entities:,}/{r.commits:,}: " + "; ".join(r.notes) for r in results]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {dt.date.today().isoformat()}"
    return "\n".join(lines) + "\n\n" + "\n".join(notes) + f"\n\nGemeten met `bench/build_bench.py` op {machine}.\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000x10000,10000x100000", help="entities x commits, comma-separated")
    parser.add_argument("--dir", type=Path, default=HERE / "out" / "build", help="where the repositories are made")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--compare", action="store_true", help="also build with git-revision-date-localized (first size only)")
    parser.add_argument("--compare-all", action="store_true", help="the comparison at every size (very slow at 10,000 pages)")
    parser.add_argument("--reuse", action="store_true", help="reuse repositories made by an earlier run with the same sizes")
    parser.add_argument("--write", type=Path, help="write the table as Markdown to this file")
    parser.add_argument("--repeat", default="3,1", help="builds per size (the median is reported), comma-separated per size")
    args = parser.parse_args(argv)
    sizes = [tuple(int(n) for n in s.split("x")) for s in args.sizes.split(",")]
    args.dir.mkdir(parents=True, exist_ok=True)
    results = []
    repeats = [int(n) for n in args.repeat.split(",")]
    for number, (entities, commits) in enumerate(sizes):
        compare = args.compare_all or (args.compare and number == 0)
        repeat = repeats[min(number, len(repeats) - 1)]
        results.append(run_size(args.dir, entities, commits, args.seed, compare, args.reuse, repeat))
    table = markdown(results)
    print()
    print(table)
    if args.write:
        args.write.write_text(table, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
