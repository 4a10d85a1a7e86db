"""The demo site as `make serve` shows it (built from the replayed story repository), served over HTTP."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ..adapters.test_mkdocs_build import build
from .tools import served

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Path:
    """The built demo: `site/` of a repository replayed from demo/verhaal.yml."""
    sys.path.insert(0, str(REPO / "demo"))
    import maak_demo

    root = tmp_path_factory.mktemp("demo-site") / "demo"
    maak_demo.build(root)
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def demo_url(demo_site):
    """Per module, and the thread is joined: later tests fork only when no other thread runs."""
    with served(demo_site) as url:
        yield url
