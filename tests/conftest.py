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


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Name every skipped check in plain words at the end of the run, with how to run it.

    Without this, a missing tool (Chromium, axe-core, Java, vnu.jar) makes a check vanish silently:
    pytest only shows an "s" unless run with -rs.
    """
    reasons: dict[str, list[str]] = {}
    for report in terminalreporter.stats.get("skipped", []):
        longrepr = report.longrepr
        reason = longrepr[2] if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
        reasons.setdefault(reason.removeprefix("Skipped: "), []).append(report.nodeid)
    if not reasons:
        return
    count = sum(len(ids) for ids in reasons.values())
    terminalreporter.section(f"{count} {'test' if count == 1 else 'tests'} niet gedraaid", sep="=", yellow=True, bold=True)
    for reason, ids in reasons.items():
        tests = ", ".join(node.rsplit("::", 1)[-1] for node in ids[:3]) + (" …" if len(ids) > 3 else "")
        terminalreporter.write_line(f"- {reason}\n  ({tests})")
    terminalreporter.write_line("Alles installeren en alle tests draaien zoals in CI: .ci/run")
