"""Shared helpers: write a small site to a temporary folder."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

TODAY = dt.date(2026, 11, 21)

MINIMAL = {
    "content/index.md": "---\ntitle: Test\n---\nWelkom bij [[test-wijk]].\n",
    "wijken/test-wijk/index.md": "---\ntitel: Testwijk\n---\nDe wijk.\n",
}


def write_site(root: Path, files: dict[str, str], base: dict[str, str] | None = MINIMAL) -> Path:
    for rel, text in {**(base or {}), **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture
def site_dir(tmp_path: Path):
    def make(files: dict[str, str], base: dict[str, str] | None = MINIMAL) -> Path:
        return write_site(tmp_path, files, base)

    return make
