"""`make test` names every skipped check at the end; in CI a missing tool fails instead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TEST = "tests/browser/test_accessibility.py"


def _run(**env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k != "CI"} | {"AXE_PATH": "/bestaat/niet/axe.min.js", **env}
    return subprocess.run([sys.executable, "-m", "pytest", TEST, "-p", "no:cacheprovider"], cwd=REPO, env=environment,
                          capture_output=True, text=True, timeout=300)


def test_missing_tool_is_named_at_the_end_with_the_command_to_install_it():
    result = _run()
    assert result.returncode == 0, result.stdout[-2000:]
    summary = result.stdout[result.stdout.index("niet gedraaid"):]
    assert "de toegankelijkheidstest" in summary and "axe-core" in summary
    assert "make test-tools" in summary and ".ci/run" in summary


def test_missing_tool_fails_in_ci():
    result = _run(CI="true")
    assert result.returncode != 0
    assert "ontbreekt: axe-core" in result.stdout
