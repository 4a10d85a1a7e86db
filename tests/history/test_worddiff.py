"""The word diff reads only the changed part of long texts, and shows the same as a full diff."""

from __future__ import annotations

import random
import re
from difflib import SequenceMatcher

from buurtwiki.history.worddiff import ADDED, ELLIPSIS, EQUAL, REMOVED, Segment, word_diff


def plain_word_diff(old: str, new: str, context: int = 5) -> list[Segment]:
    """The straightforward algorithm: every word of both texts, the same start and end matched
    first, difflib on the rest. ``word_diff`` must give exactly this, only faster."""
    old_pieces, new_pieces = re.findall(r"\S+\s*", old), re.findall(r"\S+\s*", new)
    a, b = [p.rstrip() for p in old_pieces], [p.rstrip() for p in new_pieces]
    if a == b:
        return []
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    matcher = SequenceMatcher(None, a[start : len(a) - end], b[start : len(b) - end], autojunk=False)
    ops = [("equal", 0, start, 0, start)] if start else []
    ops += [(t, i1 + start, i2 + start, j1 + start, j2 + start) for t, i1, i2, j1, j2 in matcher.get_opcodes()]
    if end:
        ops.append(("equal", len(a) - end, len(a), len(b) - end, len(b)))
    out: list[Segment] = []

    def add(kind: str, text: str) -> None:
        if text and out and out[-1].kind == kind:
            out[-1] = Segment(kind, out[-1].text + text)
        elif text:
            out.append(Segment(kind, text))

    for n, (tag, i1, i2, j1, j2) in enumerate(ops):
        if tag == "equal":
            pieces = new_pieces[j1:j2]
            keep_start = 0 if n == 0 else context
            keep_end = 0 if n == len(ops) - 1 else context
            if len(pieces) <= keep_start + keep_end + 2:
                add(EQUAL, "".join(pieces))
            else:
                tail = "".join(pieces[len(pieces) - keep_end :]) if keep_end else ""
                add(EQUAL, "".join(pieces[:keep_start]) + ELLIPSIS + (" " + tail if tail else " "))
            continue
        add(REMOVED, "".join(old_pieces[i1:i2]))
        add(ADDED, "".join(new_pieces[j1:j2]))
    return out


WORDS = ["de", "het", "buurt", "tuin", "a", "b", "ë", "\u00a0", "wijk", "x"]
SPACES = [" ", "  ", "\n", "\n\n", "\t", " \n"]


def test_same_segments_as_the_plain_algorithm_on_random_edits() -> None:
    rnd = random.Random(7)

    def text(words: int) -> str:
        out = [rnd.choice(SPACES)] if rnd.random() < 0.2 else []
        for _ in range(words):
            out += [rnd.choice(WORDS), rnd.choice(SPACES)]
        return "".join(out[:-1] if out and rnd.random() < 0.5 else out)

    def edit(value: str) -> str:
        chars = list(value)
        for _ in range(rnd.randint(1, 4)):
            i = rnd.randint(0, len(chars))
            roll = rnd.random()
            if roll < 0.4:
                chars[i:i] = rnd.choice(WORDS) + rnd.choice(SPACES)
            elif roll < 0.7:
                del chars[i : i + rnd.randint(1, 5)]
            else:
                chars[i : i + 1] = rnd.choice(SPACES)
        return "".join(chars)

    for _ in range(3000):
        old = text(rnd.randint(0, 40))
        new = edit(old) if rnd.random() < 0.9 else text(rnd.randint(0, 40))
        for context in (5, 1, 0):
            assert word_diff(old, new, context=context) == plain_word_diff(old, new, context), (old, new, context)


def test_a_line_changed_in_a_long_page_shows_the_change_with_context() -> None:
    old = " ".join(f"woord{n}" for n in range(5000))
    new = old.replace("woord2500 ", "nieuw woord2500 ")
    segments = word_diff(old, new)
    assert segments == plain_word_diff(old, new)
    assert [s.kind for s in segments] == [EQUAL, ADDED, EQUAL]
    assert segments[0].text == "… woord2495 woord2496 woord2497 woord2498 woord2499 "
    assert segments[1].text == "nieuw "
    assert segments[2].text == "woord2500 woord2501 woord2502 woord2503 woord2504 … "


def test_repeated_words_at_the_edges() -> None:
    for old, new in [("a a a a a a a a a a b", "a a a a a a a a a b"), ("a " * 30, "a " * 29), ("b " + "a " * 20, "a " * 20)]:
        assert word_diff(old, new) == plain_word_diff(old, new)
