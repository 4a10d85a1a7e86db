"""Heading ids for ``h2`` and ``h3``, unique within a page, in linear time.

The same ids as mdit-py-plugins' anchors plugin (GitHub-style slugs, ``-1``, ``-2`` … for
repeats), but its de-duplication tries every number from 1 for each repeat: 40,000 identical
headings took over a minute. Here each slug remembers the next number to try.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.anchors.index import slugify

from .ids import resident_id

MAX_SLUG = 100  # characters of a heading id; a very long heading gets a shorter id


class UniqueSlugs:
    """Hands out unique slugs; each slug tried is in ``taken`` at most once, so the total is linear."""

    def __init__(self, taken: set[str] | None = None) -> None:
        self.taken = set(taken or ())
        self.next: dict[str, int] = {}

    def add(self, slug: str) -> str:
        unique, number = slug, self.next.get(slug, 1)
        if slug in self.taken:
            unique = f"{slug}-{number}"
            while unique in self.taken:
                number += 1
                unique = f"{slug}-{number}"
            self.next[slug] = number + 1
        self.taken.add(unique)
        return unique


def _anchors(state: StateCore, levels: tuple[str, ...]) -> None:
    tokens = state.tokens
    slugs = UniqueSlugs({str(t.attrGet("id")) for t in tokens if t.type == "heading_open" and t.attrGet("id")})
    for idx, token in enumerate(tokens):
        if token.type != "heading_open" or token.tag not in levels or token.attrGet("id"):
            continue
        children = tokens[idx + 1].children or []
        title = "".join(c.content for c in children if c.type in ("text", "code_inline"))
        token.attrSet("id", slugs.add(resident_id(slugify(title[: MAX_SLUG * 4])[:MAX_SLUG])))


def anchors_plugin(md: MarkdownIt, min_level: int = 2, max_level: int = 3) -> None:
    levels = tuple(f"h{n}" for n in range(min_level, max_level + 1))
    md.core.ruler.push("anchor", lambda state: _anchors(state, levels))
