"""`buurtwiki bijwerken`: generated files of an existing site brought up to this release."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from buurtwiki.scaffold.site import init_site

BIN = Path(sys.executable).parent / "buurtwiki"


def bijwerken(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(BIN), "bijwerken", str(root), *args], capture_output=True, text=True, timeout=120)


def test_shows_then_writes_only_generated_files(tmp_path):
    root = tmp_path / "site"
    init_site(root, version="0.0.1")  # an older release
    (root / ".github/ISSUE_TEMPLATE/plek.yml").unlink()
    page = root / "wijken/mijn-wijk/index.md"
    before = page.read_text(encoding="utf-8")
    readme = (root / "README.md").read_text(encoding="utf-8")

    shown = bijwerken(root)
    assert shown.returncode == 0, shown.stderr
    assert '-      - run: pip install "buurtwiki==0.0.1"' in shown.stdout
    assert "nieuw: .github/ISSUE_TEMPLATE/plek.yml" in shown.stdout
    assert "buurtwiki bijwerken --schrijf" in shown.stdout
    assert not (root / ".github/ISSUE_TEMPLATE/plek.yml").exists()  # only shown

    written = bijwerken(root, "--schrijf")
    assert written.returncode == 0 and "bijgewerkt" in written.stdout
    assert (root / ".github/ISSUE_TEMPLATE/plek.yml").is_file()
    assert "buurtwiki==0.0.1" not in (root / ".github/workflows/controle.yml").read_text(encoding="utf-8")
    assert page.read_text(encoding="utf-8") == before and (root / "README.md").read_text(encoding="utf-8") == readme
    assert bijwerken(root).stdout.strip() == "Alles is al bijgewerkt."


def test_refuses_a_folder_that_is_no_site(tmp_path):
    result = bijwerken(tmp_path)
    assert result.returncode == 2 and "geen Buurtwiki-site" in result.stderr


def test_never_writes_through_a_symlink(tmp_path):
    root = tmp_path / "site"
    init_site(root, version="0.0.1")
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.txt").write_text("x", encoding="utf-8")
    workflow = root / ".github/workflows/controle.yml"
    workflow.unlink()
    workflow.symlink_to(outside / "geheim.txt")
    assert bijwerken(root, "--schrijf").returncode == 0
    assert (outside / "geheim.txt").read_text(encoding="utf-8") == "x" and not workflow.is_symlink()
    forms = root / ".github/ISSUE_TEMPLATE"
    for item in forms.iterdir():
        item.unlink()
    forms.rmdir()
    forms.symlink_to(outside, target_is_directory=True)
    result = bijwerken(root, "--schrijf")
    assert result.returncode == 1 and "symlink" in result.stderr
    assert sorted(p.name for p in outside.iterdir()) == ["geheim.txt"]
