"""A link checker for built sites: every internal link points to a file that exists."""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

HREF = re.compile(r'\b(?:href|src)="([^"]{0,2000})"')


def broken_links(site: Path) -> list[str]:
    broken = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        for href in HREF.findall(text):
            parts = urlsplit(href.replace("&amp;", "&"))
            if parts.scheme or parts.netloc or not parts.path or href.startswith("#"):
                continue
            path = unquote(parts.path)
            target = (site / path.lstrip("/") if path.startswith("/") else page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)}: {href}")
    return broken
