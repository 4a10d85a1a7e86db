"""Helpers for tests: write a small site, build it with a fixed date, render one page."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

from buurtwiki.build import Build, BuildOptions, run
from buurtwiki.outputs.render import RenderContext

TODAY = dt.date(2026, 11, 21)

MINIMAL = {
    "content/index.md": "---\ntitle: Test\n---\nWelkom bij [[test-wijk]].\n",
    "wijken/test-wijk/index.md": "---\ntitel: Testwijk\n---\nDe wijk.\n",
}


def write(root: Path, files: dict[str, str], base: dict[str, str] | None = None) -> Path:
    """Write ``files`` (dedented) under ``root``; ``base`` files first."""
    for rel, text in {**(base or {}), **files}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


def build(root: Path, today: dt.date = TODAY, **options) -> Build:
    """The core pipeline without git history, on a fixed build date."""
    return run(BuildOptions(root=root, today=today, **{"history": False, **options}))


def render(b: Build, src_uri: str) -> str:
    page = b.outputs.pages[src_uri]
    return page.render(RenderContext(b, page.url))
