"""A fresh `buurtwiki init` site with hostile pages, built with `mkdocs build`: nothing a resident
writes in front matter, a file name or a broken file may reach Material's templates unescaped."""

from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from buurtwiki.scaffold.site import init_site

from ..conftest import TODAY, write_site
from .test_mkdocs_build import build

MARK = "bwx"  # every payload calls alert('bwx…'), so a surviving one is easy to find
PAYLOADS = [
    f"<script>alert('{MARK}1')</script>",
    f"\"><img src=x onerror=alert('{MARK}2')>",
    f"'><svg onload=alert('{MARK}3')>",
    f"javascript:alert('{MARK}4')",
    f"</title><script>alert('{MARK}5')</script>",
]
HOSTILE_NAME = 'a" onmouseover="alert(1) <b>?#x.md'


# Billion laughs: harmless as YAML nodes, 10**9 values for whoever expands it.
BOMB = "---\n" + "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 10)
) + "---\nBoem.\n"


def _front_matter(payload: str) -> str:
    quoted = payload.replace("\\", "\\\\").replace('"', '\\"')
    keys = ["subtitle", "status", "description", "author", "icon_text", "template_name"]
    lines = [f'title: "{quoted}"'] + [f'{key}: "{quoted}"' for key in keys]
    return "---\n" + "\n".join(lines) + "\n---\n"


def hostile_pages() -> dict[str, str]:
    pages = {f"content/aanval-{i}.md": _front_matter(p) + f"Tekst {p}\n" for i, p in enumerate(PAYLOADS)}
    pages.update({
        "content/weg.md": f"---\ntemplate: redirect.html\nlocation: \"javascript:alert('{MARK}6')\"\n---\nWeg.\n",
        "content/vissen.md": "---\ntemplate: redirect.html\nlocation: https://evil.example/inloggen\n---\nVis.\n",
        "content/ikoon.md": "---\nicon: ../../../../../etc/passwd\nhide: [navigation, \"<script>\"]\n---\nIkoon.\n",
        "content/organisaties/boze-club.md": (
            f"---\ntitel: Boze club\nsoort: anders\nsubtitle: \"<script>alert('{MARK}7')</script>\"\n"
            f"template: redirect.html\nlocation: https://evil.example/\n---\nClub.\n"
        ),
        # Buurtwiki cannot load this one (not a valid slug): it must not reach MkDocs raw.
        "content/organisaties/Kapot Bestand.md": f"---\ntitel: Kapot\n---\nHoi <script>alert('{MARK}8')</script>\n",
        "content/bom.md": BOMB,
        f"content/<svg onload=alert('{MARK}9')>/pagina.md": "Een map met een vijandige naam.\n",
        "content/" + HOSTILE_NAME: "---\ntitle: Naam\n---\nDe naam van dit bestand is vijandig.\n",
    })
    return pages


MKDOCS_EXTRA = """
repo_url: https://github.com/buurt/wiki
edit_uri: edit/main/content/
"""


def make_site(root: Path) -> Path:
    init_site(root, today=TODAY)
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8") + MKDOCS_EXTRA
    config.write_text(text.replace("    - navigation.top\n", "    - navigation.top\n    - content.action.edit\n"), encoding="utf-8")
    return write_site(root, hostile_pages(), base=None)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    root = make_site(tmp_path_factory.mktemp("hostile"))
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root, result


class _Finder(HTMLParser):
    """Collects what a browser would run: script text, event handlers, javascript: URLs, refreshes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self._in_script = tag == "script"
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name in ("href", "src", "action", "formaction") and re.match(r"\s*(javascript|data):", value, re.I):
                self.found.append(f"<{tag} {name}={value!r}>")
            if name == "http-equiv" and value.lower() == "refresh":
                self.found.append(f"<{tag} http-equiv=refresh>")
        if tag in ("img", "svg") and any(n == "src" and v == "x" for n, v in attrs):
            self.found.append(f"<{tag} src=x>")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script and MARK in data:
            self.found.append(f"<script>{data[:80]}")


def planted(html: str) -> list[str]:
    finder = _Finder()
    finder.feed(html)
    return finder.found + (["evil.example"] if "evil.example" in html else [])


def test_no_planted_script_survives_anywhere(built):
    root, _ = built
    pages = sorted((root / "site").rglob("*.html"))
    assert len(pages) > 10
    bad = {str(p.relative_to(root)): found for p in pages if (found := planted(p.read_text(encoding="utf-8")))}
    assert not bad


def test_finder_would_catch_the_payloads():
    for payload in PAYLOADS[:3] + [PAYLOADS[4]]:
        assert planted(f"<p>{payload}</p>"), payload
    assert planted(f'<a href="{PAYLOADS[3]}">x</a>')
    assert planted('<meta http-equiv="refresh" content="0;url=https://evil.example/">')


def test_allowed_keys_are_kept_and_escaped(built):
    root, _ = built
    html = (root / "site/aanval-0/index.html").read_text(encoding="utf-8")
    assert f"&lt;script&gt;alert(&#39;{MARK}1&#39;)&lt;/script&gt;" in html or f"&lt;script&gt;alert(&#x27;{MARK}1" in html
    meta = re.search(r'<meta name="description" content="([^"]*)">', html)
    assert meta and "&lt;script&gt;" in meta.group(1)
    assert '<meta name="author" content="&' not in html  # author is dropped, not printed


def test_redirect_template_is_ignored(built):
    root, _ = built
    for name in ("weg", "vissen"):
        html = (root / f"site/{name}/index.html").read_text(encoding="utf-8")
        assert "window.location.replace" not in html
        assert 'class="md-content"' in html, name  # an ordinary page, not a redirect


def test_every_dropped_key_is_reported_at_its_line(built):
    root, result = built
    assert "content/aanval-0.md:3: fout: " in result.stderr
    assert "'subtitle'" in result.stderr and "'template'" in result.stderr and "'location'" in result.stderr
    assert "content/weg.md:2: fout: " in result.stderr
    assert "Traceback" not in result.stderr
    strict = build(root, "--strict")
    assert strict.returncode != 0


def test_page_buurtwiki_cannot_load_becomes_an_error_page(built):
    root, _ = built
    html = (root / "site/organisaties/Kapot Bestand/index.html").read_text(encoding="utf-8")
    assert "Deze pagina kon niet worden gemaakt" in html
    assert "bestandsnaam" in html  # the problem itself, in Dutch
    assert "<script>alert" not in html


def test_edit_links_are_percent_encoded_for_every_page(built):
    root, _ = built
    hostile = next(p for p in (root / "site").iterdir() if p.name.startswith('a"'))
    html = (hostile / "index.html").read_text(encoding="utf-8")
    edit = re.findall(r'href="([^"]*/edit/[^"]*)"', html)
    assert edit == ["https://github.com/buurt/wiki/edit/main/content/a%22%20onmouseover%3D%22alert%281%29%20%3Cb%3E%3F%23x.md"]
    home = (root / "site/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/buurt/wiki/edit/main/content/index.md"' in home
    wijk = (root / "site/wijken/mijn-wijk/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/buurt/wiki/edit/main/wijken/mijn-wijk/index.md"' in wijk


def test_mkdocs_never_parses_resident_yaml(built):
    root, result = built  # the fixture's build finished: MkDocs did not expand the alias bomb
    html = (root / "site/bom/index.html").read_text(encoding="utf-8")
    assert "Boem." in html
    assert "lol" not in html


def test_mkdocs_is_never_handed_resident_front_matter(tmp_path, monkeypatch):
    """A real in-process `mkdocs build`, watching what MkDocs' own front matter parser is given."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.utils import meta

    root = make_site(tmp_path)
    seen: list[str] = []
    original = meta.get_data

    def spy(source: str):
        seen.append(source)
        return original(source)

    monkeypatch.setattr(meta, "get_data", spy)
    monkeypatch.setenv("BUURTWIKI_TODAY", TODAY.isoformat())
    monkeypatch.chdir(root)
    mkdocs_build(load_config(str(root / "mkdocs.yml")))
    assert len(seen) > 10
    assert not [s for s in seen if s.strip()]  # not even a body: the core renders it
    assert (root / "site/bom/index.html").is_file()
