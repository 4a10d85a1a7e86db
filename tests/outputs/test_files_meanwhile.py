"""Data files made in a forked process while the build renders its pages: the same bytes as
made here, and made here whenever the forked process reported a problem or cannot run.

The forking cases run in a fresh Python process: forking is refused (parallel.can_fork) while
other threads run, and earlier tests in this process may have left some."""

from __future__ import annotations

import subprocess
import sys

from buurtwiki.outputs import files_meanwhile
from buurtwiki.outputs.files_meanwhile import make_meanwhile
from buurtwiki.validation.problems import Problems

FILES = """
import os
from buurtwiki.outputs.files_meanwhile import make_meanwhile
from buurtwiki.outputs.page import OutputFile
from buurtwiki.parallel import can_fork
from buurtwiki.validation.problems import Problems

made = []
problems = Problems()

def geojson():
    made.append("kaart")
    return '{"type": "FeatureCollection", "by": %d}' % os.getpid()

def feed():
    made.append("feed")
    if WARN:
        problems.warning("wijken/ohg/index.md", 3, "een waarschuwing tijdens het maken")
    return b"<feed>%d</feed>" % os.getpid()

copied = lambda: b"PNG"
files = {
    "data/plekken.geojson": OutputFile("data/plekken.geojson", geojson, "application/geo+json"),
    "feeds/alles.xml": OutputFile("feeds/alles.xml", feed, "application/atom+xml"),
    "plaatjes/kaart.png": OutputFile("plaatjes/kaart.png", copied),  # copied: left alone
}
if not can_fork():
    print("CANNOT FORK")
    raise SystemExit(0)
assert make_meanwhile(files, problems)
here = str(os.getpid()).encode()
"""

MADE_THERE = FILES.replace("WARN", "False") + """
first = files["data/plekken.geojson"].data()
assert first.startswith(b'{"type": "FeatureCollection"') and here not in first, first  # made over there
assert files["data/plekken.geojson"].data() == first  # asked again (the open-data page, then the file)
assert files["feeds/alles.xml"].data().startswith(b"<feed>")
assert made == [], made  # nothing was made in this process
assert files["plaatjes/kaart.png"].content is copied
print("OK")
"""

MADE_HERE = FILES.replace("WARN", "True") + """
assert here in files["data/plekken.geojson"].data()
assert here in files["feeds/alles.xml"].data()
assert sorted(made) == ["feed", "kaart"], made
assert len(problems) == 1  # the parent's own report, once
print("OK")
"""


def _run(program: str) -> str:
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_files_are_made_by_the_forked_process_once_and_read_here():
    assert _run(MADE_THERE) in ("OK", "CANNOT FORK")


def test_a_problem_reported_while_making_means_every_file_is_made_here():
    assert _run(MADE_HERE) in ("OK", "CANNOT FORK")


def test_without_forking_nothing_changes(monkeypatch):
    from buurtwiki.outputs.page import OutputFile

    monkeypatch.setattr(files_meanwhile, "can_fork", lambda: False)
    files = {"data/x.json": OutputFile("data/x.json", lambda: b"{}", "application/json")}
    before = {path: file.content for path, file in files.items()}
    assert not make_meanwhile(files, Problems())
    assert {path: file.content for path, file in files.items()} == before
