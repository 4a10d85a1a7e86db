"""Serve mode: the history index is kept between rebuilds and only new commits are walked."""

from __future__ import annotations

from pathlib import Path

from buurtwiki.build import BuildOptions, run

from .history_repo import BRAM, TODAY, initiatief, render, story

MKDOCS_YML = "site_name: Test\ndocs_dir: content\ntheme:\n  name: material\n  language: nl\nplugins:\n  - buurtwiki\n"


def test_rebuild_with_previous_build_walks_only_new_commits(tmp_path):
    repo = story(tmp_path)
    options = BuildOptions(root=tmp_path, today=TODAY)
    first = run(options)
    assert first.history.walked == len(first.history.commits) > 5
    same = run(options, previous=first)
    assert same.history.walked == 0  # HEAD unchanged: nothing read from git
    repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Buurteettafel", "gestopt"))
    repo.commit("Gestopt", BRAM)
    second = run(options, previous=same)
    assert second.history.walked == 1
    assert second.history.head != first.history.head
    html = render(second, "wijken/ohg/initiatieven/buurteettafel/geschiedenis.md")
    assert "status: actief → gestopt" in html and "Gestopt" in html
    full = run(options)
    assert [c.sha for c in full.history.commits] == [c.sha for c in second.history.commits]


def test_mkdocs_serve_rebuild_reuses_the_index(tmp_path, monkeypatch):
    """What `mkdocs serve` does on a change: load the config again and build; the plugin (kept by
    MkDocs because it has on_startup) passes its previous build, so only the new commit is read."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.setenv("BUURTWIKI_TODAY", TODAY.isoformat())
    repo = story(tmp_path)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    site = str(tmp_path.parent / f"{tmp_path.name}-site")

    first = load_config(str(tmp_path / "mkdocs.yml"), site_dir=site)
    mkdocs_build(first)
    plugin = first.plugins["buurtwiki"]
    assert plugin.build.history.walked == len(plugin.build.history.commits)

    repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Buurteettafel", "gestopt"))
    repo.commit("Gestopt", BRAM)
    second = load_config(str(tmp_path / "mkdocs.yml"), site_dir=site)
    assert second.plugins["buurtwiki"] is plugin
    mkdocs_build(second)
    assert plugin.build.history.walked == 1
    html = (Path(site) / "wijken/ohg/initiatieven/buurteettafel/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "status: actief → gestopt" in html
