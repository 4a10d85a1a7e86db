"""``[[slug]]``, ``[[slug|tekst]]`` and ``[[type:slug]]`` as a markdown-it-py inline rule.

Because it is a parser rule, a wikilink inside inline code or a code block stays literal text.
The rule only records the target; rendering asks ``env["wikilink"]`` to resolve it.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.rules_inline import StateInline

_WIKILINK = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")


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
            "line_offset": state.src.count("\n", 0, state.pos),
        }
        token.content = match.group(0)
    state.pos = match.end()
    return True


def wikilinks_plugin(md: MarkdownIt) -> None:
    md.inline.ruler.before("link", "wikilink", wikilink_rule)
    md.add_render_rule("wikilink", render_wikilink)


def render_wikilink(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    resolve = env.get("wikilink") if isinstance(env, dict) else None
    if resolve is None:
        return escapeHtml(token.content)
    return resolve(token.meta["target"], token.meta["text"])
