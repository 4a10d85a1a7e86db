"""Incremental rebuilds in `mkdocs serve` (issue 16): after any edit, what serve writes equals a
fresh full build of the same files, byte for byte.

Seeded random edits (a field, the body, a new page, a rename, a deleted page; each with or without a
commit) are applied one after another to a real git repository of the demo site. After each, the
site of one long-lived serve process (tests/adapters/serve_driver.py) is compared with a fresh
`mkdocs build` of the same state.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..history.gitrepo import GitRepo
from .test_mkdocs_build import ENV, build, copy_demo

DRIVER = Path(__file__).with_name("serve_driver.py")
# More edits or another seed for a longer check: BUURTWIKI_SERVE_STEPS=40 BUURTWIKI_SERVE_SEED=3
STEPS = int(os.environ.get("BUURTWIKI_SERVE_STEPS", "10"))
SEED = int(os.environ.get("BUURTWIKI_SERVE_SEED", "16"))


class Serve:
    """One serve process; :meth:`rebuild` is what a saved file triggers."""

    def __init__(self, root: Path, site: Path) -> None:
        # the log goes to a file: a pipe nobody reads until the end fills up on long runs and blocks the driver
        self.log = (site.parent / "serve.log").open("w+", encoding="utf-8")
        self.proc = subprocess.Popen([sys.executable, str(DRIVER), str(root), str(site)], cwd=root, env=ENV,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True)

    def rebuild(self) -> int:
        """Rebuild; the number of pages kept from the previous build."""
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write("go\n")
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline().strip()
        assert answer.startswith("built "), answer
        return int(answer.split()[1])

    def close(self) -> str:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=60)
        self.log.seek(0)
        text = self.log.read()
        self.log.close()
        return text


# Pagefind's index is left out of the comparison: Pagefind itself writes other files (names and
# bytes) in two runs over the same HTML. The HTML it indexes is compared; the index must exist.
SEARCH_INDEX = "pagefind/"


def tree(folder: Path) -> dict[str, bytes]:
    assert (folder / SEARCH_INDEX / "pagefind.js").is_file(), folder
    files = (p for p in sorted(folder.rglob("*")) if p.is_file())
    return {rel: p.read_bytes() for p in files if not (rel := p.relative_to(folder).as_posix()).startswith(SEARCH_INDEX)}


def entities(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in (root / "wijken").rglob("*.md") if p.name != "index.md")


def edit_field(root: Path, rng: random.Random) -> str:
    rel = rng.choice(entities(root))
    path = root / rel
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    for i, line in enumerate(lines):
        if line.startswith("titel:"):
            lines[i] = line.rstrip("\n") + f" {rng.choice(['nieuw', 'oud', 'Oost'])}\n"
            break
    path.write_text("".join(lines), encoding="utf-8")
    return f"field {rel}"


def edit_body(root: Path, rng: random.Random) -> str:
    rel, other = rng.choice(entities(root)), Path(rng.choice(entities(root))).stem
    with (root / rel).open("a", encoding="utf-8") as out:
        out.write(f"\nNieuwe zin {rng.randrange(1000)}, zie ook [[{other}]].\n")
    return f"body {rel} -> {other}"


def new_page(root: Path, rng: random.Random) -> str:
    wijk = rng.choice(sorted(p.name for p in (root / "wijken").iterdir() if p.is_dir()))
    slug = f"nieuwe-plek-{rng.randrange(10_000)}"
    other = Path(rng.choice(entities(root))).stem
    rel = f"wijken/{wijk}/plekken/{slug}.md"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text(f"---\ntitel: Plek {slug}\n---\n\nEen nieuwe plek bij [[{other}]].\n", encoding="utf-8")
    return f"new {rel}"


def rename(root: Path, rng: random.Random) -> str:
    rel = rng.choice(entities(root))
    new = Path(rel).with_name(f"{Path(rel).stem}-{rng.randrange(100)}.md")
    (root / rel).rename(root / new)
    return f"rename {rel} -> {new}"


def delete(root: Path, rng: random.Random) -> str:
    rel = rng.choice(entities(root))
    (root / rel).unlink()
    return f"delete {rel}"


def broken_page(root: Path, rng: random.Random) -> str:
    """A file the site cannot load (its front matter never ends): no page, but a row in recent changes."""
    wijk = rng.choice(sorted(p.name for p in (root / "wijken").iterdir() if p.is_dir()))
    rel = f"wijken/{wijk}/plekken/kapot-{rng.randrange(10_000)}.md"
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_text("---\ntitel: [nog niet af\n\nHier staat tekst.\n", encoding="utf-8")
    return f"broken {rel}"


EDITS = (edit_field, edit_body, new_page, rename, delete, broken_page)


def demo_repo(folder: Path) -> GitRepo:
    """The demo site in a new git repository with one commit."""
    folder.mkdir()
    git = GitRepo(copy_demo(folder), init=True)
    git.git("add", "-A")
    git.commit("Begin")
    return git


@pytest.fixture
def repo(tmp_path) -> GitRepo:
    return demo_repo(tmp_path / "site")


def test_serve_after_random_edits_equals_a_full_build(repo, tmp_path):
    root, rng = repo.path, random.Random(SEED)
    serve = Serve(root, tmp_path / "served")
    kept = []
    try:
        assert serve.rebuild() == 0
        for step in range(STEPS):
            edit = EDITS[step % len(EDITS)] if step < len(EDITS) else rng.choice(EDITS)
            done = edit(root, rng)
            if rng.random() < 0.5:
                repo.git("add", "-A")
                repo.commit(f"stap {step}")
                done += " (committed)"
            kept.append(serve.rebuild())
            fresh = tmp_path / f"fresh-{step}"
            shutil.rmtree(root / ".cache", ignore_errors=True)  # a full build: no pages from the build cache
            result = build(root, "-d", str(fresh))
            assert result.returncode == 0, result.stderr[-2000:]
            served, expected = tree(tmp_path / "served"), tree(fresh)
            differ = sorted(name for name in served.keys() | expected.keys() if served.get(name) != expected.get(name))
            assert not differ, (step, done, differ)
    finally:
        errors = serve.close()
    assert "Traceback" not in errors, errors[-3000:]
    assert min(kept) > 0, kept  # each rebuild took the incremental path


def _kept_after_one_edit(root: Path, served: Path, page: str) -> int:
    serve = Serve(root, served)
    try:
        serve.rebuild()
        with (root / page).open("a", encoding="utf-8") as out:
            out.write("\nEen nieuwe zin.\n")
        return serve.rebuild()
    finally:
        errors = serve.close()
        assert "Traceback" not in errors, errors[-3000:]


def test_serve_keeps_history_pages_it_copied_from_the_build_cache(repo, tmp_path):
    """Serve started after a `mkdocs build` copies the history pages from the build cache; after an
    edit it keeps them in place as it keeps the pages it made itself (before, it copied all of
    them again on every rebuild), and the site is still that of a full build."""
    root = repo.path
    page = entities(root)[0]
    original = (root / page).read_text(encoding="utf-8")
    shutil.rmtree(root / ".cache", ignore_errors=True)
    without_cache = _kept_after_one_edit(root, tmp_path / "zonder", page)
    (root / page).write_text(original, encoding="utf-8")
    shutil.rmtree(root / ".cache", ignore_errors=True)
    assert build(root, "-d", str(tmp_path / "eerst")).returncode == 0  # fills the build cache
    assert (root / ".cache").is_dir()
    with_cache = _kept_after_one_edit(root, tmp_path / "met", page)
    assert with_cache == without_cache > 0
    shutil.rmtree(root / ".cache", ignore_errors=True)
    fresh = tmp_path / "vers"
    assert build(root, "-d", str(fresh)).returncode == 0
    served, expected = tree(tmp_path / "met"), tree(fresh)
    assert sorted(name for name in served.keys() | expected.keys() if served.get(name) != expected.get(name)) == []
