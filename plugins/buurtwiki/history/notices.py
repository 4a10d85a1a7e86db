"""Warnings about the repository itself: a partial clone, impossible dates, unreadable commits.

In Dutch, for the site maintainer; the index adds them to ``index.warnings``.
"""

from __future__ import annotations

import pygit2

from .model import Commit

PARTIAL = (
    "De geschiedenis is onvolledig: deze kopie is gemaakt met --filter={filter} (een 'partial clone'), "
    "dus oude versies van bestanden ontbreken. Bij die wijzigingen staat dat de inhoud ontbreekt. "
    "Gebruik een volledige clone (fetch-depth: 0, zonder filter). Buurtwiki haalt zelf niets op."
)
BAD_DATE = (
    "Commit {sha} (\"{summary}\") heeft een datum die niet kan bestaan (bijvoorbeeld het jaar 10000 of een "
    "tijdzone van meer dan een dag). De site gebruikt daarvoor {date}."
)
BAD_DATES = "En nog {count} andere commits met een datum die niet kan bestaan."
MAX_DATE_WARNINGS = 5
UNPARSEABLE = (
    "Een commit in de git-geschiedenis is beschadigd of heeft een datum die git niet kan lezen ({error}). "
    "Buurtwiki leest de geschiedenis daarom langzamer, commit voor commit; de datum van zo'n commit kan niet kloppen."
)


def date_warnings(commits: list[Commit]) -> list[str]:
    """A warning for each commit whose impossible date was replaced (at most a few, then a count)."""
    fixed = [c for c in commits if c.date_fixed]
    out = [
        BAD_DATE.format(sha=c.short_sha, summary=c.summary[:60], date=c.date.strftime("%Y-%m-%d %H:%M"))
        for c in fixed[:MAX_DATE_WARNINGS]
    ]
    if len(fixed) > MAX_DATE_WARNINGS:
        out.append(BAD_DATES.format(count=len(fixed) - MAX_DATE_WARNINGS))
    return out


def partial_clone_filter(repo: pygit2.Repository) -> str | None:
    """The filter of a partial clone (``blob:none``), or None for a full clone.

    ``git clone --filter=…`` leaves objects out and marks the remote as "promisor" (it can send
    them later). libgit2 cannot fetch them, and a build should never reach the network.
    """
    try:
        config = repo.config
        promisor = any(
            entry.name.startswith("remote.") and entry.name.endswith((".promisor", ".partialclonefilter"))
            for entry in config
        )
        if not promisor and "extensions.partialclone" not in config:
            return None
        for entry in config:
            if entry.name.startswith("remote.") and entry.name.endswith(".partialclonefilter"):
                return str(entry.value) or "…"
    except (pygit2.GitError, KeyError, ValueError, OSError):
        return None
    return "…"
