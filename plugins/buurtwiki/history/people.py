"""Who made a commit: names through the repository's .mailmap, co-authors, bots.

E-mail addresses are used only to look a person up in the mailmap and are dropped right after.
Nothing this module returns contains one: the published site must not show author e-mail.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable

import pygit2

_COAUTHOR = re.compile(r"^[ \t]*co-authored-by[ \t]*:[ \t]*(.*?)[ \t]*(?:<([^<>\n]*)>)?[ \t]*$", re.IGNORECASE | re.MULTILINE)
_ANGLE_EMAIL = re.compile(r"[ \t]*<[^<>\s]*@[^<>\s]*>")
_BARE_EMAIL = re.compile(r"[\w.+%-]+@[\w-]+(?:\.[\w-]+)+")
HIDDEN_EMAIL = "[e-mailadres]"
UNKNOWN = "onbekend"


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
    return raw.decode(encoding or "utf-8", errors="replace")


def without_emails(text: str) -> str:
    """The text with every e-mail address taken out (``Naam <a@b.nl>`` becomes ``Naam``)."""
    if "@" not in text:
        return text
    return _BARE_EMAIL.sub(HIDDEN_EMAIL, _ANGLE_EMAIL.sub("", text))


def safe_name(name: str) -> str:
    """A display name that is not an e-mail address (some people set their e-mail as name)."""
    name = " ".join(name.split())
    if "@" in name:
        name = " ".join(part.split("@", 1)[0] if "@" in part else part for part in name.split()).strip()
    return name or UNKNOWN


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

    def author(self, signature: pygit2.Signature, encoding: str | None) -> str:
        return self.name(decode(signature.raw_name, encoding), decode(signature.raw_email, encoding))

    def coauthors(self, message: str, author: str) -> tuple[str, ...]:
        """Names from ``Co-authored-by: Name <mail>`` lines, mailmap-resolved, without the author."""
        if "authored-by" not in message.lower():
            return ()
        names: list[str] = []
        for match in _COAUTHOR.finditer(message):
            name = self.name(match.group(1) or "", match.group(2) or "")
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
