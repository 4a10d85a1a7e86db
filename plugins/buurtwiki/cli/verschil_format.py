"""`buurtwiki verschil` as Markdown (PR comment, job summary), plain text or JSON."""

from __future__ import annotations

import json
import re
from dataclasses import asdict

from .verschil import PageDiff, Summary

# Enough to stop links, images, HTML, emphasis, tables and headings; value words such as
# "in-opbouw" and titles with a colon stay as they are, so they can be searched for.
MD_SPECIAL = re.compile(r"([\\`*_\[\]#!|<>~])")
CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]+")
MAX_LINE = 300


def plain(text: str) -> str:
    """One line, no control or bidi characters, not too long."""
    text = CONTROL.sub(" ", text).strip()
    return text if len(text) <= MAX_LINE else text[: MAX_LINE - 1] + "…"


def md(text: str) -> str:
    """Residents' text as literal Markdown: no links, images, HTML or headings."""
    return MD_SPECIAL.sub(r"\\\1", plain(text))


def _heading(page: PageDiff) -> str:
    what = {"nieuw": "Nieuw", "verwijderd": "Verwijderd", "hernoemd": "Hernoemd", "gewijzigd": "Aangepast"}[page.status]
    kind = f"{page.type}: " if page.type else ""
    return f"{what}: {kind}{page.title}"


def _lines(page: PageDiff) -> list[str]:
    lines = []
    if page.status == "hernoemd":
        lines.append(f"adres: {page.old_url or page.old_path} → {page.url or page.path}")
    lines += page.fields
    lines += [f"verwijzing {line}" for line in page.references]
    lines += page.responses
    if page.words_added or page.words_removed:
        lines.append(f"tekst: ongeveer +{page.words_added} / −{page.words_removed} woorden")
    lines += [f"probleem: {p}" for p in page.problems]
    return lines


def _count(summary: Summary) -> str:
    n = len(summary.pages) + summary.more
    if not n:
        return "Geen pagina's veranderd."
    counts: dict[str, int] = {}
    for page in summary.pages:
        counts[page.status] = counts.get(page.status, 0) + 1
    parts = ", ".join(f"{v} {k}" for k, v in counts.items())
    return f"{n} {'pagina' if n == 1 else 'pagina' + chr(39) + 's'} veranderd ({parts})."


def markdown(summary: Summary) -> str:
    out = ["## Wat verandert er op de site?", "", _count(summary), ""]
    for page in summary.pages:
        out.append(f"### {md(_heading(page))}")
        out.append("")
        out.append(f"Bestand: `{plain(page.path).replace('`', '')}`")
        out.append("")
        out += [f"- {md(line)}" for line in _lines(page)]
        out.append("")
    if summary.more:
        out.append(f"En nog {summary.more} pagina's; die staan hier niet.")
    problems = sum(len(p.problems) for p in summary.pages)
    if problems:
        out.append(f"**Let op:** {problems} {'probleem' if problems == 1 else 'problemen'} in de veranderde pagina's.")
    return "\n".join(out).rstrip() + "\n"


def text(summary: Summary) -> str:
    out = [_count(summary)]
    for page in summary.pages:
        out.append("")
        out.append(f"{plain(_heading(page))} ({plain(page.path)})")
        out += [f"  - {plain(line)}" for line in _lines(page)]
    if summary.more:
        out.append(f"En nog {summary.more} pagina's.")
    return "\n".join(out) + "\n"


def as_json(summary: Summary) -> str:
    return json.dumps(asdict(summary), indent=2, ensure_ascii=False) + "\n"


def render(summary: Summary, fmt: str) -> str:
    return {"markdown": markdown, "text": text, "json": as_json}[fmt](summary)
