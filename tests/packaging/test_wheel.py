"""The built package carries every template, asset and scaffold file a new site needs."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib import resources
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_wheel_contains_all_package_files(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", str(REPO), "-w", str(tmp_path)],
                   check=True, capture_output=True, timeout=300)
    wheel = next(tmp_path.glob("buurtwiki-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    package = resources.files("buurtwiki")
    expected = []
    for folder in ("templates", "assets", "scaffold", "defaults"):
        for path in Path(str(package.joinpath(folder))).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                expected.append("buurtwiki/" + path.relative_to(Path(str(package))).as_posix())
    missing = [name for name in expected if name not in names]
    assert expected and not missing, missing
    assert {"buurtwiki/assets/vendor/leaflet/leaflet.js", "buurtwiki/assets/vendor/leaflet/LICENSE"} <= names
    entry_points = zipfile.ZipFile(wheel).read(next(n for n in names if n.endswith("entry_points.txt"))).decode()
    assert "buurtwiki = buurtwiki.adapters.mkdocs.plugin:BuurtwikiPlugin" in entry_points
    assert "buurtwiki = buurtwiki.cli.main:main" in entry_points
