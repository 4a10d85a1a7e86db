"""Benchmark of the history index on a synthetic repository.

    .venv/bin/python bench/history_bench.py --entities 1000 --commits 10000 --out bench/out/h-1k

Generates the repository (or reuses it when ``--out`` already holds one made with the same
numbers), packs it like a clone, then measures, each in a fresh Python process:

- a full ``HistoryIndex.build``: wall time, CPU time, peak memory (max RSS of the process and
  the growth during the build);
- a serve-mode rebuild after one new commit (``previous=``);
- ``git log --name-only`` over all commits, for comparison.

Results are printed as a table and written to ``<out>/results.json``.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _generate(out: Path, entities: int, commits: int, seed: int, wijken: int | None) -> dict[str, float]:
    marker = out / "bench-params.json"
    params = {"entities": entities, "commits": commits, "seed": seed, "wijken": wijken}
    if marker.exists() and json.loads(marker.read_text()) == params:
        return {}
    if out.exists() and any(out.iterdir()):
        sys.exit(f"{out} bestaat al en is niet leeg; kies een andere --out of maak de map leeg.")
    sys.path.insert(0, str(HERE))
    from synthetic import generate_repo

    start = time.perf_counter()
    generate_repo(out, entities, commits, seed, wijken=wijken)
    generated = time.perf_counter() - start
    start = time.perf_counter()
    subprocess.run(["git", "repack", "-a", "-d", "-q"], cwd=out, check=True)
    subprocess.run(["git", "prune-packed"], cwd=out, check=True)
    packed = time.perf_counter() - start
    marker.write_text(json.dumps(params))
    return {"generate_s": generated, "repack_s": packed}


def _measure(path: Path) -> dict[str, float | int]:
    """Runs in a fresh process: full build, then a rebuild after one new commit."""
    import pygit2

    from buurtwiki.history import HistoryIndex

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    wall, cpu = time.perf_counter(), time.process_time()
    index = HistoryIndex.build(path)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result: dict[str, float | int] = {
        "build_s": wall,
        "build_cpu_s": cpu,
        "max_rss_mb": rss_after / 1024,
        "build_rss_growth_mb": (rss_after - rss_before) / 1024,
        "commits": len(index.commits),
        "files": len(index.paths()),
        "changes": len(index.recent()),
        "warnings": len(index.warnings),
    }
    # Serve mode: one new commit on top, then a rebuild that reuses the index.
    repo = pygit2.Repository(str(path))
    head = repo.head.peel(pygit2.Commit)
    page = index.paths()[len(index.paths()) // 2]
    text = index.blob_text(index.last_changed(page).new_blob) or ""
    tree = _replace(repo, head.tree, page.split("/"), repo.create_blob((text + "\nNog een zin.\n").encode()))
    signature = pygit2.Signature("Bench", "bench@example.org", head.author.time + 3600, 60)
    repo.create_commit("refs/heads/main", signature, signature, "Nog een zin", tree, [head.id])
    try:
        wall = time.perf_counter()
        again = HistoryIndex.build(path, previous=index)
        result["rebuild_one_commit_s"] = time.perf_counter() - wall
        result["rebuild_walked"] = again.walked
    finally:
        repo.references.create("refs/heads/main", head.id, force=True)
    return result


def _replace(repo, tree, parts: list[str], blob) -> object:
    """A copy of ``tree`` with the file at ``parts`` replaced by ``blob``."""
    import pygit2

    builder = repo.TreeBuilder(tree)
    if len(parts) == 1:
        builder.insert(parts[0], blob, pygit2.enums.FileMode.BLOB)
    else:
        child = repo[tree[parts[0]].id]
        builder.insert(parts[0], _replace(repo, child, parts[1:], blob), pygit2.enums.FileMode.TREE)
    return builder.write()


def _git_log(path: Path) -> float:
    start = time.perf_counter()
    subprocess.run(["git", "log", "--name-only", "--format=%H"], cwd=path, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def _table(rows: list[tuple[str, str]]) -> str:
    width = max(len(k) for k, _ in rows)
    return "\n".join(f"| {k.ljust(width)} | {v:>12} |" for k, v in rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entities", type=int, default=1000)
    parser.add_argument("--commits", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--wijken", type=int, default=None, help="number of wijk folders (default: entities / 200)")
    parser.add_argument("--out", type=Path, default=None, help="folder for the repository (default bench/out/history-E-C)")
    parser.add_argument("--runs", type=int, default=3, help="measure this many times and keep the fastest build")
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)  # internal: measure in this process
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(args.measure)))
        return
    out = args.out or HERE / "out" / f"history-{args.entities}-{args.commits}"
    out.mkdir(parents=True, exist_ok=True)
    results: dict[str, object] = {"entities": args.entities, "commits": args.commits, "seed": args.seed}
    results.update(_generate(out, args.entities, args.commits, args.seed, args.wijken))
    runs = []
    for _ in range(max(1, args.runs)):
        done = subprocess.run(
            [sys.executable, __file__, "--measure", str(out)], check=True, capture_output=True, text=True, cwd=ROOT
        )
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["build_s"])
    results.update(best)
    results["build_s_all_runs"] = [round(r["build_s"], 3) for r in runs]
    results["git_log_name_only_s"] = min(_git_log(out) for _ in range(max(1, args.runs)))
    (out / "results.json").write_text(json.dumps(results, indent=2))
    rows = [
        ("pagina's (bestanden)", f"{best['files']:,}"),
        ("commits", f"{best['commits']:,}"),
        ("wijzigingen", f"{best['changes']:,}"),
    ]
    if "generate_s" in results:
        rows.append(("repository maken", f"{results['generate_s']:.1f} s"))
    rows += [
        ("index bouwen (snelste)", f"{best['build_s']:.2f} s"),
        ("index bouwen, cpu", f"{best['build_cpu_s']:.2f} s"),
        ("piekgeheugen (max RSS)", f"{best['max_rss_mb']:.0f} MB"),
        ("groei tijdens bouwen", f"{best['build_rss_growth_mb']:.0f} MB"),
        ("opnieuw na 1 commit", f"{best['rebuild_one_commit_s']:.3f} s"),
        ("git log --name-only", f"{results['git_log_name_only_s']:.2f} s"),
    ]
    print(_table(rows))
    print(f"alle bouwtijden: {results['build_s_all_runs']}; resultaten in {out / 'results.json'}")


if __name__ == "__main__":
    main()
