"""The history tab reads front matter by the same rule as the loader (the contract: ``---`` lines)."""

from __future__ import annotations

from buurtwiki.content.source import parse_source
from buurtwiki.history.changes import describe_change
from buurtwiki.validation.problems import Problems

OLD = "---\ntitel: Tuin\nstatus: actief\n---\nTekst.\n"


def _loader_errors(text: str) -> list[str]:
    problems = Problems()
    parse_source("x.md", text, problems.for_path("x.md"), need_front_matter=True)
    return [str(p) for p in problems.errors]


def test_yaml_document_end_does_not_close_front_matter():
    dots = "---\ntitel: Tuin\nstatus: slapend\n...\nTekst.\n"
    assert _loader_errors(dots)  # the loader: not closed
    change = describe_change(OLD, dots)
    assert change.fallback  # the history: unreadable too, compared as text, no field lines
    assert change.fields == []


def test_four_dashes_do_not_open_front_matter():
    dashes = "----\ntitel: Tuin\nstatus: slapend\n----\nTekst.\n"
    assert any("begint niet met gegevens" in e for e in _loader_errors(dashes))
    change = describe_change(OLD, dashes)
    assert not change.fallback
    assert [f.field for f in change.fields] == ["titel", "status"]  # all fields gone: it is body text now
    assert change.body_changed


def test_the_contract_fence_with_trailing_spaces_and_bom():
    spaced = "\ufeff--- \ntitel: Tuin\nstatus: slapend\n---  \nTekst.\n"
    assert _loader_errors(spaced.lstrip("\ufeff")) == []
    change = describe_change(OLD, spaced)
    assert [f.text for f in change.fields] == ["status: actief → slapend"]
    assert not change.body_changed
