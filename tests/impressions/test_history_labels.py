"""History pages show the model's Dutch labels for value words, not the raw words."""

from __future__ import annotations

from ..outputs.history_repo import ANOUK, BRAM, Repo, build, initiatief, render, wijk


def test_status_change_reads_with_labels(tmp_path):
    repo = Repo(tmp_path)
    repo.write("content/index.md", "---\ntitle: Test\n---\nWelkom.\n")
    repo.write("wijken/ohg/index.md", wijk())
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "in-opbouw"))
    repo.commit("Eerste versie", ANOUK)
    repo.write("wijken/ohg/initiatieven/eettafel.md", initiatief("Eettafel", "actief"))
    repo.commit("Actief", BRAM)
    b = build(tmp_path)
    history = render(b, "wijken/ohg/initiatieven/eettafel/geschiedenis.md")
    assert "status: in opbouw → actief" in history
    assert "in-opbouw" not in history
    assert "status: in opbouw → actief" in render(b, "recente-wijzigingen/index.md")
