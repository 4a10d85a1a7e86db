"""What decides which pages a change affects (outputs/affected.py): the snapshot of a build holds
nothing that changes between two checkouts of the same files."""

from __future__ import annotations

import os
import shutil

from buurtwiki.outputs.affected import affected_pages, snapshot

from ..helpers import build, write

FILES = {
    "content/index.md": "---\ntitle: Test\n---\nWelkom bij [[test-wijk]].\n",
    "wijken/test-wijk/index.md": "---\ntitel: Testwijk\n---\nDe wijk.\n",
    "wijken/test-wijk/plekken/buurthuis.md": "---\ntitel: Buurthuis\nstatus: open\n---\nZie [[moestuin]].\n",
    "wijken/test-wijk/initiatieven/moestuin.md": "---\ntitel: Moestuin\nstatus: actief\n---\nIn het [[buurthuis]].\n",
    "wijken/test-wijk/grens.geojson": '{"type": "FeatureCollection", "features": []}',
}


def _entity_pages(affected: set[str]) -> set[str]:
    """The places' and initiatives' own pages among ``affected``."""
    return {uri for uri in affected if uri.split("/")[2:3] in (["plekken"], ["initiatieven"]) and not uri.endswith("/index.md")}


def test_the_same_files_in_another_folder_or_with_new_times_affect_no_entity_page(tmp_path):
    """A fresh clone in CI lives elsewhere and gives every file a new modification time. (The
    site-wide overviews are always made again: they are few.)"""
    one = write(tmp_path / "een", FILES)
    other = tmp_path / "twee" / "dieper"
    shutil.copytree(one, other)
    os.utime(other / "wijken" / "test-wijk" / "grens.geojson", (1_000_000, 1_000_000))
    affected = affected_pages(snapshot(build(one)), snapshot(build(other)))
    assert affected is not None and _entity_pages(affected) == set()


def test_an_asset_with_other_bytes_affects_every_page(tmp_path):
    root = write(tmp_path / "site", FILES)
    before = snapshot(build(root))
    (root / "wijken" / "test-wijk" / "grens.geojson").write_text('{"type": "FeatureCollection", "features": [ ]}',
                                                               encoding="utf-8")
    assert affected_pages(before, snapshot(build(root))) is None  # everything


def test_a_changed_place_affects_its_pages_its_neighbour_and_its_wijk_not_the_rest(tmp_path):
    files = {**FILES, "wijken/test-wijk/plekken/bieb.md": "---\ntitel: Bieb\nstatus: open\n---\nAlleen.\n"}
    root = write(tmp_path / "site", files)
    before = snapshot(build(root))
    (root / "wijken/test-wijk/plekken/buurthuis.md").write_text(
        "---\ntitel: Buurthuis\nstatus: open\n---\nZie [[moestuin]]. Nieuw.\n", encoding="utf-8")
    affected = affected_pages(before, snapshot(build(root)))
    assert affected is not None
    assert {"wijken/test-wijk/plekken/buurthuis.md", "wijken/test-wijk/initiatieven/moestuin.md",
            "wijken/test-wijk/index.md"} <= affected
    assert _entity_pages(affected) == {"wijken/test-wijk/plekken/buurthuis.md", "wijken/test-wijk/initiatieven/moestuin.md"}


def test_a_commit_of_a_broken_file_affects_its_wijks_recent_changes(tmp_path):
    """A file whose front matter never ends: its commit is a row in its wijk's recent changes."""
    from ..history.gitrepo import GitRepo

    files = {**FILES, "wijken/andere-wijk/index.md": "---\ntitel: Andere wijk\n---\nDe andere wijk.\n"}
    repo = GitRepo(write(tmp_path / "site", files))
    repo.git("add", "-A")
    repo.commit("Begin")
    before = snapshot(build(repo.path, history=True))
    repo.write("wijken/andere-wijk/plekken/kapot.md", "---\ntitel: [nog niet af\n\nTekst.\n")
    repo.git("add", "-A")
    repo.commit("Een kapotte pagina")
    affected = affected_pages(before, snapshot(build(repo.path, history=True)))
    assert affected is not None and "wijken/andere-wijk/recente-wijzigingen/index.md" in affected


def test_a_commit_in_one_wijk_leaves_the_recent_changes_of_another_wijk(tmp_path):
    """A wijk's list of recent changes is made again only when its rows differ; the site-wide list always."""
    from ..history.gitrepo import GitRepo

    files = {**FILES, "wijken/andere-wijk/index.md": "---\ntitel: Andere wijk\n---\nDe andere wijk.\n",
             "wijken/andere-wijk/plekken/bieb.md": "---\ntitel: Bieb\nstatus: open\n---\nBoeken.\n"}
    repo = GitRepo(write(tmp_path / "site", files))
    repo.git("add", "-A")
    repo.commit("Begin")
    before = snapshot(build(repo.path, history=True))
    repo.write("wijken/test-wijk/plekken/buurthuis.md", "---\ntitel: Buurthuis\nstatus: open\n---\nZie [[moestuin]]. Nieuw.\n")
    repo.commit("Buurthuis aangevuld")
    affected = affected_pages(before, snapshot(build(repo.path, history=True)))
    assert affected is not None
    assert "wijken/test-wijk/recente-wijzigingen/index.md" in affected
    assert "recente-wijzigingen/index.md" in affected
    assert "wijken/andere-wijk/recente-wijzigingen/index.md" not in affected


def test_a_deleted_place_changes_the_agenda_that_names_the_buurttop_held_there(tmp_path):
    """An agenda shows the BuurtTop it came from and where that was held: two steps from the place.
    (Found by the random edits of serve, seed 3: the agenda page kept the deleted place's link.)"""
    files = {**FILES,
             "wijken/test-wijk/activiteiten/buurttop.md": "---\ntitel: BuurtTop\nstart: 2019-04-13 10:00\nplek: buurthuis\n---\nDe dag.\n",
             "wijken/test-wijk/toekomstagenda/2019/index.md": "---\ntitel: Toekomstagenda 2019\nvastgesteld: 2019-04-20\nontstaan_uit: buurttop\n---\nDe agenda.\n"}
    root = write(tmp_path / "site", files)
    old = snapshot(build(root))
    (root / "wijken/test-wijk/plekken/buurthuis.md").unlink()
    affected = affected_pages(old, snapshot(build(root)))
    assert affected is not None and "wijken/test-wijk/toekomstagenda/2019/index.md" in affected
