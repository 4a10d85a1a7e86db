"""Page bodies rendered ahead in a forked process (outputs/ahead.py) give the same site, byte
for byte, as when the build process renders every body; a failed process changes nothing."""

from __future__ import annotations

import pytest

from buurtwiki.outputs import ahead
from buurtwiki.parallel import can_fork

from ..outputs.history_repo import ANOUK, plek, story
from .test_mkdocs_build import ENV
from .test_standalone import build_here, differences


@pytest.fixture
def site(tmp_path, monkeypatch):
    for name, value in ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)
    repo = story(tmp_path)
    for n in range(6):
        repo.write(f"wijken/ohg/plekken/plek-{n}.md", plek(f"Plek {n}"))
    repo.commit("Zes plekken", ANOUK)
    return tmp_path


def _counting(monkeypatch) -> list[int]:
    given = []
    real = ahead.Ahead.get

    def get(self, src_uri, url):
        found = real(self, src_uri, url)
        given.append(found is not None)
        return found

    monkeypatch.setattr(ahead.Ahead, "get", get)
    return given


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_bodies_rendered_ahead_give_the_same_site(site, monkeypatch):
    monkeypatch.setattr(ahead, "MIN_PAGES", 10**9)
    build_here(site, workers=0, site="een")
    monkeypatch.setattr(ahead, "MIN_PAGES", 2)
    given = _counting(monkeypatch)
    build_here(site, workers=0, site="twee")
    assert 0 < sum(given) < len(given)  # half of the bodies came from the forked process
    assert differences(site / "een", site / "twee") == []


def _fails(build, pages):
    raise RuntimeError("kapot")


@pytest.mark.skipif(not can_fork(), reason="forking is not possible on this system")
def test_a_failed_process_leaves_every_body_to_the_build_process(site, monkeypatch):
    monkeypatch.setattr(ahead, "MIN_PAGES", 10**9)
    build_here(site, workers=0, site="een")
    monkeypatch.setattr(ahead, "MIN_PAGES", 2)
    monkeypatch.setattr(ahead, "_pack", _fails)
    given = _counting(monkeypatch)
    build_here(site, workers=0, site="twee")
    assert given and not any(given)
    assert differences(site / "een", site / "twee") == []
