"""Shared fixtures; the helpers themselves live in tests/helpers.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from .helpers import MINIMAL, TODAY, write

__all__ = ["TODAY", "write_site"]


def write_site(root: Path, files: dict[str, str], base: dict[str, str] | None = MINIMAL) -> Path:
    return write(root, files, base)


@pytest.fixture
def site_dir(tmp_path: Path):
    def make(files: dict[str, str], base: dict[str, str] | None = MINIMAL) -> Path:
        return write_site(tmp_path, files, base)

    return make
