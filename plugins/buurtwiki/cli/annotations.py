"""`buurtwiki check --format github|gitlab`: problems where a reviewer sees them.

``github`` prints workflow commands (``::error file=…,line=…::…``) so each problem shows on its
line in the pull request; ``gitlab`` prints a Code Quality report (JSON) for a merge request.
Messages hold residents' text: it is escaped as each format requires, so a value cannot end
the command or start a new one (file names with control characters are already refused).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pygit2

from ..validation.problems import Problem

FORMATS = ("text", "github", "gitlab")


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def github(problems: Iterable[Problem]) -> str:
    lines = []
    for p in problems:
        command = "error" if p.is_error else "warning"
        lines.append(f"::{command} file={_property(p.path)},line={max(p.line, 1)},title=buurtwiki check::{_data(p.message)}")
    return "\n".join(lines) + ("\n" if lines else "")


def gitlab(problems: Iterable[Problem]) -> str:
    report = []
    for p in problems:
        digest = hashlib.sha256(f"{p.path}\0{p.line}\0{p.level}\0{p.message}".encode()).hexdigest()
        report.append({
            "description": p.message,
            "check_name": f"buurtwiki-{p.level}",
            "fingerprint": digest,
            "severity": "major" if p.is_error else "minor",
            "location": {"path": p.path, "lines": {"begin": max(p.line, 1)}},
        })
    return json.dumps(report, indent=2, ensure_ascii=False) + "\n"


def repo_prefix(root: Path) -> str:
    """The site folder relative to the git work tree ("" at its top): forges want repository paths."""
    try:
        found = pygit2.discover_repository(str(root))
        workdir = pygit2.Repository(found).workdir if found else None
    except pygit2.GitError:
        workdir = None
    if not workdir:
        return ""
    rel = Path(os.path.relpath(root.resolve(), Path(workdir).resolve())).as_posix()
    return "" if rel == "." or rel.startswith("..") else rel + "/"


def render(problems: list[Problem], fmt: str, root: Path | None = None) -> str:
    if fmt == "text":
        return "".join(f"{p}\n" for p in problems)
    prefix = repo_prefix(root) if root is not None else ""
    if prefix:
        problems = [replace(p, path=prefix + p.path) for p in problems]
    return github(problems) if fmt == "github" else gitlab(problems)
