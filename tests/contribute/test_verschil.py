"""`buurtwiki verschil` on a real git repository: what a reviewer reads about a resident's branch."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

BIN = Path(sys.executable).parent / "buurtwiki"


def verschil(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), "verschil", *args], cwd=root, capture_output=True, text=True, timeout=120)


def test_branch_summary_names_titles_values_renames_and_responses(repo):
    result = verschil(repo.path, "main", "--format", "text")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Aangepast: initiatief: Eetgroep Noord" in out
    assert "Status: actief → slapend" in out
    assert "verwijzing Plekken: + De Tuin" in out  # the title, not the slug
    assert "tekst: ongeveer +9 / −0 woorden" in out
    assert "verwijzing in de tekst: + De Bieb" in out
    assert "Hernoemd: initiatief: Oude naam" in out
    assert "adres: /wijken/noord/initiatieven/oud/ → /wijken/noord/initiatieven/nieuw/" in out
    assert "Gemeente Voorbeeldstad reageerde: toezegging gedaan" in out
    assert "Nieuw: plek: De Bieb" in out
    assert "4 pagina's veranderd" in out


def test_default_is_the_last_commit_and_json_has_the_same(repo):
    result = verschil(repo.path, "HEAD~1", "HEAD", "--format", "json")
    data = json.loads(result.stdout)
    eet = next(p for p in data["pages"] if p["path"].endswith("eetgroep.md"))
    assert eet["fields"] == ["Status: actief → slapend"]
    assert verschil(repo.path, "--format", "json").stdout == result.stdout


def test_markdown_escapes_residents_text(repo):
    repo.write("wijken/noord/plekken/bieb.md", "---\ntitel: '[klik](https://evil.example) ![x](https://evil.example/p.png) <b>'\nstatus: open\n---\n")
    repo.commit("Titel")
    out = verschil(repo.path, "main").stdout
    assert not re.search(r"(?<!\\)\]\(", out) and "<b>" not in out
    assert r"\[klik\](https://evil.example) \!\[x\](https://evil.example/p.png) \<b\>" in out


def test_problems_the_change_brings_are_listed(repo):
    repo.write("wijken/noord/plekken/bieb.md", "---\ntitel: De Bieb\nstatus: dicht\n---\n")
    repo.commit("Fout")
    out = verschil(repo.path, "main", "--format", "text").stdout
    assert "probleem: wijken/noord/plekken/bieb.md:3: fout: veld 'status'" in out


def test_unknown_base_is_a_dutch_error(repo):
    result = verschil(repo.path, "bestaat-niet")
    assert result.returncode == 2 and "fout: 'bestaat-niet' is geen commit" in result.stderr
    assert "Traceback" not in result.stderr


def test_site_in_a_subfolder_of_the_repository(tmp_path):
    from ..history.gitrepo import GitRepo
    from .conftest import SITE

    git = GitRepo(tmp_path / "repo")
    for rel, text in SITE.items():
        git.write(f"buurt/{rel}", text)
    git.write("buurt/mkdocs.yml", "site_name: x\ndocs_dir: content\n")
    git.commit("Site")
    git.write("buurt/wijken/noord/plekken/tuin.md", SITE["wijken/noord/plekken/tuin.md"].replace("open", "gesloten"))
    git.commit("Tuin dicht")
    out = verschil(tmp_path / "repo/buurt", "HEAD~1", "HEAD", "--format", "text").stdout
    assert "Aangepast: plek: De Tuin (wijken/noord/plekken/tuin.md)" in out and "Status: open → gesloten" in out


def test_markdown_names_the_page_and_both_values_as_written(repo):
    out = verschil(repo.path, "HEAD~1", "HEAD").stdout
    assert "### Aangepast: initiatief: Eetgroep Noord" in out
    assert "- Status: actief → slapend" in out


def test_hostile_branch_gives_a_summary_not_a_traceback(repo):
    repo.write("wijken/noord/plekken/binair.md", b"\x00\xff\xfe" * 1000)
    repo.write("wijken/noord/plekken/open.md", "---\ntitel: [nooit dicht\n")
    repo.write("wijken/noord/onbekend/x.md", "---\ntitel: X\n---\n")
    repo.write("wijken/noord/plekken/bom.md", "---\na: &a [1]\nb: [*a, *a, *a]\n---\n")
    (repo.path / "wijken/noord/plekken/link.md").symlink_to("/etc/passwd")
    repo.write("wijken/noord/plekken/tuin.md", "---\ntitel: De Tuin\nstatus: open\n---\n" + "woord " * 50_000)
    repo.commit("Aanval")
    for fmt in ("markdown", "text", "json"):
        result = verschil(repo.path, "main", "--format", fmt)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr[-2000:]
    assert "root:" not in result.stdout  # the link's target is never read


def test_only_problems_the_change_brings_are_listed(repo):
    repo.write("wijken/noord/plekken/tuin.md", "---\ntitel: De Tuin\nstatus: dicht\n---\n")
    repo.commit("Fout die al op main komt")
    repo.checkout("main")
    repo.git("merge", "-q", "--ff-only", "bewoner")
    repo.branch("tweede")
    repo.write("wijken/noord/plekken/tuin.md", "---\ntitel: De Tuin\nstatus: dicht\n---\nMeer tekst.\n")
    repo.write("wijken/noord/plekken/bieb.md", "---\ntitel: De Bieb\nstatus: kapot\n---\n")
    repo.commit("Nieuwe fout")
    out = verschil(repo.path, "main", "--format", "text").stdout
    assert "probleem: wijken/noord/plekken/bieb.md:3: fout: veld 'status'" in out
    assert "probleem: wijken/noord/plekken/tuin.md" not in out  # it was there before this branch
