"""Two files of one type with the same name: the one git has had longest keeps the name and its
page; the newcomer gets the error, whatever the order of their paths (a pull request that adds
``wijken/amstel-oost/plekken/buurthuis.md`` cannot push ``wijken/zuid/plekken/buurthuis.md`` off
the site and take over the links to it)."""

from __future__ import annotations

from pathlib import Path

from buurtwiki.history import seniority
from buurtwiki.history.seniority import oldest_first
from buurtwiki.stages import load_checked_site

from ..outputs.history_repo import Repo, initiatief, plek, wijk

OLD = "wijken/zuid/plekken/buurthuis.md"
NEW = "wijken/amstel-oost/plekken/buurthuis.md"  # sorts first


def _repo(tmp_path: Path) -> Repo:
    repo = Repo(tmp_path / "repo")
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("wijken/zuid/index.md", wijk("Zuid"))
    repo.write(OLD, plek("Buurthuis Zuid"))
    repo.write("wijken/zuid/initiatieven/eettafel.md", initiatief("Eettafel").replace("---\n\n", "plekken: [buurthuis]\n---\n\n"))
    repo.commit("Zuid")
    repo.write("wijken/amstel-oost/index.md", wijk("Amstel-Oost"))
    return repo


def _winner_and_errors(root: Path) -> tuple[str, list[str]]:
    site = load_checked_site(root)
    errors = [f"{p.path}: {p.message}" for p in site.problems.errors]
    return site.by_key["plek:buurthuis"].path, errors


def test_a_committed_newcomer_gets_the_error_and_the_old_page_keeps_its_name(tmp_path):
    repo = _repo(tmp_path)
    repo.write(NEW, plek("Buurthuis Amstel-Oost"))
    repo.commit("Nieuwe wijk")
    winner, errors = _winner_and_errors(repo.path)
    assert winner == OLD
    assert len(errors) == 1 and errors[0].startswith(NEW) and OLD in errors[0] and "niet gepubliceerd" in errors[0]
    assert NEW not in load_checked_site(repo.path).by_path  # no link may lead to the page that is not published


def test_an_uncommitted_newcomer_gets_the_error(tmp_path):
    repo = _repo(tmp_path)
    repo.commit("Amstel-Oost")
    repo.write(NEW, plek("Buurthuis Amstel-Oost"))  # not committed
    assert _winner_and_errors(repo.path)[0] == OLD


def test_in_a_pull_requests_merge_commit_the_target_branch_decides(tmp_path):
    repo = _repo(tmp_path)
    repo.commit("Amstel-Oost")
    repo.git("checkout", "-q", "-b", "voorstel")
    repo.write(NEW, plek("Buurthuis Amstel-Oost"))
    repo.commit("Voorstel")
    repo.git("checkout", "-q", "main")
    repo.write("wijken/zuid/plekken/buurthuis.md", plek("Buurthuis Zuid", body="Nu met tuin."))
    repo.commit("Tuin")
    repo.git("merge", "-q", "--no-ff", "voorstel", "-m", "Merge voorstel")  # as CI checks out a pull request
    assert _winner_and_errors(repo.path)[0] == OLD


def test_without_git_or_when_both_are_new_the_first_path_keeps_the_name(tmp_path):
    repo = Repo(tmp_path / "repo")
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.commit("Begin")
    for folder, title in (("zuid", "Zuid"), ("amstel-oost", "Amstel-Oost")):
        repo.write(f"wijken/{folder}/index.md", wijk(title))
        repo.write(f"wijken/{folder}/plekken/buurthuis.md", plek(f"Buurthuis {title}"))  # neither committed
    assert _winner_and_errors(repo.path)[0] == NEW
    assert oldest_first(tmp_path / "geen-git", [[OLD, NEW]]) == [[NEW, OLD]]


def test_the_walk_back_is_bounded(tmp_path, monkeypatch):
    repo = _repo(tmp_path)
    repo.write(NEW, plek("Buurthuis Amstel-Oost"))
    repo.commit("Beide")
    for n in range(3):
        repo.write("wijken/zuid/index.md", wijk(f"Zuid {n}"))
        repo.commit(f"Stap {n}")
    assert oldest_first(repo.path, [[NEW, OLD]]) == [[OLD, NEW]]  # OLD is one commit older
    monkeypatch.setattr(seniority, "MAX_STEPS", 2)  # both present in every commit looked at: a tie
    assert oldest_first(repo.path, [[NEW, OLD]]) == [[NEW, OLD]]
