"""Big pages cost time in proportion to their size: no quadratic step, and a cap on file size."""

from __future__ import annotations

import time  # process_time: CPU time of this process, so other jobs on the machine do not count

from buurtwiki.content.loader import load_site
from buurtwiki.content.source import MAX_FILE_BYTES
from buurtwiki.markup.anchors import UniqueSlugs
from buurtwiki.markup.markdown import find_links, parse

from ..helpers import build, render


def wikilink_page(lines: int) -> str:
    return "".join(f"Regel {i} met [[wijk-{i % 7}]] erin\n" for i in range(lines))


def best_of(runs: int, fn, *args) -> float:
    times = []
    for _ in range(runs):
        start = time.process_time()
        fn(*args)
        times.append(time.process_time() - start)
    return min(times)


def test_wikilink_lines_are_right_and_cost_grows_linearly():
    links = find_links(parse(wikilink_page(3000)), first_line=5)
    assert [link.line for link in links[:3]] == [5, 6, 7] and links[-1].line == 3004
    small = best_of(3, parse, wikilink_page(5_000))
    large = best_of(3, parse, wikilink_page(20_000))
    # 4x the links: linear is 4x, counting lines from the start each time was 16x; 8x leaves room
    # for a busy machine.
    assert large < 8 * small + 0.1, (small, large)


def test_a_page_of_one_megabyte_of_wikilinks_parses_quickly():
    body = wikilink_page(38_000)
    assert len(body) > 1_200_000
    start = time.process_time()
    links = find_links(parse(body), first_line=4)
    assert time.process_time() - start < 10  # counting lines from the start each time: 30 s
    assert links[-1].line == 3 + 38_000


def test_the_largest_allowed_page_of_wikilinks_builds_quickly(site_dir):
    body = wikilink_page(MAX_FILE_BYTES // 32)
    root = site_dir({"content/groot.md": f"---\ntitel: Groot\n---\n{body}"})
    start = time.process_time()
    site = load_site(root)
    assert time.process_time() - start < 10
    assert not [p for p in site.problems.items if "kB groot" in p.message]
    page = next(p for p in site.pages if p.path == "content/groot.md")
    assert len(page.links) == MAX_FILE_BYTES // 32


def test_identical_headings_get_unique_ids_in_linear_time():
    tokens = parse("## Kop 1\n\n" + "## Kop\n\n" * 4 + "## kop-3\n\n")
    ids = [t.attrGet("id") for t in tokens if t.type == "heading_open"]
    assert ids == ["kop-1", "kop", "kop-2", "kop-3", "kop-4", "kop-3-1"]
    slugs = UniqueSlugs()
    start = time.process_time()
    made = [slugs.add("kop") for _ in range(40_000)]
    assert time.process_time() - start < 1  # trying every number from 1 took minutes
    assert len(set(made)) == 40_000 and made[-1] == "kop-39999"


def test_forty_thousand_headings_parse_quickly():
    start = time.process_time()
    tokens = parse("## Kop\n\n" * 40_000)
    assert time.process_time() - start < 15
    assert tokens[-3].attrGet("id") == "kop-39999"


def test_a_markdown_file_over_the_cap_is_reported_and_not_rendered(tmp_path):
    from ..conftest import write_site

    big = "Heel veel tekst. " * (MAX_FILE_BYTES // 17 + 10)
    root = write_site(tmp_path, {
        "content/groot.md": f"---\ntitel: Groot\n---\n{big}",
        "wijken/test-wijk/initiatieven/e.md": f"---\ntitel: E\nstatus: actief\n---\n{big}",
    })
    b = build(root)
    found = [str(p) for p in b.problems.sorted() if "kB groot" in p.message]
    assert len(found) == 2 and all(":1: fout: het bestand is 512 kB groot; maximaal 512 kB is toegestaan" in p for p in found), found
    assert "Heel veel tekst" not in render(b, "groot.md")
    assert "Heel veel tekst" not in render(b, "wijken/test-wijk/initiatieven/e.md")
    assert "<h1" in render(b, "wijken/test-wijk/initiatieven/e.md")


def test_html_nested_too_deep_is_not_rendered_and_nesting_that_is_allowed_renders_quickly(site_dir):
    """The sanitiser's time grows with the square of the nesting for some elements: 500 kB of
    ``<dl><dd>`` took 41 s for one page, under every other bound. Deeper than MAX_HTML_DEPTH is
    refused; the worst shapes up to that depth stay fast; HTML that closes its tags, or whose
    elements close each other (``<p>a<p>b``, list items), is not counted as deep."""
    deep = "<dl><dd>" * 60_000
    # a formatting element's end tag does not close the blocks opened inside it (36 s for one page)
    around = "<b><dl><dd></b>" * 33_000
    allowed = ("<table><b>" * 50 + "</b></table>" * 50 + "<dl><dd>" * 50 + "</dd></dl>" * 50) * 400
    flat = "<p>een" * 500 + "<ul>" + "<li>punt" * 500 + "</ul>" + "<div><span>x</span></div>" * 2000
    root = site_dir({
        "content/diep.md": f"---\ntitel: Diep\n---\n{deep}\n",
        "content/omweg.md": f"---\ntitel: Omweg\n---\n{around}\n",
        "content/mag.md": f"---\ntitel: Mag\n---\n{allowed[:500_000]}\n",
        "content/plat.md": f"---\ntitel: Plat\n---\n{flat}\n",
    })
    start = time.process_time()
    b = build(root)
    html = {name: render(b, f"{name}.md") for name in ("diep", "omweg", "mag", "plat")}
    assert time.process_time() - start < 10  # before the bound: 41 s for the first page alone
    [problem] = [p for p in b.problems.items if p.path == "content/diep.md"]
    assert problem.level == "fout" and "100 lagen diep" in problem.message
    assert "<dd>" not in html["diep"] and "<dd>" not in html["omweg"]
    assert [p.level for p in b.problems.items if p.path == "content/omweg.md"] == ["fout"]
    assert not [p for p in b.problems.items if p.path in ("content/mag.md", "content/plat.md")]
    assert html["plat"].count("<li>") == 500
