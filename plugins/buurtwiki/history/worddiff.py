"""A word-level diff of two texts, as segments a template can show: equal, added, removed.

Long equal stretches are shortened to a few words of context around "…", so a reader sees what
changed and just enough around it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import NamedTuple

EQUAL = "gelijk"
ADDED = "toegevoegd"
REMOVED = "verwijderd"
ELLIPSIS = "…"

_TOKEN = re.compile(r"\S+\s*")


class Segment(NamedTuple):
    kind: str  # gelijk, toegevoegd or verwijderd
    text: str


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The words, and each word with the white space after it."""
    pieces = _TOKEN.findall(text)
    return [p.rstrip() for p in pieces], pieces


def _shorten(pieces: list[str], context: int, first: bool, last: bool) -> str:
    """An equal stretch, with only ``context`` words kept next to each change."""
    keep_start = 0 if first else context
    keep_end = 0 if last else context
    if len(pieces) <= keep_start + keep_end + 2:
        return "".join(pieces)
    head = "".join(pieces[:keep_start])
    tail = "".join(pieces[len(pieces) - keep_end :]) if keep_end else ""
    return head + ELLIPSIS + (" " + tail if tail else " ")


def word_diff(old: str, new: str, *, context: int = 5) -> list[Segment]:
    """Segments that turn ``old`` into ``new``; empty when the words are the same."""
    old_words, old_pieces = _tokens(old)
    new_words, new_pieces = _tokens(new)
    if old_words == new_words:
        return []
    matcher = SequenceMatcher(None, old_words, new_words, autojunk=False)
    opcodes = matcher.get_opcodes()
    segments: list[Segment] = []
    for n, (tag, i1, i2, j1, j2) in enumerate(opcodes):
        if tag == "equal":
            text = _shorten(new_pieces[j1:j2], context, first=n == 0, last=n == len(opcodes) - 1)
            _add(segments, EQUAL, text)
            continue
        if i2 > i1:
            _add(segments, REMOVED, "".join(old_pieces[i1:i2]))
        if j2 > j1:
            _add(segments, ADDED, "".join(new_pieces[j1:j2]))
    return segments


def _add(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))
