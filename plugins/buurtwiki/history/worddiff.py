"""A word-level diff of two texts, as segments a template can show: equal, added, removed.

Long equal stretches are shortened to a few words of context around "…", so a reader sees what
changed and just enough around it.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import islice
from typing import NamedTuple

EQUAL = "gelijk"
ADDED = "toegevoegd"
REMOVED = "verwijderd"
ELLIPSIS = "…"

_TOKEN = re.compile(r"\S+\s*")


class Segment(NamedTuple):
    kind: str  # gelijk, toegevoegd or verwijderd
    text: str


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
    if old == new:
        return []
    old_pieces, new_pieces = _changed_pieces(old, new, keep=context + 3)
    old_words = [p.rstrip() for p in old_pieces]
    new_words = [p.rstrip() for p in new_pieces]
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


def _changed_pieces(old: str, new: str, keep: int) -> tuple[list[str], list[str]]:
    """The words of both texts (each with the white space after it), around the changed part only.

    The unchanged start and end are found by comparing characters, which is fast, and only
    their ``keep`` words nearest to the change are kept: that is all a shortened equal stretch
    shows. A history page compares thousands of versions of long pages that differ in a line.
    """
    limit = min(len(old), len(new))
    same_start = _common_length(old, new, limit, backwards=False)
    same_end = _common_length(old, new, limit - same_start, backwards=True)
    start = _word_start_before(old, same_start)
    old_end = _word_start_after(old, len(old) - same_end)
    new_end = old_end + len(new) - len(old)
    old_middle = _TOKEN.findall(old, start, old_end)
    new_middle = _TOKEN.findall(new, start, new_end)
    head = _last_pieces(old, start, keep)
    # Matching the start first can take words from the unchanged end (``a a b`` → ``a b``):
    # keep as many more of them as the changed part has.
    more = max(len(old_middle), len(new_middle))
    tail = [m.group() for m in islice(_TOKEN.finditer(old, old_end), keep + more)]
    return head + old_middle + tail, head + new_middle + tail


def _common_length(a: str, b: str, limit: int, backwards: bool) -> int:
    """How many characters ``a`` and ``b`` share at the start (or end), at most ``limit``.
    Halving the span each time keeps the comparing in C: linear in the length."""
    low, high = 0, limit
    while low < high:
        mid = (low + high + 1) // 2
        if backwards:
            same = a[len(a) - mid : len(a) - low] == b[len(b) - mid : len(b) - low]
        else:
            same = a[low:mid] == b[low:mid]
        if same:
            low = mid
        else:
            high = mid - 1
    return low


def _is_word_start(text: str, i: int) -> bool:
    return not text[i].isspace() and (i == 0 or text[i - 1].isspace())


def _word_start_before(text: str, end: int) -> int:
    """The last start of a word before ``end`` (0 if none): the text before it is whole words."""
    i = end - 1
    while i > 0 and not _is_word_start(text, i):
        i -= 1
    return max(i, 0)


def _word_start_after(text: str, begin: int) -> int:
    """The first start of a word after ``begin`` (the end if none): the text from it is whole words."""
    i = begin + 1
    while i < len(text) and not _is_word_start(text, i):
        i += 1
    return min(i, len(text))


def _last_pieces(text: str, end: int, keep: int) -> list[str]:
    """The last ``keep`` words of ``text[:end]``, read from a window that grows as needed."""
    size = 64 * keep
    while True:
        begin = max(0, end - size)
        pieces = _TOKEN.findall(text, begin, end)
        if begin == 0 or len(pieces) > keep:  # a window's first piece may be cut off: never used
            return pieces[-keep:]
        size *= 4


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
