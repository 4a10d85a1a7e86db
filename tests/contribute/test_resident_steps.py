"""The steps of "Zo pas je een pagina aan" (README), done as a resident would, without git.

A resident opens "Nieuwe …" on an overview, gets the forge's editor with the template, types a
file name, replaces the placeholder title and saves: `buurtwiki check` (the pull request check)
must pass. Then they remove the `# ` before an optional field and fill it in, as the README says.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from buurtwiki.model.schema import DEFAULT_REGISTRY
from buurtwiki.outputs.contribute import new_page_link

from ..helpers import build, write
from .conftest import SITE

BIN = Path(sys.executable).parent / "buurtwiki"


def check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), "check", str(root)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("type_name", [t.name for t in DEFAULT_REGISTRY.wijk_overviews if t.name != "toekomstagenda"])
def test_the_template_behind_nieuwe_pagina_passes_check(tmp_path, type_name):
    root = write(tmp_path, SITE)
    url = new_page_link(build(root, repo_url="https://github.com/buurt/wiki"), type_name, "noord").url
    parts = urlsplit(url)
    folder = parts.path.split("/new/main/", 1)[1]
    text = parse_qs(parts.query)["value"][0].replace("Naam van de pagina", "Onze nieuwe pagina")
    (root / folder / "onze-nieuwe-pagina.md").parent.mkdir(parents=True, exist_ok=True)
    (root / folder / "onze-nieuwe-pagina.md").write_text(text, encoding="utf-8")
    result = check(root)
    # no errors; an example value (a date, a kind) is named until the resident fills it in
    problems = [line for line in result.stdout.splitlines() if ": fout: " in line or ": waarschuwing: " in line]
    assert result.returncode == 0 and all("is nog het voorbeeld van 'buurtwiki nieuw'" in p for p in problems), result.stdout


def test_uncommenting_an_optional_field_as_the_readme_says(tmp_path):
    root = write(tmp_path, SITE)
    url = new_page_link(build(root, repo_url="https://github.com/buurt/wiki"), "initiatief", "noord").url
    text = parse_qs(urlsplit(url).query)["value"][0]
    line = next(x for x in text.split("\n") if x.startswith("# sinds:"))
    text = text.replace(line, "sinds: 2024-03-01")
    write(root, {"wijken/noord/initiatieven/zon-op-het-dak.md": text})
    assert check(root).returncode == 0
