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
    opcodes = _opcodes(old_words, new_words)
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


def _opcodes(old: list[str], new: list[str]) -> list[tuple[str, int, int, int, int]]:
    """difflib's opcodes, with the unchanged start and end taken off first.

    Edits to a page are nearly always local; matching only the changed middle keeps the
    quadratic part of difflib small on long pages.
    """
    limit = min(len(old), len(new))
    start = 0
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    middle = SequenceMatcher(None, old[start : len(old) - end], new[start : len(new) - end], autojunk=False)
    ops = [("equal", 0, start, 0, start)] if start else []
    ops += [(tag, i1 + start, i2 + start, j1 + start, j2 + start) for tag, i1, i2, j1, j2 in middle.get_opcodes()]
    if end:
        ops.append(("equal", len(old) - end, len(old), len(new) - end, len(new)))
    return ops


def _add(segments: list[Segment], kind: str, text: str) -> None:
    if not text:
        return
    if segments and segments[-1].kind == kind:
        segments[-1] = Segment(kind, segments[-1].text + text)
    else:
        segments.append(Segment(kind, text))
