"""Front matter of ordinary pages: only the allow-listed keys reach the site; every other key is
a Dutch error at its line, in `buurtwiki check` as in the build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from buurtwiki.content.loader import load_site
from buurtwiki.validation.page_meta import PAGE_KEYS, page_meta

from ..conftest import write_site

PAGE = """\
---
titel: Over ons
subtitle: "<script>alert(1)</script>"
template: redirect.html
location: "javascript:alert(2)"
description: Wie wij zijn.
hide: [navigation, "<b>", toc]
author: ["lijst"]
---
Tekst.
"""


def _messages(root: Path, path: str) -> list[str]:
    site = load_site(root)
    return [str(p) for p in site.problems.sorted() if p.path == path]


def test_every_other_key_is_an_error_naming_it_at_its_line(tmp_path):
    root = write_site(tmp_path, {"content/over.md": PAGE})
    messages = _messages(root, "content/over.md")
    assert any(m.startswith("content/over.md:3: fout: het veld 'subtitle'") for m in messages), messages
    assert any(m.startswith("content/over.md:4: fout: het veld 'template'") for m in messages)
    assert any(m.startswith("content/over.md:5: fout: het veld 'location'") for m in messages)
    assert any(m.startswith("content/over.md:8: fout: het veld 'author'") for m in messages)
    assert any(m.startswith("content/over.md:7: fout: '<b>' kan niet bij 'hide'") for m in messages)
    assert all("titel, title, samenvatting, description, hide" in m for m in messages if "het veld" in m)
    assert not any(":2:" in m or ":6:" in m for m in messages)  # titel and description are fine


def test_only_allowed_values_reach_the_page(tmp_path):
    root = write_site(tmp_path, {"content/over.md": PAGE})
    page = next(p for p in load_site(root).pages if p.src_uri == "over.md")
    assert page_meta(page) == {"title": "Over ons", "description": "Wie wij zijn.", "hide": ["navigation", "toc"]}
    assert set(page_meta(page)) <= set(PAGE_KEYS.values())


def test_a_title_that_is_not_text_is_reported_and_left_out(tmp_path):
    root = write_site(tmp_path, {"content/over.md": "---\ntitle: [a, b]\n---\nTekst.\n"})
    page = next(p for p in load_site(root).pages if p.src_uri == "over.md")
    assert page_meta(page) == {}
    assert any("content/over.md:2: fout: het veld 'title' moet een korte tekst zijn" in m for m in _messages(root, "content/over.md"))


def test_buurtwiki_check_reports_the_same(tmp_path):
    root = write_site(tmp_path, {"content/over.md": PAGE})
    result = subprocess.run(
        [str(Path(sys.executable).parent / "buurtwiki"), "check", str(root)],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "content/over.md:3: fout: het veld 'subtitle'" in result.stdout
    assert "Traceback" not in result.stderr
