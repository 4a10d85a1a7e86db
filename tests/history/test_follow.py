"""The history of every file matches ``git log --follow`` (plus merges that changed the file)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from buurtwiki.history import HistoryIndex

from .gitrepo import GitRepo

BENCH = Path(__file__).resolve().parents[2] / "bench"

PIET = ("Piet Jansen", "piet@example.org")


def page(title: str, status: str = "actief", body: str = "") -> str:
    text = body or f"Dit is de pagina over {title}. Hier staat wat het initiatief doet en voor wie het is."
    return f"---\ntitel: {title}\nstatus: {status}\n---\n\n{text}\n"


@pytest.fixture
def story(tmp_path: Path) -> GitRepo:
    """Renames, a deleted and recreated page, a side branch, a clean merge and a merge with a conflict."""
    repo = GitRepo(tmp_path / "repo")
    repo.write("content/index.md", "---\ntitle: Buurtwiki\n---\n\nWelkom.\n")
    repo.write("wijken/ohg/index.md", "---\ntitel: Oud-Hoograven\n---\n\nDe wijk.\n")
    repo.write("wijken/ohg/initiatieven/eetgroep.md", page("Eetgroep", body="Elke dinsdag koken en eten we samen in het buurthuis aan de Trumanlaan. Iedereen is welkom, ook zonder aanmelding."))
    repo.write("wijken/ohg/initiatieven/moestuin.md", page("Moestuin", body="In de moestuin achter de school kweken buren groente. Er zijn nog plekken vrij voor nieuwe tuinders."))
    repo.write("wijken/ohg/plekken/buurthuis.md", page("Buurthuis", "open", body="Het buurthuis is open van maandag tot en met vrijdag. Er is koffie en er zijn activiteiten voor alle leeftijden."))
    repo.write("wijken/ohg/initiatieven/repair.md", page("Repair café", body="Kapotte spullen? Samen met vrijwilligers maken we ze weer heel, elke laatste zaterdag van de maand."))
    repo.write("docs/niet-van-de-site.md", "Dit bestand staat buiten de content-mappen.\n")
    repo.commit("Eerste versie")

    repo.write("wijken/ohg/initiatieven/eetgroep.md", page("Eetgroep", "slapend", body="Elke dinsdag koken en eten we samen in het buurthuis aan de Trumanlaan. Iedereen is welkom, ook zonder aanmelding."))
    repo.commit("Eetgroep slaapt", PIET)

    repo.move("wijken/ohg/initiatieven/eetgroep.md", "wijken/ohg/initiatieven/samen-eten.md")
    repo.commit("Eetgroep heet nu Samen eten")

    repo.remove("wijken/ohg/initiatieven/repair.md")
    repo.commit("Repair café gestopt")

    # side branch: a change, a rename, and a conflicting change to the buurthuis
    repo.branch("zijtak")
    repo.write("wijken/ohg/initiatieven/moestuin.md", page("Moestuin", body="In de moestuin achter de school kweken buren groente. Er zijn nog plekken vrij. Nieuw: een kas."))
    repo.commit("Moestuin heeft een kas", PIET)
    repo.move("wijken/ohg/plekken/buurthuis.md", "wijken/ohg/plekken/buurthuis-trumanlaan.md")
    repo.commit("Buurthuis krijgt zijn straatnaam", PIET)
    repo.checkout("main")
    repo.write("wijken/ohg/index.md", "---\ntitel: Oud-Hoograven\n---\n\nDe wijk aan de Kromme Rijn.\n")
    repo.commit("Wijk beschreven")
    assert repo.merge("zijtak", "Zijtak samengevoegd")  # clean merge

    repo.branch("conflict")
    repo.write("wijken/ohg/initiatieven/samen-eten.md", page("Samen eten", "actief", body="Elke dinsdag en donderdag koken en eten we samen."))
    repo.commit("Samen eten twee keer per week", PIET)
    repo.checkout("main")
    repo.write("wijken/ohg/initiatieven/samen-eten.md", page("Samen eten", "gestopt", body="Samen eten is gestopt."))
    repo.commit("Samen eten gestopt")
    assert not repo.merge("conflict", "Conflict opgelost")
    repo.write("wijken/ohg/initiatieven/samen-eten.md", page("Samen eten", "actief", body="Elke donderdag koken en eten we samen. Op dinsdag niet meer."))
    repo.commit("Conflict opgelost")

    repo.write("wijken/ohg/initiatieven/repair.md", page("Repair café", "in-opbouw", body="Het repair café begint opnieuw, nu in de bibliotheek. We zoeken vrijwilligers met verstand van fietsen."))
    repo.commit("Repair café is terug")

    # a new page at the path that an older page moved away from
    repo.write("wijken/ohg/initiatieven/eetgroep.md", page("Eetgroep jongeren", body="Een nieuwe eetgroep voor jongeren tussen 16 en 23, op vrijdagavond in de kantine van de voetbalclub."))
    repo.commit("Nieuwe eetgroep voor jongeren")
    return repo


def assert_matches_git(index: HistoryIndex, repo: GitRepo, path: str) -> None:
    ours = [c.commit.sha for c in index.history(path)]
    theirs = repo.log_follow(path)
    missing = [sha for sha in theirs if sha not in ours]
    assert not missing, f"{path}: git log --follow lists commits that the index misses: {missing}"
    extra = [index.commit(sha) for sha in ours if sha not in theirs]
    assert all(c is not None and c.merge for c in extra), f"{path}: extra commits that are not merges: {extra}"
    assert [sha for sha in ours if sha in theirs] == theirs, f"{path}: other order than git log --follow"


def test_every_file_matches_git_log_follow(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path, hide_bots=False)
    assert index.warnings == []
    paths = index.paths(deleted=True)
    assert "wijken/ohg/initiatieven/samen-eten.md" in paths
    assert "wijken/ohg/initiatieven/eetgroep.md" in paths
    assert not any(p.startswith("docs/") for p in paths)
    for path in paths:
        assert_matches_git(index, story, path)


def test_rename_keeps_the_history(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path)
    changes = index.history("wijken/ohg/initiatieven/samen-eten.md")
    summaries = [c.commit.summary for c in changes]
    assert summaries[-3:] == ["Eetgroep heet nu Samen eten", "Eetgroep slaapt", "Eerste versie"]
    rename = changes[-3]
    assert (rename.code, rename.status) == ("R", "hernoemd")
    assert rename.old_path == "wijken/ohg/initiatieven/eetgroep.md"
    assert rename.path == "wijken/ohg/initiatieven/samen-eten.md"
    created = index.created("wijken/ohg/initiatieven/samen-eten.md")
    assert created is not None and created.path == "wijken/ohg/initiatieven/eetgroep.md"
    assert (created.code, created.status, created.old_blob) == ("A", "toegevoegd", None)
    assert created.new_blob is not None and len(created.new_blob) == 40
    assert index.contributors("wijken/ohg/initiatieven/samen-eten.md") == ["Anouk de Vries", "Piet Jansen"]


def test_conflict_resolution_is_in_the_history_and_a_clean_merge_is_not(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path)
    eten = [c.commit.summary for c in index.history("wijken/ohg/initiatieven/samen-eten.md")]
    assert eten[:4] == ["Conflict opgelost", "Samen eten gestopt", "Samen eten twee keer per week", "Eetgroep heet nu Samen eten"] or eten[:4] == [
        "Conflict opgelost",
        "Samen eten twee keer per week",
        "Samen eten gestopt",
        "Eetgroep heet nu Samen eten",
    ]
    merge = index.history("wijken/ohg/initiatieven/samen-eten.md")[0]
    assert merge.commit.merge and merge.code == "M"
    moestuin = [c.commit.summary for c in index.history("wijken/ohg/initiatieven/moestuin.md")]
    assert "Zijtak samengevoegd" not in moestuin
    assert moestuin == ["Moestuin heeft een kas", "Eerste versie"]


def test_rename_on_a_side_branch(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path)
    summaries = [c.commit.summary for c in index.history("wijken/ohg/plekken/buurthuis-trumanlaan.md")]
    assert summaries == ["Buurthuis krijgt zijn straatnaam", "Eerste versie"]
    assert index.exists("wijken/ohg/plekken/buurthuis-trumanlaan.md")
    assert not index.exists("wijken/ohg/plekken/buurthuis.md")


def test_deleted_and_recreated_page_has_one_history(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path)
    changes = index.history("wijken/ohg/initiatieven/repair.md")
    assert [(c.code, c.commit.summary) for c in changes] == [
        ("A", "Repair café is terug"),
        ("D", "Repair café gestopt"),
        ("A", "Eerste versie"),
    ]
    assert [c.status for c in changes] == ["toegevoegd", "verwijderd", "toegevoegd"]
    assert changes[1].new_blob is None and changes[1].old_blob is not None
    assert index.last_changed("wijken/ohg/initiatieven/repair.md") == changes[0]


def test_new_page_at_an_old_path(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path)
    changes = index.history("wijken/ohg/initiatieven/eetgroep.md")
    # Like git log --follow: the path's older life (now samen-eten.md) is listed too.
    assert [c.commit.summary for c in changes] == [
        "Nieuwe eetgroep voor jongeren",
        "Eetgroep heet nu Samen eten",
        "Eetgroep slaapt",
        "Eerste versie",
    ]
    recent = index.recent()
    pages = {(r.commit.summary, r.path): r.page for r in recent}
    assert pages[("Eetgroep slaapt", "wijken/ohg/initiatieven/eetgroep.md")] == "wijken/ohg/initiatieven/samen-eten.md"
    assert pages[("Nieuwe eetgroep voor jongeren", "wijken/ohg/initiatieven/eetgroep.md")] == "wijken/ohg/initiatieven/eetgroep.md"
    assert pages[("Repair café gestopt", "wijken/ohg/initiatieven/repair.md")] == "wijken/ohg/initiatieven/repair.md"


def test_recent_changes(story: GitRepo) -> None:
    index = HistoryIndex.build(story.path)
    recent = index.recent()
    assert recent[0].commit.summary == "Nieuwe eetgroep voor jongeren"
    assert [r.commit.time for r in recent] == sorted((r.commit.time for r in recent), reverse=True)
    assert len(index.recent(limit=3)) == 3
    assert index.recent(limit=0) == []
    assert all(r.path.startswith(("content/", "wijken/")) for r in recent)
    assert {r.path for r in index.recent(prefix="wijken/ohg/plekken")} == {
        "wijken/ohg/plekken/buurthuis.md",
        "wijken/ohg/plekken/buurthuis-trumanlaan.md",
    }
    assert index.recent(prefix="wijken/andere-wijk/") == []
    assert recent[0].date.utcoffset() is not None


def test_synthetic_repository_matches_git_log_follow(tmp_path: Path) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from synthetic import generate_repo
    finally:
        sys.path.remove(str(BENCH))
    generate_repo(tmp_path / "synth", entities=80, commits=300, seed=7)
    repo = GitRepo(tmp_path / "synth", init=False)
    index = HistoryIndex.build(repo.path, hide_bots=False)
    assert len(index.commits) == int(repo.git("rev-list", "--count", "HEAD"))
    assert any(c.merge for c in index.commits)
    assert any(ch.code == "R" for r in index.recent() for ch in [r.change])
    for path in index.paths(deleted=True):
        assert_matches_git(index, repo, path)


def test_a_copy_starts_its_own_history(tmp_path: Path) -> None:
    """Deliberately unlike git log --follow, which also follows copies."""
    repo = GitRepo(tmp_path / "repo")
    original = page("Eetgroep", body="Elke dinsdag koken en eten we samen in het buurthuis aan de Trumanlaan. Iedereen is welkom.")
    repo.write("wijken/ohg/initiatieven/eetgroep.md", original)
    repo.commit("Eetgroep")
    repo.write("wijken/ohg/initiatieven/eetgroep.md", original.replace("actief", "slapend"))
    repo.commit("Eetgroep slaapt")
    repo.write("wijken/ohg/initiatieven/kookclub.md", original.replace("Eetgroep", "Kookclub"))
    repo.commit("Kookclub, begonnen als kopie van de eetgroep")
    index = HistoryIndex.build(repo.path)
    ours = [c.commit.summary for c in index.history("wijken/ohg/initiatieven/kookclub.md")]
    assert ours == ["Kookclub, begonnen als kopie van de eetgroep"]
    assert len(repo.log_follow("wijken/ohg/initiatieven/kookclub.md")) == 3  # git: the eetgroep's history too
    change = index.history("wijken/ohg/initiatieven/kookclub.md")[0]
    assert index.describe(change).summary == "pagina aangemaakt"
