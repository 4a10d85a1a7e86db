"""Benchmark: what maps and calendars add to a build of 10,000 places and activities.

Writes a synthetic site (no history): W wijken, P places (most with ``locatie``, boundaries and
opening hours) and A activities (weekly, fortnightly and monthly repeats, one-offs in the past and
the future, some cancelled). Then, in this process, builds it with the core pipeline and renders
every page and every data file, twice:

- with every feature (the build as shipped);
- without the "where and when" features (GeoJSON, iCalendar files, Binnenkort, maps, opening
  hours, the "Zet in je agenda" link; the activity cards keep their date line).

It reports the CPU seconds of each (``time.process_time``: the machine may be shared, and a
busy machine changes wall time far more than CPU time) and what the features add, as a share
of the build. The three builds run interleaved, in a rotating order, ``--repeat`` times: the
report gives each median with its range, and the median and range of each round's own share
(the builds of one round ran side by side, so load hits them alike). Optionally
(``--mkdocs``) it also times a whole ``mkdocs build`` of the same site, for scale.

Usage::

    .venv/bin/python bench/where_bench.py                 # 5,000 places + 5,000 activities
    .venv/bin/python bench/where_bench.py --places 5000 --activities 5000 --repeat 3 --mkdocs
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from buurtwiki import features
from buurtwiki.build import Build, BuildOptions
from buurtwiki.outputs import emit_all
from buurtwiki.outputs.render import RenderContext
from buurtwiki.stages import index_graph, load_checked_site

TODAY = dt.date(2026, 11, 21)
# The features measured: map data and calendars (what the issue asks to stay under 10%), and the
# "Binnenkort" pages with the opening-hours tables.
MAPS_CALENDARS = ({"geo", "calendars", "maps"}, {"wijk_map", "place_map", "add_to_calendar"})
UPCOMING = ({"upcoming"}, {"next_on_wijk_page", "hours_table"})
WITHOUT = ((MAPS_CALENDARS, UPCOMING), (UPCOMING,), ())  # base, + maps and calendars, everything
HOURS = ["ma-vr 09:00-17:00", "za 10:00-14:00", "wo 19:00-22:00", "di,do 13:00-16:30"]
REPEATS = ["wekelijks", "tweewekelijks", "maandelijks", "FREQ=WEEKLY;BYDAY=TU,TH", None, None]


def write_site(root: Path, wijken: int, places: int, activities: int, seed: int = 1) -> None:
    rnd = random.Random(seed)
    (root / "content").mkdir(parents=True)
    (root / "content/index.md").write_text("---\ntitle: Bench\n---\nWelkom.\n", encoding="utf-8")
    for w in range(wijken):
        folder = root / f"wijken/wijk-{w}"
        (folder / "plekken").mkdir(parents=True)
        (folder / "activiteiten").mkdir()
        lat, lon = 52.0 + w * 0.01, 4.5 + w * 0.01
        ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]
        (folder / "grens.geojson").write_text(json.dumps({"type": "Polygon", "coordinates": [ring]}), encoding="utf-8")
        (folder / "index.md").write_text(f"---\ntitel: Wijk {w}\ngrens: grens.geojson\n---\nDe wijk.\n", encoding="utf-8")
    for p in range(places):
        w = p % wijken
        located = f"locatie: [{52.0 + w * 0.01 + rnd.random() * 0.01:.5f}, {4.5 + w * 0.01 + rnd.random() * 0.01:.5f}]\n" if p % 10 else ""
        hours = "openingstijden: [" + ", ".join(rnd.sample(HOURS, 2)) + "]\n"
        text = (f"---\ntitel: Plek {p}\nstatus: {rnd.choice(['open', 'bedreigd', 'gesloten', 'tijdelijk'])}\n"
                f"adres: Straat {p}, Stad\n{located}{hours}---\nEen plek.\n")
        (root / f"wijken/wijk-{w}/plekken/plek-{p}.md").write_text(text, encoding="utf-8")
    for a in range(activities):
        w = a % wijken
        place = rnd.randrange(places)
        place = place - place % wijken + w if place - place % wijken + w < places else w
        start = TODAY + dt.timedelta(days=rnd.randint(-900, 120))
        repeat = rnd.choice(REPEATS)
        extra = f"herhaling: {repeat}\nherhaling_tot: {start + dt.timedelta(days=rnd.randint(30, 900))}\n" if repeat else ""
        status = "status: afgelast\n" if a % 17 == 0 else ""
        text = (f"---\ntitel: Activiteit {a}\nstart: {start} {rnd.randint(8, 20):02d}:30\n{extra}{status}"
                f"plek: plek-{place}\n---\nIets te doen.\n")
        (root / f"wijken/wijk-{w}/activiteiten/activiteit-{a}.md").write_text(text, encoding="utf-8")


def build_all(root: Path, without: tuple[tuple[set[str], set[str]], ...] = ()) -> float:
    """CPU seconds for the core build and every page and file it makes (rendered, data read),
    leaving out the emitters and section providers named in ``without``."""
    skip_emitters = {name for emitters, _ in without for name in emitters}
    skip_providers = {name for _, providers in without for name in providers}
    emitters = [e for e in features.EMITTERS if e.name not in skip_emitters]
    providers = [p for p in features.PROVIDERS if getattr(p, "__name__", "") not in skip_providers]
    start = time.process_time()
    options = BuildOptions(root=root, today=TODAY, history=False, site_url="https://buurt.example/")
    site = load_checked_site(root, registry=options.registry)
    build = Build(options=options, site=site, today=TODAY, section_providers=providers)
    build.graph = index_graph(build)
    emit_all(build, emitters)
    for page in build.outputs.pages.values():
        page.render(RenderContext(build, page.url))
    for item in build.outputs.files.values():
        if not item.path.startswith("assets/"):
            item.data()
    return time.process_time() - start


def _spread(values) -> str:
    ordered = sorted(values)
    return f"{ordered[0]:.2f}–{ordered[-1]:.2f}"


def mkdocs_build(root: Path) -> float:
    (root / "mkdocs.yml").write_text(
        "site_name: Bench\ndocs_dir: content\nsite_url: https://buurt.example/\ntheme:\n  name: material\n  language: nl\n"
        "  font: false\nplugins:\n  - buurtwiki:\n      history: false\n      workers: 0\n", encoding="utf-8")
    env = {**os.environ, "BUURTWIKI_TODAY": TODAY.isoformat(), "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "-q", "-d", str(root / "site")], cwd=root, env=env, check=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--wijken", type=int, default=50)
    parser.add_argument("--places", type=int, default=5000)
    parser.add_argument("--activities", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--mkdocs", action="store_true")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="where-bench-"))
    try:
        write_site(root, args.wijken, args.places, args.activities)
        build_all(root)  # warm up imports and caches of the interpreter
        runs: list[tuple[float, float, float]] = []
        for i in range(args.repeat):  # interleaved, rotating the order, so that a change in machine load hits all three alike
            order = [(i + k) % 3 for k in range(3)]
            times = {k: build_all(root, WITHOUT[k]) for k in order}
            runs.append((times[0], times[1], times[2]))
        base, maps, full = (statistics.median(r[i] for r in runs) for i in range(3))
        # Each run's own share (paired: the three builds of one run ran side by side), then their median and spread.
        share_maps = sorted(100 * (m - b) / b for b, m, _ in runs)
        share_upcoming = sorted(100 * (f - m) / b for b, m, f in runs)
        print(f"{args.places} plekken + {args.activities} activiteiten in {args.wijken} wijken "
              f"(mediaan van {args.repeat}, CPU-seconden, load {os.getloadavg()[0]:.2f})")
        print(f"  core-build, alle pagina's en bestanden, zonder deze functies: {base:6.2f} s ({_spread(r[0] for r in runs)})")
        print(f"  + kaartgegevens en agenda's (GeoJSON, .ics, kaarten):        {maps:6.2f} s ({_spread(r[1] for r in runs)})")
        print(f"  + Binnenkort en openingstijden:                               {full:6.2f} s ({_spread(r[2] for r in runs)})")
        print(f"  kaartgegevens en agenda's erbij: mediaan {statistics.median(share_maps):.1f}% "
              f"(per ronde {share_maps[0]:.1f}% – {share_maps[-1]:.1f}%)")
        print(f"  Binnenkort en openingstijden erbij: mediaan {statistics.median(share_upcoming):.1f}% "
              f"(per ronde {share_upcoming[0]:.1f}% – {share_upcoming[-1]:.1f}%)")
        if args.mkdocs:
            total = mkdocs_build(root)
            print(f"  hele mkdocs build (alles aan, zonder geschiedenis): {total:6.2f} s")
            print(f"    kaartgegevens en agenda's: {100 * (maps - base) / total:.1f}% daarvan; "
                  f"Binnenkort en openingstijden: {100 * (full - maps) / total:.1f}%")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
