"""A real git repository in a temporary folder, driven with the git command, with fixed dates."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

BASE_TIME = 1_704_099_600  # 2024-01-01 10:00 +01:00
YEAR_10000 = 253_402_300_800  # 10000-01-01 00:00 UTC: git stores it, Python's datetime cannot
DEFAULT_AUTHOR = ("Anouk de Vries", "anouk@example.org")


class GitRepo:
    base_time = BASE_TIME
    committer = ("Committer", "committer@example.org")

    def __init__(self, path: Path, *, init: bool = True) -> None:
        self.path = path
        self.tick = 0
        if init:
            path.mkdir(parents=True, exist_ok=True)
            self.git("init", "-q", "-b", "main")

    # -- running git -----------------------------------------------------------------------

    def _env(self, author: tuple[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ)
        env.update(GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
        when = f"{self.base_time + self.tick * 3600} +0100"
        env.update(GIT_AUTHOR_DATE=when, GIT_COMMITTER_DATE=when)
        if author is not None:
            env.update(GIT_AUTHOR_NAME=author[0], GIT_AUTHOR_EMAIL=author[1])
        return env

    def _git_command(self) -> list[str]:
        return ["git", "-c", f"user.name={self.committer[0]}", "-c", f"user.email={self.committer[1]}"]

    def git(self, *args: str, author: tuple[str, str] | None = None, check: bool = True, stdin: bytes | None = None) -> str:
        result = subprocess.run(
            [*self._git_command(), *args],
            cwd=self.path,
            env=self._env(author),
            input=stdin,
            capture_output=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"git {' '.join(args)} failed: {result.stderr.decode(errors='replace')}")
        return result.stdout.decode("utf-8", errors="replace")

    # -- files -----------------------------------------------------------------------------

    def write(self, rel: str, text: str | bytes) -> None:
        path = self.path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")

    def remove(self, rel: str) -> None:
        self.git("rm", "-q", rel)

    def move(self, old: str, new: str) -> None:
        (self.path / new).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", old, new)

    # -- history ---------------------------------------------------------------------------

    def commit(self, message: str, author: tuple[str, str] = DEFAULT_AUTHOR, *, encoding: str | None = None, hours: int = 1) -> str:
        self.tick += hours
        self.git("add", "-A")
        extra = ["-c", f"i18n.commitEncoding={encoding}"] if encoding else []
        raw = message.encode(encoding or "utf-8") if isinstance(message, str) else message
        self.git(*extra, "commit", "-q", "--allow-empty", "-F", "-", author=author, stdin=raw)
        return self.head()

    def commit_raw(self, message: bytes, author: tuple[str, str] = DEFAULT_AUTHOR) -> str:
        """Commit with a message given as bytes, stored as is (git commit would convert it)."""
        self.tick += 1
        self.git("add", "-A")
        tree = self.git("write-tree").strip()
        parent = self.head()
        ident = f"{author[0]} <{author[1]}> {self.base_time + self.tick * 3600} +0100".encode()
        raw = b"tree %s\nparent %s\nauthor %s\ncommitter %s\n\n" % (tree.encode(), parent.encode(), ident, ident) + message
        sha = self.git("hash-object", "-w", "-t", "commit", "--stdin", stdin=raw).strip()
        self.git("update-ref", "HEAD", sha)
        return sha

    def commit_object(self, message: bytes, author: bytes, committer: bytes | None = None) -> str:
        """Commit with the ``author`` and ``committer`` lines written as given (``Name <mail> 123 +0100``),
        even when git itself would refuse them (a date in the year 10000, a time zone of +99:59)."""
        self.tick += 1
        self.git("add", "-A")
        tree = self.git("write-tree").strip()
        parents = b"parent %s\n" % self.head().encode() if self.git("rev-parse", "-q", "--verify", "HEAD", check=False).strip() else b""
        raw = b"tree %s\n%sauthor %s\ncommitter %s\n\n" % (tree.encode(), parents, author, committer or author) + message
        sha = self.git("hash-object", "-w", "-t", "commit", "--literally", "--stdin", stdin=raw).strip()
        self.git("update-ref", "HEAD", sha)
        return sha

    def head(self) -> str:
        return self.git("rev-parse", "HEAD").strip()

    def branch(self, name: str, start: str | None = None) -> None:
        self.git("checkout", "-q", "-b", name, *([start] if start else []))

    def checkout(self, name: str) -> None:
        self.git("checkout", "-q", name)

    def merge(self, branch: str, message: str, author: tuple[str, str] = DEFAULT_AUTHOR) -> bool:
        """Merge; True when it went without conflict (then it is committed), False otherwise."""
        self.tick += 1
        result = subprocess.run(
            [*self._git_command(), "merge", "--no-ff", "-q", "-m", message, branch],
            cwd=self.path,
            env=self._env(author),
            capture_output=True,
            check=False,
        )
        return result.returncode == 0

    def log_follow(self, path: str) -> list[str]:
        return self.git("log", "--follow", "--format=%H", "--", path).split()
