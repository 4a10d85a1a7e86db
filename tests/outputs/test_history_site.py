"""End to end: `mkdocs build` of a site in a real git repository; no author e-mail anywhere in it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .history_repo import BRAM, EMAILS, TODAY, initiatief, story

BIN = Path(sys.executable).parent
MKDOCS_YML = """\
site_name: Testbuurt
site_url: https://buurt.example.org/
repo_url: https://github.com/buurt/wiki
docs_dir: content
theme:
  name: material
  language: nl
plugins:
  - search
  - buurtwiki
"""
NAME_IS_EMAIL = ("els.smit@voorbeeld-mail.nl", "els.smit@voorbeeld-mail.nl")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("e2e")
    repo = story(root)
    repo.write("mkdocs.yml", MKDOCS_YML)
    repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Buurteettafel", body="Mail ons gerust."))
    repo.commit(
        "Tekst korter; vragen aan piet.post@voorbeeld-mail.nl\n\n"
        "Co-authored-by: Fatima Ouali <fatima.ouali@voorbeeld-mail.nl>\n"
        "Co-authored-by: <zonder.naam@voorbeeld-mail.nl>\n",
        BRAM,
    )
    repo.write("wijken/ohg/initiatieven/buurteettafel.md", initiatief("Buurteettafel", body="Mail ons."))
    repo.commit("Nog korter", NAME_IS_EMAIL)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "BUURTWIKI_TODAY": TODAY.isoformat()}
    result = subprocess.run([str(BIN / "mkdocs"), "build"], cwd=root, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


def test_no_author_email_anywhere_in_the_site(built):
    addresses = [*EMAILS, "piet.post@voorbeeld-mail.nl", "fatima.ouali@voorbeeld-mail.nl", "zonder.naam@voorbeeld-mail.nl", NAME_IS_EMAIL[1]]
    files = [p for p in built.rglob("*") if p.is_file()]
    assert len(files) > 20
    for path in files:
        data = path.read_bytes()
        assert b"voorbeeld-mail.nl" not in data, path  # not even the domain
        for address in addresses:
            assert address.encode() not in data, (path, address)


def test_co_authors_and_name_only_authors_are_credited(built):
    html = (built / "wijken/ohg/initiatieven/buurteettafel/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "Bram Jansen met Fatima Ouali" in html
    assert "els.smit" in html  # an author whose name was an address: the part before @ only
    assert "[e-mailadres]" in html  # an address in the message is hidden


def test_history_recent_changes_and_feeds_are_published(built):
    assert (built / "wijken/ohg/initiatieven/buurteettafel/geschiedenis/index.html").is_file()
    assert (built / "organisaties/dock/geschiedenis/index.html").is_file()
    assert (built / "wijken/ohg/geschiedenis/index.html").is_file()
    assert (built / "recente-wijzigingen/index.html").is_file()
    assert (built / "wijken/ohg/recente-wijzigingen/index.html").is_file()
    assert (built / "feeds/wijzigingen.xml").is_file()
    assert (built / "wijken/ohg/wijzigingen.xml").is_file()
    history = (built / "wijken/ohg/initiatieven/buurteettafel/geschiedenis/index.html").read_text(encoding="utf-8")
    assert "https://github.com/buurt/wiki/commit/" in history
    assert "<h1>Geschiedenis van Buurteettafel</h1>" in history


def test_pages_announce_the_feeds(built):
    home = (built / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate feed" type="application/atom+xml" title="Recente wijzigingen" href="feeds/wijzigingen.xml">' in home
    page = (built / "wijken/ohg/plekken/buurthuis/index.html").read_text(encoding="utf-8")
    assert 'href="../../../../feeds/wijzigingen.xml"' in page
    assert 'title="Recente wijzigingen in deze wijk" href="../../wijzigingen.xml"' in page


def test_entity_page_has_the_history_box_and_the_nav_links_recent_changes(built):
    page = (built / "wijken/ohg/plekken/buurthuis/index.html").read_text(encoding="utf-8")
    assert "Laatst gewijzigd" in page and "17 november 2026</time>" in page and "geleden" not in page and 'href="geschiedenis/"' in page
    assert "recente-wijzigingen/" in page  # the navigation links the page
