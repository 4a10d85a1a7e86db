"""History pages are built beside MkDocs' page loop, in forked processes where that is safe.
The site must be the same, byte for byte, as when they are built one by one in the build process."""

from __future__ import annotations

import filecmp
import json
import subprocess
import time
from pathlib import Path

import pytest

from buurtwiki.adapters.mkdocs import standalone
from buurtwiki.parallel import can_fork

from ..outputs.history_repo import ANOUK, plek, story
from .test_mkdocs_build import BIN, ENV

MKDOCS_YML = """\
site_name: Test
site_url: https://buurt.example.org/
docs_dir: content
theme:
  name: material
  language: nl
plugins:
  - search:
      lang: nl
  - buurtwiki:
      workers: {workers}
"""


def build(root: Path, workers: int, site: str) -> None:
    (root / f"mkdocs-{site}.yml").write_text(MKDOCS_YML.format(workers=workers), encoding="utf-8")
    command = [str(BIN / "mkdocs"), "build", "--strict", "-f", f"mkdocs-{site}.yml", "-d", site]
    result = subprocess.run(command, cwd=root, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]


# Pagefind's filter files differ from run to run for the same pages (their order is not fixed),
# so the search index is compared by what it finds (tests/browser/test_search.py), not byte for byte.
NOT_REPRODUCIBLE = ["pagefind"]


def differences(a: Path, b: Path) -> list[str]:
    compared = filecmp.dircmp(a, b, ignore=NOT_REPRODUCIBLE)
    found = [str(a / n) for n in compared.left_only + compared.right_only]
    _, mismatch, errors = filecmp.cmpfiles(a, b, compared.common_files, shallow=False)
    found += [str(a / n) for n in mismatch + errors]
    for name in compared.common_dirs:
        found += differences(a / name, b / name)
    return found


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_forked_build_gives_the_same_site(tmp_path):
    story(tmp_path)
    build(tmp_path, workers=0, site="een")
    build(tmp_path, workers=2, site="twee")
    assert differences(tmp_path / "een", tmp_path / "twee") == []
    page = (tmp_path / "twee" / "wijken/ohg/plekken/buurthuis/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "Buurthuis is terug" in page
    assert 'class="md-header' in page  # the theme's page
    assert "<title>Geschiedenis van Buurthuis" in page


def test_history_pages_stay_out_of_the_sitemap_and_the_search_index(tmp_path):
    story(tmp_path)
    build(tmp_path, workers=0, site="site")
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    assert "wijken/ohg/plekken/buurthuis/" in sitemap
    assert "geschiedenis" not in sitemap
    # Pagefind indexes only pages marked data-pagefind-body (outputs/search.py:mark)
    site = tmp_path / "site"
    assert "data-pagefind-body" in (site / "wijken/ohg/plekken/buurthuis/index.html").read_text(encoding="utf-8")
    history = (site / "wijken/ohg/plekken/buurthuis/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "Geschiedenis van Buurthuis" in history and "data-pagefind-body" not in history
    marked = [p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(marked)


HOOK = """\
import logging

log = logging.getLogger("mkdocs.hooks.waarschuw")


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith("geschiedenis.md") or "/geschiedenis/" in page.file.src_uri:
        log.warning("geschiedenispagina %s gezien", page.file.src_uri)
    return html
"""


@pytest.mark.parametrize("workers", [0, 2])
def test_strict_build_fails_on_a_warning_from_a_history_page_with_and_without_workers(tmp_path, workers):
    """A warning logged while a history page is built (here by a hook, as any plugin or theme
    could) stops a strict build, also when the page was built in a forked worker."""
    if workers and not can_fork():
        pytest.skip("forking is not possible on this system")
    story(tmp_path)
    (tmp_path / "waarschuw.py").write_text(HOOK, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(workers=workers) + "hooks:\n  - waarschuw.py\n", encoding="utf-8")
    command = [str(BIN / "mkdocs"), "build", "--strict", "-d", "site"]
    result = subprocess.run(command, cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode != 0
    assert "strict" in result.stderr
    assert result.stderr.count("geschiedenispagina wijken/ohg/plekken/buurthuis/geschiedenis") == 1  # logged once


def build_here(root: Path, workers: int, site: str, before=None) -> None:
    """A build in this process (so a test can patch the worker function the fork inherits)."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    (root / f"mkdocs-{site}.yml").write_text(MKDOCS_YML.format(workers=workers), encoding="utf-8")
    config = load_config(str(root / f"mkdocs-{site}.yml"), site_dir=str(root / site))
    if before is not None:
        before()
    mkdocs_build(config)


def _slow_chunk(src_uris: list[str]):
    """A worker that takes its time (by reference, so a worker process can run it)."""
    time.sleep(1.5)
    return _BUILD_CHUNK(src_uris)


_BUILD_CHUNK = standalone._build_chunk


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_build_process_builds_the_history_pages_no_worker_has_started(tmp_path, monkeypatch):
    """When the build process has written its own pages it takes over the chunks still waiting
    for a worker (here the worker is slow), and the site is the same as one built in one process."""
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    repo = story(tmp_path)
    for n in range(8):  # more history pages than the worker takes at once
        repo.write(f"wijken/ohg/plekken/plek-{n}.md", plek(f"Plek {n}"))
    repo.commit("Acht plekken", ANOUK)
    build_here(tmp_path, workers=0, site="een")
    monkeypatch.setattr(standalone, "CHUNK", 1)
    monkeypatch.setattr(standalone, "_build_chunk", _slow_chunk)
    stolen, idle = [], []
    finish = standalone.StandalonePages.finish

    def counted(self, then=None):
        def indexing():  # Pagefind starts only when this process has no history page left to build
            idle.append(self.stolen)
            then()

        finish(self, then=indexing)
        stolen.append(self.stolen)

    monkeypatch.setattr(standalone.StandalonePages, "finish", counted)
    build_here(tmp_path, workers=1, site="twee")
    assert stolen and stolen[0] > 0
    assert idle == stolen
    assert differences(tmp_path / "een", tmp_path / "twee") == []
    # the index holds every searchable page, none of the history pages the worker wrote meanwhile
    site = tmp_path / "twee"
    marked = [p for p in site.rglob("*.html") if "data-pagefind-body" in p.read_text(encoding="utf-8")]
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert entry["languages"]["nl"]["page_count"] == len(marked) > 8


def test_mkdocs_makes_no_markdown_parser_for_pages_the_core_renders(tmp_path, monkeypatch):
    """MkDocs' own Markdown step made a parser with every extension for each page, only to
    render an empty source: the core renders the body. It is skipped, the page is the same."""
    import markdown

    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    story(tmp_path)
    made = []
    init = markdown.Markdown.__init__

    def counting(self, *args, **kwargs):
        made.append(1)
        init(self, *args, **kwargs)

    build_here(tmp_path, workers=0, site="site", before=lambda: monkeypatch.setattr(markdown.Markdown, "__init__", counting))
    assert made == []
    page = (tmp_path / "site" / "wijken/ohg/plekken/buurthuis/index.html").read_text(encoding="utf-8")
    assert "<h1>Buurthuis</h1>" in page


def test_templates_compiled_by_an_earlier_build_give_the_same_site(tmp_path):
    """The second build loads the compiled templates the first kept (outputs/template_cache.py,
    in a folder of this user's temp folder) and writes the same site, byte for byte."""
    story(tmp_path)
    temp = tmp_path / "temp"
    temp.mkdir()
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.format(workers=0), encoding="utf-8")
    env = {**ENV, "TMPDIR": str(temp)}
    for site in ("een", "twee"):
        command = [str(BIN / "mkdocs"), "build", "--strict", "-d", site]
        result = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr[-3000:]
        kept = [p for p in temp.glob("_jinja2-cache-*/*") if p.is_file()]
        assert len(kept) > 20  # the theme's templates and the package's
        assert oct(next(temp.glob("_jinja2-cache-*")).stat().st_mode & 0o777) == "0o700"
    assert differences(tmp_path / "een", tmp_path / "twee") == []


ON_ENV_HOOK = '''\
import jinja2


def on_env(env, config, files):
    url = env.filters["url"]

    @jinja2.pass_context
    def marked(context, value):
        out = url(context, value)
        return out + "?merk=1" if out.endswith(".css") else out

    env.filters["url"] = marked
    return env
'''


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_history_pages_get_what_another_plugin_adds_to_the_templates(tmp_path):
    """History pages start early (at on_nav) only when no other plugin changes the template
    environment; with such a plugin they wait for on_env and get its change too."""
    story(tmp_path)
    (tmp_path / "merk.py").write_text(ON_ENV_HOOK, encoding="utf-8")
    (tmp_path / "mkdocs-hook.yml").write_text(MKDOCS_YML.format(workers=2) + "hooks:\n  - merk.py\n", encoding="utf-8")
    command = [str(BIN / "mkdocs"), "build", "--strict", "-f", "mkdocs-hook.yml", "-d", "site"]
    result = subprocess.run(command, cwd=tmp_path, env=ENV, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    history = next((tmp_path / "site").rglob("geschiedenis/index.html")).read_text(encoding="utf-8")
    assert ".css?merk=1" in history
