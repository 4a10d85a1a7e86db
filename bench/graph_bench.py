"""Benchmark of the ecosystem graph on a synthetic site of 10,000 entities (and smaller ones).

Usage::

    .venv/bin/python bench/graph_bench.py [--entities 10000] [--wijken 50] [--keep DIR]

Writes valid content (format v1) to a temporary folder: per wijk an index, initiatives, places,
activities, roles, one agenda with items; site-wide organisations (working in 1-3 wijken) and
funds. Initiatives refer to places, supporters, funds, agenda items and related initiatives (a few
in other wijken) and name a few pages in their body with [[wikilinks]].

Reports, for 1/10, 1/2 and all of the entities: load time, graph build time (and per entity +
link, to show it is linear), per-wijk JSON size (max and median, raw and gzipped), the site JSON,
and the time to render an entity page and an ecosystem page (the core renderer, no MkDocs).
"""

from __future__ import annotations

import argparse
import gzip
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "plugins"))

import datetime as dt  # noqa: E402

from buurtwiki.build import Build, BuildOptions, Caches  # noqa: E402
from buurtwiki.content.loader import load_site  # noqa: E402
from buurtwiki.graph import build_graph  # noqa: E402
from buurtwiki.graph.emit import render_ecosystem, to_json  # noqa: E402
from buurtwiki.graph.views import loose_ends  # noqa: E402
from buurtwiki.outputs.entity_pages import render_entity  # noqa: E402
from buurtwiki.outputs.render import RenderContext  # noqa: E402

WORDS = ("buurt", "tuin", "eetgroep", "repair", "koor", "moestuin", "taal", "sport", "zon", "groen",
         "huis", "kamer", "plein", "fiets", "koken", "lezen", "spelen", "muziek", "wandel", "klus")


def title(rng: random.Random, kind: str, i: int) -> str:
    return f"{kind.capitalize()} {rng.choice(WORDS)} {rng.choice(WORDS)} {i}"


def generate(root: Path, entities: int, wijken: int, seed: int = 7) -> dict[str, int]:
    """Write a site of about ``entities`` entities; returns the count per type."""
    rng = random.Random(seed)
    organisations = max(10, entities // 40)
    funds = max(3, entities // 250)
    per_wijk = (entities - organisations - funds) // wijken  # including the wijk itself
    # shares of a wijk's pages
    n_init = int(per_wijk * 0.40)
    n_plek = int(per_wijk * 0.20)
    n_act = int(per_wijk * 0.20)
    n_rol = max(1, int(per_wijk * 0.03))
    n_item = per_wijk - 1 - n_init - n_plek - n_act - n_rol - 1
    counts = {"wijk": wijken, "organisatie": organisations, "fonds": funds, "initiatief": 0, "plek": 0,
              "activiteit": 0, "rol": 0, "toekomstagenda": 0, "agendapunt": 0}

    def write(rel: str, text: str) -> None:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")

    write("content/index.md", "# Synthetische buurtwiki\n")
    wijk_slugs = [f"wijk-{w}" for w in range(wijken)]
    orgs = [f"organisatie-{i}" for i in range(organisations)]
    for i, slug in enumerate(orgs):
        area = ", ".join(rng.sample(wijk_slugs, k=min(len(wijk_slugs), rng.choice((1, 1, 2, 3)))))
        write(f"content/organisaties/{slug}.md",
              f"---\ntitel: {title(rng, 'organisatie', i)}\nsoort: welzijnsorganisatie\nwerkgebied: [{area}]\n---\n")
    fund_slugs = [f"fonds-{i}" for i in range(funds)]
    for i, slug in enumerate(fund_slugs):
        write(f"content/fondsen/{slug}.md", f"---\ntitel: {title(rng, 'fonds', i)}\nverstrekker: {rng.choice(orgs)}\n---\n")

    for w, wijk in enumerate(wijk_slugs):
        base = f"wijken/{wijk}"
        inits = [f"initiatief-{w}-{i}" for i in range(n_init)]
        places = [f"plek-{w}-{i}" for i in range(n_plek)]
        acts = [f"activiteit-{w}-{i}" for i in range(n_act)]
        roles = [f"rol-{w}-{i}" for i in range(n_rol)]
        items = [f"punt-{w}-{i}" for i in range(n_item)]
        write(f"{base}/index.md", f"---\ntitel: Wijk {w}\n---\nDe wijk. Zie [[{inits[0]}]] en [[{places[0]}]].\n")
        write(f"{base}/toekomstagenda/agenda-{w}/index.md", f"---\ntitel: Agenda {w}\nvastgesteld: 2025-04-13\n---\n")
        for i, slug in enumerate(items):
            trekker = f"trekkers: [{rng.choice(inits)}]\n" if rng.random() < 0.6 else ""
            rows = "".join(
                f"  - organisatie: {org}\n    verzonden: 2025-05-01\n" + (f"    reactie: {rng.choice(('geen', 'gesprek'))}\n" if rng.random() < 0.5 else "")
                for org in rng.sample(orgs, k=rng.choice((0, 1, 2)))
            )
            write(f"{base}/toekomstagenda/agenda-{w}/{slug}.md",
                  f"---\ntitel: {title(rng, 'punt', i)}\nstatus: voorgesteld\n{trekker}"
                  + (f"gericht_aan:\n{rows}" if rows else "") + "---\n")
        for i, slug in enumerate(places):
            write(f"{base}/plekken/{slug}.md",
                  f"---\ntitel: {title(rng, 'plek', i)}\nstatus: open\neigenaar: {rng.choice(orgs)}\n"
                  f"bevestigd: 202{rng.choice((4, 5, 6))}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---\n")
        for i, slug in enumerate(inits):
            related = rng.choice(inits) if rng.random() < 0.9 else f"initiatief-{rng.randrange(wijken)}-{rng.randrange(n_init)}"
            if related == slug:
                related = inits[(i + 1) % len(inits)]
            body_links = " ".join(f"[[{t}]]" for t in rng.sample(places + acts + inits, k=3) if t != slug)
            write(f"{base}/initiatieven/{slug}.md",
                  f"---\ntitel: {title(rng, 'initiatief', i)}\nstatus: {rng.choice(('actief', 'actief', 'slapend', 'in-opbouw'))}\n"
                  f"plekken: [{', '.join(rng.sample(places, k=rng.choice((0, 1, 1, 2))))}]\n"
                  f"ondersteund_door: [{', '.join(rng.sample(orgs, k=rng.choice((0, 1, 2))) + rng.sample(roles, k=rng.choice((0, 1))))}]\n"
                  f"gefinancierd_door: [{rng.choice(fund_slugs)}]\n"
                  f"draagt_bij_aan: [{rng.choice(items)}]\nverwant_aan: [{related}]\n"
                  f"zoekt: [{rng.choice(('trekker', 'vrijwilligers', 'geld'))}]\n"
                  f"bevestigd: 202{rng.choice((4, 5, 6))}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}\n---\n"
                  f"Wij werken samen met {body_links}.\n")
        for i, slug in enumerate(acts):
            write(f"{base}/activiteiten/{slug}.md",
                  f"---\ntitel: {title(rng, 'activiteit', i)}\nstart: 2026-12-0{rng.randint(1, 9)} 19:30\n"
                  f"plek: {rng.choice(places)}\norganisator: [{rng.choice(inits)}]\n---\n")
        for i, slug in enumerate(roles):
            write(f"{base}/rollen/{slug}.md",
                  f"---\ntitel: {title(rng, 'rol', i)}\nsoort: opbouwwerker\nbezetting:\n"
                  f"  - organisatie: {rng.choice(orgs)}\n    van: 2024-01-01\n---\n")
        counts["initiatief"] += n_init
        counts["plek"] += n_plek
        counts["activiteit"] += n_act
        counts["rol"] += n_rol
        counts["toekomstagenda"] += 1
        counts["agendapunt"] += n_item
    return counts


def measure(root: Path) -> dict:
    t0 = time.perf_counter()
    site = load_site(root)
    t1 = time.perf_counter()
    # best of three: the first runs also pay for Python's garbage collector walking the new objects
    runs = []
    for _ in range(3):
        start = time.perf_counter()
        graph = build_graph(site)
        runs.append(time.perf_counter() - start)
    t2 = time.perf_counter()
    t1 = t2 - min(runs)
    links = sum(len(e.links) for e in site.entities) + sum(1 for e in site.entities for _ in e.refs())
    build = Build(options=BuildOptions(root=root, history=False), site=site, today=dt.date(2026, 11, 21), graph=graph)
    sizes, zipped = [], []
    for wijk in graph.wijken:
        data = to_json(graph.for_wijk(wijk).as_json()).encode()
        sizes.append(len(data))
        zipped.append(len(gzip.compress(data, 9)))
    t3 = time.perf_counter()
    everything = to_json(graph.as_json()).encode()
    t4 = time.perf_counter()
    loose_runs = []
    for _ in range(3):
        build.caches = Caches()
        start = time.perf_counter()
        for wijk in graph.wijken:
            loose_ends(build, wijk)
        loose_ends(build)
        loose_runs.append(time.perf_counter() - start)
    t5 = t4 + min(loose_runs)
    # render: every entity page of one wijk, and the ecosystem pages of 5 wijken
    sample = [e for e in site.entities if e.wijk == graph.wijken[0]]
    for entity in sample[:20]:  # warm up Jinja's template cache
        render_entity(RenderContext(build, entity.url), entity)
    t6 = time.perf_counter()
    for entity in sample:
        render_entity(RenderContext(build, entity.url), entity)
    t7 = time.perf_counter()
    wijk_entities = [site.get(f"wijk:{w}") for w in graph.wijken[:5]]
    render_ecosystem(RenderContext(build, f"wijken/{wijk_entities[0].slug}/ecosysteem/"), wijk_entities[0])
    t7b = time.perf_counter()
    for wijk in wijk_entities:
        render_ecosystem(RenderContext(build, f"wijken/{wijk.slug}/ecosysteem/"), wijk)
    t8 = time.perf_counter()
    eco_html = len(render_ecosystem(RenderContext(build, f"wijken/{wijk_entities[0].slug}/ecosysteem/"), wijk_entities[0]).encode())
    return {
        "entities": len(site.entities),
        "refs+links": links,
        "nodes": len(graph.nodes),
        "edges": len(graph.edges),
        "errors": len(site.problems.errors),
        "load_s": t1 - t0,
        "graph_s": t2 - t1,
        "graph_us_per_item": (t2 - t1) / (len(site.entities) + links) * 1e6,
        "wijk_json_max": max(sizes),
        "wijk_json_median": statistics.median(sizes),
        "wijk_json_gz_max": max(zipped),
        "wijk_json_gz_median": statistics.median(zipped),
        "wijk_json_all_s": t3 - t2,
        "site_json": len(everything),
        "site_json_gz": len(gzip.compress(everything, 9)),
        "site_json_s": t4 - t3,
        "loose_ends_s": t5 - t4,
        "entity_page_ms": (t7 - t6) / len(sample) * 1e3,
        "ecosystem_page_ms": (t8 - t7b) / len(wijk_entities) * 1e3,
        "ecosystem_page_html": eco_html,
        "wijk_nodes_max": max(len(graph.for_wijk(w).nodes) for w in graph.wijken),
        "wijk_edges_max": max(len(graph.for_wijk(w).edges) for w in graph.wijken),
    }


def kb(n: float) -> str:
    return f"{n / 1024:.1f} kB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entities", type=int, default=10_000)
    parser.add_argument("--wijken", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="write the largest site here and keep it")
    args = parser.parse_args(argv)
    rows = []
    for fraction in (10, 2, 1):
        entities = args.entities // fraction
        wijken = max(2, args.wijken // fraction)
        folder = Path(tempfile.mkdtemp(prefix="buurtwiki-graph-"))
        try:
            t0 = time.perf_counter()
            counts = generate(folder, entities, wijken)
            written = time.perf_counter() - t0
            result = measure(folder)
            result["wijken"] = wijken
            result["write_s"] = written
            rows.append(result)
            print(f"\n{result['entities']} entiteiten in {wijken} wijken ({counts}); geschreven in {written:.1f} s")
            print(f"  fouten in de inhoud: {result['errors']}")
            print(f"  laden: {result['load_s']:.2f} s; graaf: {result['graph_s'] * 1000:.0f} ms voor "
                  f"{result['entities']} entiteiten + {result['refs+links']} verwijzingen/links "
                  f"({result['graph_us_per_item']:.1f} µs per stuk); {result['nodes']} knopen, {result['edges']} lijnen")
            print(f"  per wijk: max {result['wijk_nodes_max']} knopen, {result['wijk_edges_max']} lijnen; JSON max "
                  f"{kb(result['wijk_json_max'])} ({kb(result['wijk_json_gz_max'])} gzip), mediaan "
                  f"{kb(result['wijk_json_median'])} ({kb(result['wijk_json_gz_median'])} gzip)")
            print(f"  /data/ecosysteem.json: {kb(result['site_json'])} ({kb(result['site_json_gz'])} gzip), "
                  f"{result['site_json_s'] * 1000:.0f} ms; alle wijkbestanden: {result['wijk_json_all_s'] * 1000:.0f} ms")
            print(f"  losse eindjes (alle wijken + site): {result['loose_ends_s'] * 1000:.0f} ms")
            print(f"  entiteitpagina renderen: {result['entity_page_ms']:.2f} ms per pagina; ecosysteempagina: "
                  f"{result['ecosystem_page_ms']:.0f} ms per wijk ({kb(result['ecosystem_page_html'])} HTML)")
            if args.keep and fraction == 1:
                if args.keep.exists():
                    shutil.rmtree(args.keep)
                shutil.copytree(folder, args.keep)
                print(f"  bewaard in {args.keep}")
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    first, last = rows[0], rows[-1]
    print(f"\nGraaf: {first['graph_us_per_item']:.1f} µs per entiteit+link bij {first['entities']}, "
          f"{last['graph_us_per_item']:.1f} µs bij {last['entities']} (lineair als die gelijk blijven).")
    print(f"Entiteitpagina: {first['entity_page_ms']:.2f} ms bij {first['entities']}, {last['entity_page_ms']:.2f} ms bij {last['entities']}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
