"""Data files made in a forked process while the build renders its pages: the same bytes as
made here, and made here whenever the forked process reported a problem or cannot run."""

from __future__ import annotations

import os

import pytest

from buurtwiki.outputs import files_meanwhile
from buurtwiki.outputs.files_meanwhile import make_meanwhile
from buurtwiki.outputs.page import OutputFile
from buurtwiki.parallel import can_fork
from buurtwiki.validation.problems import Problems

forking = pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")


def _files(made: list[str], problems: Problems | None = None) -> dict[str, OutputFile]:
    def geojson() -> str:
        made.append("kaart")
        return f'{{"type": "FeatureCollection", "by": {os.getpid()}}}'

    def feed() -> bytes:
        made.append("feed")
        if problems is not None:
            problems.warning("wijken/ohg/index.md", 3, "een waarschuwing tijdens het maken")
        return b"<feed>%d</feed>" % os.getpid()

    return {
        "data/plekken.geojson": OutputFile("data/plekken.geojson", geojson, "application/geo+json"),
        "feeds/alles.xml": OutputFile("feeds/alles.xml", feed, "application/atom+xml"),
        "plaatjes/kaart.png": OutputFile("plaatjes/kaart.png", lambda: b"\x89PNG"),  # copied: left alone
    }


@forking
def test_files_are_made_by_the_forked_process_once_and_read_here():
    made: list[str] = []
    files = _files(made)
    copied = files["plaatjes/kaart.png"].content
    assert make_meanwhile(files, Problems())
    here = str(os.getpid()).encode()
    first = files["data/plekken.geojson"].data()
    assert first.startswith(b'{"type": "FeatureCollection"') and here not in first  # made over there
    assert files["data/plekken.geojson"].data() == first  # asked again (the open-data page, then the file)
    assert files["feeds/alles.xml"].data().startswith(b"<feed>")
    assert made == []  # nothing was made in this process
    assert files["plaatjes/kaart.png"].content is copied


@forking
def test_a_problem_reported_while_making_means_every_file_is_made_here():
    made: list[str] = []
    problems = Problems()
    files = _files(made, problems)
    assert make_meanwhile(files, problems)
    here = str(os.getpid()).encode()
    assert here in files["data/plekken.geojson"].data()
    assert here in files["feeds/alles.xml"].data()
    assert sorted(made) == ["feed", "kaart"]
    assert len(problems) == 1  # the parent's own report, once


def test_without_forking_nothing_changes(monkeypatch):
    monkeypatch.setattr(files_meanwhile, "can_fork", lambda: False)
    made: list[str] = []
    files = _files(made)
    before = {path: file.content for path, file in files.items()}
    assert not make_meanwhile(files, Problems())
    assert {path: file.content for path, file in files.items()} == before
