"""Residents' text made safe to publish: no plain e-mail address, no control characters.

The one implementation, used for every text a resident wrote before any output sees it: front
matter values (content/loader.py, validation/page_meta.py), page bodies (markup/markdown.py) and
old versions in the history (history/index.py). ``contact.email`` is written the same way by the
infobox, where a small script turns it into a mail link.

Everything here is linear in the length of the text: no regex that can backtrack. Strangers
write commit messages, names and page texts; a quadratic regex on 100 KB is minutes of build.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

AT_WORD = " [apenstaartje] "  # as on the entity pages: "naam [apenstaartje] domein.nl"
_WORD = re.compile(r"[^\s<>()\"'`,;]+")  # a run of non-separators: each character is looked at once
# Control characters, bidirectional overrides (U+202E turns "gpj.exe" around) and the
# characters XML 1.0 forbids.
_INVISIBLE = dict.fromkeys(
    [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0x200E, 0x200F,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A), 0xFEFF, 0xFFFE, 0xFFFF, *range(0xD800, 0xE000)]
)


def clean_text(text: str) -> str:
    """The text without control characters and direction overrides (newlines and tabs stay)."""
    return text.translate(_INVISIBLE)


def is_address(word: str) -> bool:
    """Looks like an e-mail address: something, @, something with a dot."""
    before, at, after = word.partition("@")
    return bool(at and before.strip("@") and "." in after.strip("."))


def obfuscate_emails(text: str) -> str:
    """Every e-mail address written as on the entity pages: ``naam [apenstaartje] domein.nl``.

    The reader can still see the address, a harvester finds no ``a@b.nl`` in the page."""
    if "@" not in text:
        return text
    out: list[str] = []
    last = 0
    for start, end in email_spans(text):
        out += [text[last:start], text[start:end].replace("@", AT_WORD)]
        last = end
    out.append(text[last:])
    return "".join(out)


def email_spans(text: str) -> Iterator[tuple[int, int]]:
    """Where the e-mail addresses stand in ``text``, in order (one pass over the words)."""
    for match in _WORD.finditer(text):
        word = match.group()
        if "@" in word and is_address(word):
            yield match.span()


_TAG = re.compile(r"(<[^<>]*>)")  # a tag of sanitised HTML (its attribute values hold no < or >)


def obfuscate_emails_in_html(html: str) -> str:
    """Sanitised HTML with no address in its source and none in its visible text either: tags can
    split an address (``piet<span></span>@domein.nl``) that a reader of the page's text, or the
    search index, sees whole. Then every @ outside the tags is written as ``[apenstaartje]``."""
    html = obfuscate_emails(html)
    if "@" not in html:
        return html
    parts = _TAG.split(html)
    if next(email_spans("".join(parts[::2])), None) is None:
        return html
    return "".join(part if i % 2 else part.replace("@", AT_WORD) for i, part in enumerate(parts))


def safe_text(text: str) -> str:
    """A resident's text as it may be published: no control characters, no plain address."""
    return obfuscate_emails(clean_text(text))


def safe_values(value: Any) -> Any:
    """Every string in parsed front matter (also in lists and groups) made safe; other values as they are."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        return [safe_values(item) for item in value]
    if isinstance(value, dict):
        return {key: safe_values(item) for key, item in value.items()}
    return value
