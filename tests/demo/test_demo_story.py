"""The demo repository replayed from demo/verhaal.yml: real history, fictional residents, today's content."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pygit2
import pytest

from ..adapters.test_mkdocs_build import build

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "demo"))
import maak_demo  # noqa: E402

HISTORY = "site/wijken/oostelijk-havengebied/{}/geschiedenis/index.html"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    out = tmp_path_factory.mktemp("verhaal") / "demo"
    warnings = maak_demo.build(out)
    result = build(out, "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return out, warnings


def _history(root: Path, entity: str) -> str:
    return (root / HISTORY.format(entity)).read_text(encoding="utf-8")


def _changes(html: str) -> list[str]:
    return re.findall(r'<li class="bw-change bw-change-\w+".*?</li>', html, re.S)


def test_story_ends_at_the_checked_in_content(demo):
    root, warnings = demo
    assert warnings == [], "demo/verhaal.yml is behind content/ or wijken/: " + "\n".join(warnings)
    repo = pygit2.Repository(str(root))
    tree = repo.head.peel(pygit2.Commit).tree
    replayed = {}
    for folder in maak_demo.FOLDERS:
        stack = [(folder, tree[folder])]
        while stack:
            prefix, node = stack.pop()
            for item in repo[node.id]:
                path = f"{prefix}/{item.name}"
                if item.type_str == "tree":
                    stack.append((path, item))
                else:
                    replayed[path] = repo[item.id].data
    checked_in = {p.relative_to(REPO).as_posix(): p.read_bytes() for folder in maak_demo.FOLDERS
                  for p in (REPO / folder).rglob("*") if p.is_file()}
    assert replayed.keys() == checked_in.keys()
    assert [p for p in replayed if replayed[p] != checked_in[p]] == []


def test_history_shows_field_changes_word_diffs_and_several_residents(demo):
    root, _ = demo
    html = _history(root, "toekomstagenda/2019/masterplan-groen")
    changes = _changes(html)
    assert len(changes) >= 3
    assert any('class="bw-field-changes"' in c and "status:" in c for c in changes), "a field change"
    assert any('aria-label="Wijzigingen in de tekst"' in c and "<ins>" in c and "<del>" in c for c in changes), "a word diff"
    authors = set(re.findall(r'<span class="bw-author">([^<]+)</span>', html))
    assert len(authors) >= 2, authors


def test_history_of_a_renamed_page_follows_the_rename(demo):
    root, _ = demo
    changes = _changes(_history(root, "initiatieven/energiecommissie-ohg"))
    assert any("eerder heette het bestand <code>wijken/oostelijk-havengebied/initiatieven/energiecommissie.md</code>" in c
               for c in changes)
    assert "Pagina aangemaakt." in changes[-1] and "2019" in changes[-1], "the history before the rename is there"


def test_demo_site_shows_no_developer_identity_or_resident_email(demo):
    root, _ = demo
    if not (REPO / ".git").exists() or not shutil.which("git"):
        pytest.skip("geen git-repository om de namen van ontwikkelaars uit te lezen")
    log = subprocess.run(["git", "log", "--format=%an%n%ae%n%cn%n%ce"], cwd=REPO, capture_output=True, text=True, check=True)
    not_people = {"GitHub", "noreply@github.com"}  # the committer of merges made on github.com
    identities = {line.strip() for line in log.stdout.splitlines() if line.strip()} - not_people
    assert identities
    found = {}
    for page in (root / "site").rglob("*"):
        if page.is_file() and page.suffix in {".html", ".xml", ".json", ".ics", ".csv", ".js"}:
            text = page.read_text(encoding="utf-8", errors="replace")
            hits = [name for name in identities if name in text] + re.findall(r"[\w.]+@example\.org", text)
            if hits:
                found[page.relative_to(root).as_posix()] = hits
    assert found == {}


def test_content_the_story_does_not_know_still_ends_up_in_the_demo_with_a_warning(tmp_path):
    source = tmp_path / "bron"
    source.mkdir()
    for name in ("mkdocs.yml", "content", "wijken"):
        (shutil.copytree if (REPO / name).is_dir() else shutil.copy)(REPO / name, source / name)
    new = source / "wijken/nieuwe-wijk/index.md"
    new.parent.mkdir()
    new.write_text("---\ntitel: Nieuwe wijk\n---\nNieuw.\n", encoding="utf-8")
    (source / "wijken/oostelijk-havengebied/plekken/azartplein.md").unlink()
    warnings = maak_demo.build(tmp_path / "demo", source=source)
    assert any("azartplein.md bestaat niet" in w for w in warnings), warnings
    assert any("slotcommit" in w and "wijken/nieuwe-wijk/index.md" in w for w in warnings), warnings
    listed = subprocess.run(["git", "ls-files", "wijken"], cwd=tmp_path / "demo", capture_output=True, text=True, check=True)
    assert sorted(listed.stdout.split()) == sorted(p.relative_to(source).as_posix() for p in (source / "wijken").rglob("*") if p.is_file())
