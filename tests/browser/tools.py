"""The outside tools the browser and HTML tests need, and what to do when one is missing.

Outside CI a missing tool skips the test with a Dutch reason that names the command to install it
(tests/conftest.py lists every skipped check at the end of the run). In CI (CI=true) a missing tool
fails the test, so a check cannot silently disappear.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NPM = REPO / ".cache" / "npm" / "node_modules"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE = Path(os.environ.get("AXE_PATH", NPM / "axe-core/axe.min.js"))
VNU = Path(os.environ.get("VNU_JAR", NPM / "vnu-jar/build/dist/vnu.jar"))
JAVA = shutil.which("java")

INSTALL_NPM = "make test-tools"
INSTALL_APT = "sudo apt-get install {}"


def _missing(tools: tuple[str, ...]) -> list[str]:
    missing = []
    for tool in tools:
        if tool == "playwright":
            try:
                import playwright.sync_api  # noqa: F401
            except ImportError:
                missing.append("Python-pakket playwright (installeer: make install)")
        elif tool == "chromium" and not Path(CHROMIUM).exists():
            missing.append(f"Chromium (installeer: {INSTALL_APT.format('chromium')})")
        elif tool == "axe" and not AXE.is_file():
            missing.append(f"axe-core in {AXE} (installeer: {INSTALL_NPM})")
        elif tool == "java" and not JAVA:
            missing.append(f"Java (installeer: {INSTALL_APT.format('default-jre-headless')})")
        elif tool == "vnu" and not VNU.is_file():
            missing.append(f"de HTML-controle vnu.jar in {VNU} (installeer: {INSTALL_NPM})")
    return missing


def require(check: str, *tools: str) -> None:
    """Skip (or in CI: fail) when one of ``tools`` is missing; ``check`` names the check in plain words."""
    missing = _missing(tools)
    if missing:
        message = f"{check} overgeslagen; ontbreekt: " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
