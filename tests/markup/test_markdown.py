"""Bodies: wikilinks, links to files and images, sanitising."""

from __future__ import annotations

from buurtwiki.build import BuildOptions, run
from buurtwiki.markup.markdown import find_links, parse, sanitise
from buurtwiki.outputs.render import RenderContext

from ..conftest import TODAY


def test_wikilinks_found_with_lines_but_not_in_code():
    body = "Een [[a]] en [[type:b|tekst]].\n\n`[[c]]`\n\n    [[d]]\n\n[e](../e.md) [f](https://x.nl/f.md)\n"
    links = find_links(parse(body), first_line=10)
    assert [(lnk.target, lnk.text, lnk.line, lnk.wikilink) for lnk in links] == [
        ("a", "", 10, True), ("type:b", "tekst", 10, True), ("../e.md", "e", 16, False),
    ]


def test_sanitise_removes_scripts_handlers_and_javascript_links():
    html = sanitise('<p onclick="x()">a<script>alert(1)</script><a href="javascript:alert(2)">b</a></p>')
    assert "script" not in html and "onclick" not in html and "javascript" not in html


def test_images_and_files_next_to_a_page_keep_working(site_dir):
    root = site_dir({
        "wijken/test-wijk/plekken/p.md": "---\ntitel: P\nstatus: open\n---\n![De plek](foto.jpg) [plan](../plan.pdf) [[test-wijk]] [overzicht](./)\n",
        "wijken/test-wijk/plekken/foto.jpg": "jpg",
    })
    build = run(BuildOptions(root=root, today=TODAY, history=False))
    page = build.outputs.pages["wijken/test-wijk/plekken/p.md"]
    html = page.render(RenderContext(build, page.url))
    assert 'src="../foto.jpg"' in html and 'href="../../plan.pdf"' in html
    assert 'href="../../">Testwijk</a>' in html
    assert 'href="../" rel="noopener noreferrer">overzicht</a>' in html  # a folder URL keeps its slash
    assert "wijken/test-wijk/plekken/foto.jpg" in build.outputs.files


def test_a_link_to_a_markdown_file_that_is_no_page_is_text_until_the_page_exists():
    """It stayed a link to ``speeltuin.md``, which the site does not have; the parsed tokens are
    kept between renders (serve), so once the page exists the same tokens give the link."""
    from buurtwiki.markup.markdown import render

    tokens = parse("Zie [de speeltuin](../plekken/speeltuin.md) en [de kaart](https://example.org/).\n")
    pages: dict[str, str] = {}

    def html() -> str:
        return render(tokens, lambda target, text: text, lambda href: pages.get(href))

    broken = html()
    assert '<span class="bw-broken-link" title="Deze pagina bestaat niet">de speeltuin</span>' in broken
    assert "speeltuin.md" not in broken and '<a href="https://example.org/"' in broken
    pages["../plekken/speeltuin.md"] = "../../plekken/speeltuin/"
    assert '<a href="../../plekken/speeltuin/" rel="noopener noreferrer">de speeltuin</a>' in html()
    pages.clear()
    assert "bw-broken-link" in html()


def test_an_image_of_a_markdown_file_leaves_the_markup_after_it_alone():
    """The broken-link rule is for links: on an image it made an unclosed span that swallowed the next link."""
    from buurtwiki.markup.markdown import render

    tokens = parse("![foto](plaatje.md) en [website](https://example.org/) tekst erna\n")
    for _ in range(2):  # the tokens are kept between renders
        html = render(tokens, lambda target, text: text, lambda href: None)
        assert '<img src="plaatje.md" alt="foto">' in html
        assert '<a href="https://example.org/" rel="noopener noreferrer">website</a> tekst erna</p>' in html
        assert "bw-broken-link" not in html
