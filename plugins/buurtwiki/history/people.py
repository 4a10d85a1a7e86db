"""Who made a commit: names through the repository's .mailmap, co-authors, bots.

E-mail addresses are used only to look a person up in the mailmap and are dropped right after.
Nothing this module returns contains one: the published site must not show author e-mail.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

import pygit2

from ..model.text import clean_text, email_spans
from .rawwalk import RawSignature

HIDDEN_EMAIL = "[e-mailadres]"
UNKNOWN = "onbekend"
MAX_NAME = 80  # characters of a name shown; longer names end in "…"
MAX_MESSAGE_BYTES = 8192  # of a commit message, the rest is not read
MAX_MESSAGE_LINES = 50
ELLIPSIS = "…"

# Everything here is linear in the length of the text: no regex that can backtrack.


def decode(raw: bytes, encoding: str | None = None) -> str:
    """Bytes from git as text; an unknown encoding or invalid bytes never crash.

    Valid UTF-8 is read as UTF-8 even when the commit says otherwise (git tools write names in
    UTF-8 whatever the message encoding is); else the commit's encoding is used, with
    replacement characters for bytes that do not fit.
    """
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if encoding:
        try:
            codecs.lookup(encoding)
        except LookupError:
            encoding = None
    try:
        return raw.decode(encoding or "utf-8", errors="replace")
    except (UnicodeError, LookupError, TypeError, ValueError):  # a codec that is no text codec
        return raw.decode("utf-8", errors="replace")


def decode_message(raw: bytes, encoding: str | None = None) -> str:
    """A commit message, read up to 8 KiB and 50 lines; "…" says that the rest was left out."""
    cut = len(raw) > MAX_MESSAGE_BYTES
    text = decode(raw[:MAX_MESSAGE_BYTES], encoding)
    if cut and text.endswith("\ufffd"):
        text = text[:-1]  # a character cut in half
    lines = text.split("\n", MAX_MESSAGE_LINES)
    if len(lines) > MAX_MESSAGE_LINES:
        text, cut = "\n".join(lines[:MAX_MESSAGE_LINES]), True
    text = clean_text(text)
    return text.rstrip() + ELLIPSIS if cut else text


def without_emails(text: str) -> str:
    """The text with every e-mail address taken out (``Naam <a@b.nl>`` becomes ``Naam``)."""
    if "@" not in text:
        return text
    out: list[str] = []
    last = 0
    for start, end in email_spans(text):
        if start > 0 and text[start - 1] == "<" and text[end : end + 1] == ">":
            begin = start - 1
            while begin > last and text[begin - 1] in " \t":
                begin -= 1
            out += [text[last:begin]]
            last = end + 1
        else:
            out += [text[last:start], HIDDEN_EMAIL]
            last = end
    out.append(text[last:])
    return "".join(out)


def shorten(text: str, limit: int = MAX_NAME) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + ELLIPSIS


def safe_name(name: str) -> str:
    """A display name that is not an e-mail address (some people set their e-mail as name),
    without control characters, at most 80 characters."""
    name = " ".join(clean_text(name[: MAX_NAME * 4]).split())
    if "@" in name:
        name = " ".join(part.split("@", 1)[0] if "@" in part else part for part in name.split()).strip()
    return shorten(name) or UNKNOWN


def coauthor_lines(message: str) -> list[tuple[str, str]]:
    """(name, e-mail) of every ``Co-authored-by: Name <mail>`` line, read without a regex."""
    found: list[tuple[str, str]] = []
    for line in message.split("\n"):
        key, colon, value = line.partition(":")
        if not colon or key.strip().lower() != "co-authored-by":
            continue
        value = value.strip()
        email = ""
        if value.endswith(">") and "<" in value:
            value, _, email = value[:-1].rpartition("<")
            if "<" in email or ">" in email:
                continue
        found.append((value.strip(), email.strip()))
    return found


class People:
    """Resolves names through the mailmap, with a cache: a big history has few distinct people."""

    def __init__(self, repo: pygit2.Repository | None) -> None:
        self._mailmap: pygit2.Mailmap | None = None
        if repo is not None:
            try:
                self._mailmap = pygit2.Mailmap.from_repository(repo)
            except (pygit2.GitError, OSError, ValueError):
                self._mailmap = None
        self._cache: dict[tuple[str, str], str] = {}

    def name(self, name: str, email: str) -> str:
        key = (name, email)
        found = self._cache.get(key)
        if found is None:
            resolved = name
            if self._mailmap is not None:
                try:
                    resolved, _email = self._mailmap.resolve(name, email)
                except (pygit2.GitError, ValueError):
                    resolved = name
            found = self._cache[key] = safe_name(resolved)
        return found

    def author(self, signature: pygit2.Signature | RawSignature, encoding: str | None) -> str:
        return self.name(decode(signature.raw_name, encoding), decode(signature.raw_email, encoding))

    def coauthors(self, message: str, author: str) -> tuple[str, ...]:
        """Names from ``Co-authored-by: Name <mail>`` lines, mailmap-resolved, without the author."""
        if "authored-by" not in message.lower():
            return ()
        names: list[str] = []
        for raw_name, email in coauthor_lines(message):
            name = self.name(raw_name, email)
            if name != UNKNOWN and name != author and name not in names:
                names.append(name)
        return tuple(names)


def _glob(pattern: str) -> str:
    # Only * and ? are wildcards. Brackets are literal: with fnmatch, the default "*[bot]"
    # would mean "ends in b, o or t" and would hide every "Piet" and "Margot".
    return "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in pattern)


class BotMatcher:
    """Tells whether a name is a bot, by glob patterns such as ``*[bot]`` (case does not matter)."""

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns = tuple(patterns)
        joined = "|".join(_glob(p) for p in self.patterns)
        self._regex = re.compile(f"(?:{joined})\\Z", re.IGNORECASE | re.DOTALL) if joined else None
        self._cache: dict[str, bool] = {}

    def __call__(self, name: str) -> bool:
        found = self._cache.get(name)
        if found is None:
            found = self._cache[name] = bool(self._regex and self._regex.match(name))
        return found
