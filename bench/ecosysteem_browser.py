"""Check the ecosystem page in real headless Chromium, with and without JavaScript.

Usage (after ``mkdocs build``)::

    .venv/bin/python bench/ecosysteem_browser.py [--site site] [--wijk oostelijk-havengebied] [--out /tmp/ecosysteem]

Serves the built site on 127.0.0.1, opens ``/wijken/<wijk>/ecosysteem/`` and writes screenshots:
``js.png`` (desktop), ``js-focus.png`` (focus on one page, 2 steps), ``js-mobiel.png`` (phone),
``zonder-js.png`` (JavaScript off) and ``losse-eindjes.png``. Every request that leaves
127.0.0.1 is blocked and reported. Exits non-zero when a check fails. Needs Python playwright
and /usr/bin/chromium (``apt-get install chromium``; no ``playwright install``).
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
AXE = Path(__file__).resolve().parents[1] / ".cache/npm/node_modules/axe-core/axe.min.js"
AXE_TAGS = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']"
STATIC_HEADER = ".md-header { position: static !important; }"  # for element screenshots only
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a browser that navigates away breaks its pipes; not a failure of the site


def serve(folder: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(Quiet, directory=str(folder))
    server = Server(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def run(site: Path, wijk: str, out: Path) -> list[str]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    server, base = serve(site)
    failures: list[str] = []
    outside: list[str] = []
    errors: list[str] = []
    sitemap: list[str] = []

    def guard(route):
        url = route.request.url
        if url.startswith(base):
            route.continue_()
        else:
            outside.append(url)
            route.abort()

    def guard_static_header(route):
        """Without JavaScript no style can be injected: add it to the stylesheet on the way in."""
        if route.request.url.endswith("/assets/buurtwiki/buurtwiki.css"):
            response = route.fetch()
            route.fulfill(response=response, body=response.text() + "\n" + STATIC_HEADER)
        else:
            guard(route)

    def check(ok: bool, what: str) -> None:
        print(("ok   " if ok else "FOUT ") + what)
        if not ok:
            failures.append(what)

    url = f"{base}wijken/{wijk}/ecosysteem/"
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)

            # 1. With JavaScript, desktop.
            context = browser.new_context(viewport={"width": 1280, "height": 900})
            context.route("**/*", guard)
            page = context.new_page()
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.on("console", lambda m: errors.append(m.text) if m.type == "error" and "Failed to load resource" not in m.text else None)
            # (Material fetches <dir>/sitemap.xml for every <link rel="alternate">, such as the Atom
            # feeds; those 404s are not this page's and are reported separately.)
            page.on("response", lambda r: (errors if not r.url.endswith("/sitemap.xml") else sitemap).append(f"{r.status} {r.url}")
                    if r.status >= 400 else None)
            page.on("requestfailed", lambda r: errors.append(f"{r.url}: {r.failure}") if r.url.startswith(base) and "ERR_ABORTED" not in (r.failure or "") else None)
            page.goto(url, wait_until="networkidle")
            page.wait_for_function("() => document.querySelector('.bw-eco-graph') && document.querySelector('.bw-eco-graph').bwGraph", timeout=15000)
            page.add_style_tag(content=STATIC_HEADER)
            check(page.is_visible(".bw-eco-graph"), "met JavaScript is de tekening zichtbaar")
            nodes = page.evaluate("() => document.querySelector('.bw-eco-graph').bwGraph.nodes().length")
            expected = page.locator(".bw-eco-links tbody tr, #buiten-de-wijk tbody tr").count()
            options = page.locator('#bw-eco-focus option:not([value=""])').count()
            check(nodes == expected == options and nodes > 0, f"de tekening en de focuslijst hebben alle {expected} pagina's uit de tabellen ({nodes}, {options})")
            status = page.inner_text(".bw-eco-status")
            check("verbinding" in status, f"statusregel: {status!r}")
            page.locator(".bw-eco-graph").screenshot(path=str(out / "js.png"))
            page.screenshot(path=str(out / "js-pagina.png"), full_page=False)

            # Filter by type: uncheck the first type, fewer nodes are visible.
            first_type = page.locator('.bw-eco-types input[name="type"]').first
            before = page.evaluate("() => document.querySelector('.bw-eco-graph').bwGraph.nodes().not('.verborgen').length")
            first_type.uncheck()
            page.wait_for_timeout(100)
            after = page.evaluate("() => document.querySelector('.bw-eco-graph').bwGraph.nodes().not('.verborgen').length")
            check(after < before, f"filter op type verbergt pagina's ({before} -> {after})")
            first_type.check()

            # Focus on the first initiative (or any page) and widen by 1 and 2 steps.
            option = page.locator('#bw-eco-focus optgroup[label="Initiatieven"] option').first
            if option.count() == 0:
                option = page.locator('#bw-eco-focus option[value]:not([value=""])').first
            key = option.get_attribute("value")
            page.select_option("#bw-eco-focus", key)
            one = page.evaluate("() => document.querySelector('.bw-eco-graph').bwGraph.nodes().not('.verborgen').length")
            page.check('input[name="stappen"][value="2"]')
            two = page.evaluate("() => document.querySelector('.bw-eco-graph').bwGraph.nodes().not('.verborgen').length")
            check(1 < one <= two < nodes + 1, f"focus op {key}: 1 stap {one}, 2 stappen {two} van {nodes}")
            check("Focus op" in page.inner_text(".bw-eco-status"), "statusregel noemt de focus")
            page.locator(".bw-eco-graph").screenshot(path=str(out / "js-focus.png"))

            # Keyboard: Escape clears the focus, arrows walk, Enter opens a page.
            page.focus(".bw-eco-canvas")
            page.keyboard.press("Escape")
            check(page.input_value("#bw-eco-focus") == "", "Escape haalt de focus weg")
            page.keyboard.press("ArrowRight")
            spoken = page.inner_text(".bw-eco-status")
            check("Enter opent de pagina" in spoken, f"pijltje kiest een pagina: {spoken!r}")
            with page.expect_navigation():
                page.keyboard.press("Enter")
            check(page.url != url and page.url.startswith(base), f"Enter opent {page.url}")

            # Click opens a page.
            page.goto(url, wait_until="networkidle")
            page.wait_for_function("() => document.querySelector('.bw-eco-graph').bwGraph", timeout=15000)
            target = page.evaluate("""() => {
                const cy = document.querySelector('.bw-eco-graph').bwGraph;
                const canvas = document.querySelector('.bw-eco-canvas');
                canvas.scrollIntoView({block: 'center'});
                const n = cy.nodes('[?inner]').filter(n => n.data('type') !== 'wijk')[0];
                const box = canvas.getBoundingClientRect();
                const p = n.renderedPosition();
                return {x: box.left + p.x, y: box.top + p.y, url: n.data('url')};
            }""")
            page.mouse.move(target["x"], target["y"])  # a real pointer moves before it clicks
            with page.expect_navigation():
                page.mouse.click(target["x"], target["y"])
            check(page.url.endswith(target["url"]), f"klik opent {target['url']} ({page.url})")

            # axe-core (WCAG 2.1 AA), when it is installed (.ci/run installs it), with the graph shown.
            if AXE.is_file():
                for path in (url, f"{base}losse-eindjes/", f"{base}wijken/{wijk}/"):
                    page.goto(path, wait_until="networkidle")
                    page.add_script_tag(path=str(AXE))
                    result = page.evaluate(f"async () => await axe.run(document, {{runOnly: {{type: 'tag', values: {AXE_TAGS}}}}})")
                    found = [f"{v['id']}: {v['help']} ({len(v['nodes'])}x, bv. {v['nodes'][0]['target']})" for v in result["violations"]]
                    check(not found, f"axe WCAG 2.1 AA op {path[len(base) - 1:]}" + (f": {found}" if found else ""))
            else:
                print(f"(axe-core ontbreekt in {AXE}; toegankelijkheidscontrole overgeslagen)")
            context.close()

            # 2. Phone.
            context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True, has_touch=True)
            context.route("**/*", guard)
            page = context.new_page()
            page.goto(url, wait_until="networkidle")
            page.wait_for_function("() => document.querySelector('.bw-eco-graph').bwGraph", timeout=15000)
            page.screenshot(path=str(out / "js-mobiel-boven.png"))
            page.add_style_tag(content=STATIC_HEADER)
            page.locator(".bw-eco-graph").screenshot(path=str(out / "js-mobiel.png"))
            page.locator("#alle-verbindingen").screenshot(path=str(out / "lijst-mobiel.png"))
            context.close()

            # 3. Without JavaScript: the lists are the page, the figure stays hidden.
            context = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
            context.route("**/*", guard_static_header)
            page = context.new_page()
            page.goto(url, wait_until="load")
            check(not page.is_visible(".bw-eco-graph"), "zonder JavaScript is de (lege) tekening verborgen")
            rows = page.locator(".bw-eco-table tbody tr").count()
            check(rows > 0, f"zonder JavaScript staan er {rows} rijen in de tabellen")
            check(page.locator("#losse-eindjes").is_visible(), "losse eindjes staan op de pagina")
            page.screenshot(path=str(out / "zonder-js.png"))
            page.screenshot(path=str(out / "zonder-js-heel.png"), full_page=True)
            page.locator("#losse-eindjes").screenshot(path=str(out / "zonder-js-losse-eindjes.png"))
            page.locator(".bw-eco-type-section").first.screenshot(path=str(out / "zonder-js-tabel.png"))
            page.goto(f"{base}losse-eindjes/", wait_until="load")
            page.screenshot(path=str(out / "losse-eindjes.png"), full_page=True)
            entity = page.locator(".bw-loose-list a").first.get_attribute("href")
            page.goto(f"{base}losse-eindjes/{entity}", wait_until="load")
            check(page.locator("#verbonden-met").count() == 1 and page.locator("#wat-linkt-hierheen").count() == 1,
                  f"entiteitpagina {page.url} heeft Verbonden met en Wat linkt hierheen")
            page.locator("#verbonden-met").screenshot(path=str(out / "pagina-verbonden-met.png"))
            page.locator("#wat-linkt-hierheen").screenshot(path=str(out / "pagina-wat-linkt-hierheen.png"))
            context.close()
            browser.close()
    finally:
        server.shutdown()
    check(not errors, "geen JavaScript-fouten" + (f": {errors}" if errors else ""))
    if outside:
        print("Verzoeken buiten de site (geblokkeerd):")
        for item in sorted(set(outside)):
            print("   ", item)
    if sitemap:
        print("Let op, niet van deze pagina: Material vraagt sitemap.xml op naast elke <link rel=alternate>:")
        for item in sorted(set(sitemap)):
            print("   ", item)
    own = [u for u in outside if "cytoscape" in u or "ecosysteem" in u]
    check(not own, "de ecosysteempagina zelf doet geen verzoeken buiten de site")
    return failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"))
    parser.add_argument("--wijk", default="oostelijk-havengebied")
    parser.add_argument("--out", type=Path, default=Path("/tmp/ecosysteem"))
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} ontbreekt: apt-get install chromium")
        return 2
    failures = run(args.site, args.wijk, args.out)
    print(f"Schermafdrukken in {args.out}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
