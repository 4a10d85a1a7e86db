"""`buurtwiki check --format github|gitlab`: each problem on its file and line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from ..helpers import write
from .conftest import SITE

BIN = Path(sys.executable).parent / "buurtwiki"
BAD = {**SITE, "wijken/noord/plekken/bieb.md": "---\ntitel: De Bieb\n\nstatus: dicht\n---\n",
       "wijken/noord/plekken/tuin.md": "---\ntitel: Tuin\nstatus: \"kapot\\n::error file=x::nep\"\n---\n"}


def check(root: Path, fmt: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), "check", str(root), "--format", fmt], cwd=root, capture_output=True, text=True, timeout=120)


def test_github_annotations_point_at_file_and_line(tmp_path):
    result = check(write(tmp_path, BAD), "github")
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith("::error file=wijken/noord/plekken/bieb.md,line=4,title=buurtwiki check::veld 'status'")
               for line in lines), lines
    # a value cannot end the command or start a second one
    assert all(line.startswith(("::error file=", "::warning file=")) for line in lines)
    assert any("kapot%0A::error file=x::nep" in line for line in lines), lines


def test_gitlab_code_quality_report(tmp_path):
    result = check(write(tmp_path, BAD), "gitlab")
    report = json.loads(result.stdout)
    bieb = next(r for r in report if r["location"]["path"] == "wijken/noord/plekken/bieb.md")
    assert bieb["location"]["lines"]["begin"] == 4 and bieb["severity"] == "major"
    assert len({r["fingerprint"] for r in report}) == len(report)


def test_paths_are_repository_paths_when_the_site_is_in_a_subfolder(tmp_path):
    from ..history.gitrepo import GitRepo

    git = GitRepo(tmp_path / "repo")
    write(tmp_path / "repo/buurt", BAD)
    git.commit("Site")
    lines = check(tmp_path / "repo/buurt", "github").stdout.splitlines()
    assert any(line.startswith("::error file=buurt/wijken/noord/plekken/bieb.md,line=4,") for line in lines), lines
