"""``[[slug]]``, ``[[slug|tekst]]`` and ``[[type:slug]]`` as a markdown-it-py inline rule.

Because it is a parser rule, a wikilink inside inline code or a code block stays literal text.
The rule only records the target; rendering asks ``env["wikilink"]`` to resolve it.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline

_NEWLINE = re.compile("\n")
# Bounded lengths: a longer "wikilink" stays plain text, and no message quotes a page of it.
_WIKILINK = re.compile(r"\[\[([^\[\]|\n]{1,200}?)(?:\|([^\[\]\n]{1,500}?))?\]\]")


def wikilink_rule(state: StateInline, silent: bool) -> bool:
    if not state.src.startswith("[[", state.pos):
        return False
    match = _WIKILINK.match(state.src, state.pos)
    if not match:
        return False
    if not silent:
        token = state.push("wikilink", "a", 0)
        target = match.group(1).strip()
        token.meta = {
            "target": target,
            "text": (match.group(2) or "").strip(),
            "line_offset": _line_offset(state),
        }
        token.content = match.group(0)
    state.pos = match.end()
    return True


def _line_offset(state: StateInline) -> int:
    """Newlines before ``state.pos`` in this inline block: the newline positions are found once per
    block (kept in ``env``), then each wikilink costs a binary search, not a count from the start."""
    cached = state.env.get("_bw_newlines") if isinstance(state.env, dict) else None
    if cached is None or cached[0] is not state.src:
        cached = (state.src, [m.start() for m in _NEWLINE.finditer(state.src)])
        if isinstance(state.env, dict):
            state.env["_bw_newlines"] = cached
    return bisect_left(cached[1], state.pos)


def wikilinks_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
    md.add_render_rule("wikilink", render_wikilink)


def render_wikilink(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    resolve = env.get("wikilink") if isinstance(env, dict) else None
    if resolve is None:
        return escapeHtml(token.content)
    return resolve(token.meta["target"], token.meta["text"])
