"""No repository, no commits, a shallow clone, uncommitted files, binary and non-UTF-8 content."""

from __future__ import annotations

from pathlib import Path

from buurtwiki.history import NO_REPOSITORY, HistoryIndex, describe_change

from .gitrepo import GitRepo

PAGE = "wijken/ohg/initiatieven/eetgroep.md"


def page(status: str, body: str = "Samen eten.") -> str:
    return f"---\ntitel: Eetgroep\nstatus: {status}\n---\n\n{body}\n"


def test_no_repository(tmp_path: Path) -> None:
    (tmp_path / "wijken").mkdir()
    (tmp_path / PAGE.replace("/", "_")).write_text("x")
    index = HistoryIndex.build(tmp_path)
    assert index.warnings == [NO_REPOSITORY]
    assert NO_REPOSITORY == "Geen git-repository gevonden: de site wordt gebouwd zonder geschiedenis."
    assert index.head is None
    assert index.history(PAGE) == () and index.created(PAGE) is None and index.last_changed(PAGE) is None
    assert index.recent() == [] and index.contributors(PAGE) == [] and index.paths() == []
    assert not index.uncommitted(PAGE)
    assert index.blob_text("0" * 40) is None
    assert HistoryIndex.build(tmp_path / "bestaat-niet").warnings == [NO_REPOSITORY]


def test_empty_repository(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.write(PAGE, page("actief"))
    index = HistoryIndex.build(tmp_path)
    assert len(index.warnings) == 1 and "nog geen commits" in index.warnings[0]
    assert index.head is None and index.history(PAGE) == ()
    assert index.uncommitted(PAGE)
    assert index.worktree_status(PAGE) == "nieuw"


def test_uncommitted_files(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.write(PAGE, page("actief"))
    repo.write("wijken/ohg/index.md", "---\ntitel: Oud-Hoograven\n---\n")
    repo.commit("Eerste versie")
    repo.write("wijken/ohg/plekken/nieuw.md", "---\ntitel: Nieuw\nstatus: open\n---\n")
    repo.write(PAGE, page("slapend"))
    (tmp_path / "wijken/ohg/index.md").unlink()
    index = HistoryIndex.build(tmp_path)
    assert index.uncommitted("wijken/ohg/plekken/nieuw.md")
    assert index.worktree_status("wijken/ohg/plekken/nieuw.md") == "nieuw"
    assert index.history("wijken/ohg/plekken/nieuw.md") == ()
    assert index.uncommitted(PAGE) and index.worktree_status(PAGE) == "gewijzigd"
    assert index.worktree_status("wijken/ohg/index.md") == "verwijderd"
    assert not index.uncommitted("wijken/ohg/index.md")
    assert index.paths() == ["wijken/ohg/index.md", PAGE]
    repo.commit("Alles vastgelegd")
    again = HistoryIndex.build(tmp_path)
    assert not again.uncommitted(PAGE) and again.worktree_status(PAGE) is None


def test_shallow_clone(tmp_path: Path) -> None:
    origin = GitRepo(tmp_path / "origin")
    for n, status in enumerate(["actief", "slapend", "actief", "gestopt", "actief", "slapend", "actief", "gestopt"]):
        origin.write(PAGE, page(status, f"Versie {n}."))
        if n == 2:
            origin.write("wijken/ohg/plekken/buurthuis.md", "---\ntitel: Buurthuis\nstatus: open\n---\n")
        origin.commit(f"Versie {n}")
    clone = GitRepo(tmp_path / "clone", init=False)
    (tmp_path / "clone").mkdir()
    GitRepo(tmp_path, init=False).git("clone", "-q", "--depth", "5", f"file://{origin.path}", str(clone.path))
    index = HistoryIndex.build(clone.path)
    assert len(index.warnings) == 1
    warning = index.warnings[0]
    assert "onvolledig" in warning and "fetch-depth: 0" in warning and "actions/checkout" in warning
    assert len(index.commits) == 5
    assert index.commits[-1].boundary and not index.commits[0].boundary
    changes = index.history(PAGE)
    assert [c.commit.summary for c in changes] == [f"Versie {n}" for n in (7, 6, 5, 4, 3)]
    assert changes[-1].code == "A"  # the boundary commit is read as a root commit
    assert index.created(PAGE) is None  # older than the clone can tell
    assert index.last_changed(PAGE) == changes[0]
    full = HistoryIndex.build(origin.path)
    assert full.warnings == [] and full.created(PAGE) is not None


def test_binary_and_latin1_files(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    latin1 = "---\ntitel: Café De Buren\nstatus: actief\n---\n\nKoffie en thee.\n".encode("latin-1")
    repo.write("wijken/ohg/plekken/foto.png", png)
    repo.write("wijken/ohg/plekken/cafe.md", latin1)
    repo.commit("Foto en café")
    repo.write("wijken/ohg/plekken/foto.png", png + b"\x00meer")
    repo.write("wijken/ohg/plekken/cafe.md", latin1.replace(b"actief", b"slapend"))
    repo.commit("Nieuwe foto, café slaapt")
    index = HistoryIndex.build(tmp_path)
    assert index.warnings == []
    foto = index.history("wijken/ohg/plekken/foto.png")
    assert [c.code for c in foto] == ["M", "A"]
    assert index.blob_text(foto[0].new_blob) is None
    cafe = index.history("wijken/ohg/plekken/cafe.md")
    old, new = index.blob_text(cafe[0].old_blob), index.blob_text(cafe[0].new_blob)
    assert old is not None and new is not None and "\ufffd" in new and "Caf" in new
    change = describe_change(old, new)
    assert [f.text for f in change.fields] == ["status: actief → slapend"]
    assert index.blob_text("nonsense") is None and index.blob_text(None) is None


def test_commit_messages_in_other_encodings(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.write(PAGE, page("actief"))
    repo.commit("Café geopend: één keer per week", ("Zoë Ünal", "zoe@example.org"), encoding="ISO-8859-1")
    repo.write(PAGE, page("slapend"))
    repo.commit_raw(b"Caf\xe9 \xff dicht\n")  # not UTF-8, and no encoding header
    index = HistoryIndex.build(tmp_path)
    latest, first = index.history(PAGE)
    assert first.commit.summary == "Café geopend: één keer per week"
    assert first.commit.author == "Zoë Ünal"
    assert latest.commit.summary.startswith("Caf\ufffd")


def test_site_in_a_subfolder(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path)
    repo.write("site/" + PAGE, page("actief"))
    repo.write("site/content/index.md", "---\ntitle: Home\n---\n")
    repo.write("wijken/buiten-de-site.md", "niet meetellen\n")
    repo.commit("Eerste versie")
    repo.move("site/" + PAGE, "site/wijken/ohg/initiatieven/samen-eten.md")
    repo.commit("Hernoemd")
    repo.write("site/wijken/ohg/nieuw.md", "---\ntitel: x\n---\n")
    index = HistoryIndex.build(tmp_path / "site")
    assert index.paths() == ["content/index.md", "wijken/ohg/initiatieven/samen-eten.md"]
    changes = index.history("wijken/ohg/initiatieven/samen-eten.md")
    assert [(c.code, c.path, c.old_path) for c in changes] == [
        ("R", "wijken/ohg/initiatieven/samen-eten.md", PAGE),
        ("A", PAGE, None),
    ]
    assert index.uncommitted("wijken/ohg/nieuw.md")
    only_wijken = HistoryIndex.build(tmp_path / "site", prefixes=("wijken/",))
    assert only_wijken.paths() == ["wijken/ohg/initiatieven/samen-eten.md"]
