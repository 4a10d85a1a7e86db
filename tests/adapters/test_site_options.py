"""Site settings from mkdocs.yml are honoured everywhere: a site with its own docs and wijken
folders and without directory URLs builds, every link in it works, and the ``buurtwiki``
command finds the same folders."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from buurtwiki.cli.main import main

from ..history.gitrepo import GitRepo
from .links import broken_links
from .test_mkdocs_build import REPO, build


def own_folders_site(root: Path, directory_urls: bool) -> Path:
    """The demo with ``docs_dir: docs``, ``wijken_dir: buurten``, in a git repository."""
    shutil.copytree(REPO / "content", root / "docs")
    shutil.copytree(REPO / "wijken", root / "buurten")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"^docs_dir:.*$", "docs_dir: docs", config, flags=re.M)
    config = config.replace("  - buurtwiki\n", "  - buurtwiki:\n      wijken_dir: buurten\n", 1)
    config += f"use_directory_urls: {'true' if directory_urls else 'false'}\n"
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    repo = GitRepo(root)
    repo.git("add", "-A")
    repo.commit("De demo in eigen mappen")
    return root


@pytest.mark.parametrize("directory_urls", [True, False])
def test_every_link_works_with_own_folders_and_either_url_style(tmp_path, directory_urls):
    root = own_folders_site(tmp_path, directory_urls)
    result = build(root, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    site = root / "site"
    page = "wijken/oostelijk-havengebied/index.html"
    history = "wijken/oostelijk-havengebied/geschiedenis" + ("/index.html" if directory_urls else ".html")
    assert (site / page).is_file() and (site / history).is_file()
    assert broken_links(site) == []
    if not directory_urls:
        graph = (site / "data/ecosysteem.json").read_text(encoding="utf-8")
        assert '"url":"wijken/oostelijk-havengebied/index.html"' in graph  # the script links there


def test_check_and_nieuw_read_the_folders_from_mkdocs_yml(tmp_path, capsys):
    root = own_folders_site(tmp_path, directory_urls=False)
    assert main(["check", str(root)]) == 0
    assert "0 fouten" in capsys.readouterr().err
    assert main(["nieuw", "plek", "De Speeltuin", "--wijk", "oostelijk-havengebied", "--dir", str(root)]) == 0
    assert (root / "buurten/oostelijk-havengebied/plekken/de-speeltuin.md").is_file()
    assert main(["nieuw", "organisatie", "Het Buurtfonds", "--dir", str(root)]) == 0
    assert (root / "docs/organisaties/het-buurtfonds.md").is_file()
    assert not (root / "wijken").exists() and not (root / "content").exists()


def test_unreadable_mkdocs_yml_is_a_dutch_message_not_a_traceback(tmp_path, capsys):
    (tmp_path / "mkdocs.yml").write_text("site_name: [kapot\n", encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert "mkdocs.yml:1: fout:" in capsys.readouterr().err
