"""Commits written by strangers: hostile messages, impossible dates, odd names, a partial clone.

Every test builds a real git repository. None of these may crash the build, make it slow, or
put an e-mail address or a control character on the site.
"""

from __future__ import annotations

import subprocess
import time  # process_time: CPU time of this process, so other jobs on the machine do not count
from pathlib import Path

import pygit2
import pytest

from buurtwiki.history import HistoryIndex
from buurtwiki.history.index import MISSING
from buurtwiki.history.people import (
    MAX_MESSAGE_BYTES,
    MAX_MESSAGE_LINES,
    coauthor_lines,
    obfuscate_emails,
    safe_name,
    without_emails,
)

from .gitrepo import YEAR_10000, GitRepo

PAGE = "wijken/ohg/initiatieven/eettafel.md"


def page(status: str, body: str = "Samen eten.") -> str:
    return f"---\ntitel: Eettafel\nstatus: {status}\n---\n\n{body}\n"


def hostile_shapes(n: int) -> dict[str, str]:
    """Messages that make a backtracking regex take quadratic or cubic time."""
    return {
        "spaces in a trailer": "Co-authored-by: a" + " " * n + "x",
        "at signs": "a@" * (n // 2),
        "angle brackets": "<" * n + "@",
        "a long word then @": "a" * n + "@",
        "spaces then @": " " * n + "@x",
        "spaces then <": "Naam" + " " * n + "<a@b",
        "many lines": ("Co-authored-by: x <" + "y" * 40 + "\n") * (n // 60),
        "dots": "a@" + "b." * (n // 2),
    }


# -- 1. catastrophic regexes -------------------------------------------------------------------


@pytest.mark.parametrize("shape", sorted(hostile_shapes(10)))
def test_scrubbing_and_trailers_take_linear_time(shape: str) -> None:
    """200,000 characters of a hostile shape are read in well under a second (a quadratic
    regex takes minutes), and twice the input costs about twice the time."""

    def cost(n: int) -> float:
        text = hostile_shapes(n)[shape]
        best = float("inf")
        for _ in range(3):
            start = time.process_time()
            without_emails(text)
            obfuscate_emails(text)
            coauthor_lines(text)
            safe_name(text)
            best = min(best, time.process_time() - start)
        return best

    small, big = cost(100_000), cost(200_000)
    assert big < 0.5, f"{shape}: {big:.2f} s"
    # 0.1 s of slack for a busy machine: a quadratic cost at 200,000 characters takes seconds.
    assert big < 4 * small + 0.1, f"{shape}: {small:.4f} s for n, {big:.4f} s for 2n"


def test_hostile_messages_do_not_slow_the_index(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief"))
    repo.commit("Eerste versie")
    messages = [*hostile_shapes(4000).values(), "x" * 100_000]
    for number, message in enumerate(messages):
        repo.write(PAGE, page("actief", f"Versie {number}."))
        repo.commit(message)
    start = time.process_time()
    index = HistoryIndex.build(repo.path)
    spent = time.process_time() - start
    assert spent < 2.0, f"{spent:.1f} s for {len(messages)} commits"
    assert len(index.history(PAGE)) == len(messages) + 1
    for commit in index.commits:
        assert len(commit.message.encode()) <= MAX_MESSAGE_BYTES + 3
        assert "@" not in commit.message or "[e-mailadres]" in commit.message or "." not in commit.message


def test_long_messages_are_cut_with_an_ellipsis(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief"))
    repo.commit("Lang\n\n" + "x" * 100_000)
    repo.write(PAGE, page("gestopt"))
    repo.commit("y" * 5000)
    repo.write(PAGE, page("slapend"))
    repo.commit("\n".join(f"regel {n}" for n in range(500)))
    repo.write(PAGE, page("actief"))
    repo.commit("Kort bericht\n\nCo-authored-by: Bram Jansen <bram@example.org>\n")
    short, lines, one_line, long = HistoryIndex.build(repo.path).commits
    assert len(one_line.summary) == 200 and one_line.summary.endswith("…")
    assert long.message.endswith("…") and len(long.message.encode()) <= MAX_MESSAGE_BYTES + 3
    assert long.summary == "Lang"
    assert lines.message.endswith("…") and lines.message.count("\n") == MAX_MESSAGE_LINES - 1
    assert short.message == "Kort bericht\n\nCo-authored-by: Bram Jansen" and short.coauthors == ("Bram Jansen",)


def test_co_author_trailers_are_read_line_by_line() -> None:
    assert coauthor_lines("Klaar\n\nCo-authored-by: Bram Jansen <bram@example.org>\nco-authored-by :Chaima\n") == [
        ("Bram Jansen", "bram@example.org"),
        ("Chaima", ""),
    ]
    assert coauthor_lines("Co-authored-by: a" + " " * 4000 + "x") == [("a" + " " * 4000 + "x", "")]
    assert coauthor_lines("Geen trailer: Co-authored-by: x") == []


# -- 2. impossible dates -----------------------------------------------------------------------


def test_impossible_dates_are_replaced_with_a_warning(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief"))
    first = repo.commit("Eerste versie")
    repo.write(PAGE, page("slapend"))
    future = repo.commit_object(b"Het jaar 10000\n", b"Anouk <a@example.org> %d +0100" % YEAR_10000)
    repo.write(PAGE, page("actief"))
    good_committer = repo.commit_object(
        b"Auteur in 10000, committer gewoon\n",
        b"Anouk <a@example.org> %d +0100" % YEAR_10000,
        b"Beheer <b@example.org> 1704103200 +0100",
    )
    repo.write(PAGE, page("gestopt"))
    before = repo.commit_object(b"Voor 1970\n", b"Anouk <a@example.org> -86400000 +0100")
    repo.write(PAGE, page("actief"))
    zone = repo.commit_object(b"Tijdzone +99:59\n", b"Anouk <a@example.org> 1704103200 +9959")
    repo.write(PAGE, page("slapend"))
    huge = repo.commit_object(b"Heel groot\n", b"Anouk <a@example.org> 9999999999999 -9999")

    index = HistoryIndex.build(repo.path)
    history = index.history(PAGE)
    assert [c.commit.sha for c in history] == [huge, zone, before, good_committer, future, first]
    for change in history:
        assert 1970 <= change.date.year <= time.gmtime().tm_year + 1  # no crash, a possible date
    assert index.commit(good_committer).time == 1704103200  # the committer date is used
    assert index.commit(first).date_fixed is False
    warned = "\n".join(index.warnings)
    for sha in (future, good_committer, before, huge):
        assert sha[:7] in warned
    assert "datum die niet kan bestaan" in warned
    assert index.created(PAGE).commit.sha == first


# -- 3. no e-mail addresses --------------------------------------------------------------------


def test_addresses_are_written_like_on_the_entity_page() -> None:
    assert obfuscate_emails("Mail info@buurt.nl, of <jan.de.vries+x@post.example.org>.") == (
        "Mail info [apenstaartje] buurt.nl, of <jan.de.vries+x [apenstaartje] post.example.org>."
    )
    assert obfuscate_emails("@jan zegt: a@b zonder punt") == "@jan zegt: a@b zonder punt"
    assert without_emails("Naam   <jan@example.org> zegt hoi") == "Naam zegt hoi"


def test_word_diff_of_old_versions_shows_no_address(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, "---\ntitel: Eettafel\ncontact:\n  email: oud.adres@example.org\n---\n\nMail naar oud.adres@example.org.\n")
    repo.commit("Eerste versie")
    repo.write(PAGE, "---\ntitel: Eettafel\ncontact:\n  email: nieuw@example.org\n---\n\nBel ons.\n")
    repo.commit("Nieuw adres")
    index = HistoryIndex.build(repo.path)
    changed, created = (repr(index.describe(c)) for c in index.history(PAGE))
    assert "@" not in changed and "@" not in created
    assert "oud.adres [apenstaartje] example.org" in changed and "nieuw [apenstaartje] example.org" in changed


# -- 4. partial clone --------------------------------------------------------------------------


def _partial_clone(tmp_path: Path) -> tuple[GitRepo, Path]:
    origin = GitRepo(tmp_path / "origin")
    origin.git("config", "uploadpack.allowFilter", "true")
    origin.write(PAGE, page("actief"))
    origin.write("wijken/ohg/plekken/buurthuis.md", "---\ntitel: Buurthuis\n---\n\nEen plek.\n")
    origin.commit("Eerste versie")
    origin.write(PAGE, page("slapend"))
    origin.commit("Slapend")
    origin.move("wijken/ohg/plekken/buurthuis.md", "wijken/ohg/plekken/wijkhuis.md")
    origin.write("wijken/ohg/plekken/wijkhuis.md", "---\ntitel: Wijkhuis\n---\n\nEen plek.\n")
    origin.write(PAGE, page("actief", "Samen eten, elke dinsdag."))
    origin.commit("Hernoemd en aangevuld")
    clone = tmp_path / "clone"
    subprocess.run(
        ["git", "clone", "-q", "--filter=blob:none", f"file://{origin.path}", str(clone)],
        check=True, capture_output=True, env=origin._env(),
    )
    return origin, clone


def test_partial_clone_warns_and_shows_what_is_there(tmp_path: Path) -> None:
    _origin, clone = _partial_clone(tmp_path)
    repo = pygit2.Repository(str(clone))
    history_before = HistoryIndex.build(clone)
    warned = "\n".join(history_before.warnings)
    assert "--filter=blob:none" in warned and "volledige clone" in warned and "fetch-depth: 0" in warned
    assert "kon niet helemaal gelezen" not in warned
    history = history_before.history(PAGE)
    assert [c.commit.summary for c in history] == ["Hernoemd en aangevuld", "Slapend", "Eerste versie"]
    newest, middle, _oldest = history
    # The newest version is checked out, the older ones are missing: said so, never made up.
    assert history_before.describe(middle).summary == MISSING
    assert history_before.describe(newest).summary == MISSING
    missing = pygit2.Oid(hex=middle.old_blob)
    assert missing not in repo.odb  # nothing was fetched
    assert history_before.history("wijken/ohg/plekken/wijkhuis.md")


def test_full_clone_has_no_partial_warning(tmp_path: Path) -> None:
    origin, _clone = _partial_clone(tmp_path)
    index = HistoryIndex.build(origin.path)
    assert not index.warnings
    assert index.describe(index.history(PAGE)[1]).summary == "status: actief → slapend"


# -- 5. hostile names --------------------------------------------------------------------------

HOSTILE_AUTHORS = [
    b"<script>alert(1)</script> <a@example.org>",
    b"javascript:alert(1) <a@example.org>",
    b"Rood\x1b[31m\x01\x7f <a@example.org>",
    b"abc\xe2\x80\xaegnp.exe <a@example.org>",
    b"X" * 10_000 + b" <a@example.org>",
    b"<a@example.org>",
    b"\xff\xfe Naam <a@example.org>",
    b"info@example.org <info@example.org>",
]


def test_hostile_names_are_bounded_and_clean(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief"))
    repo.commit("Eerste versie")
    for number, ident in enumerate(HOSTILE_AUTHORS):
        repo.write(PAGE, page("actief", f"Versie {number}."))
        repo.commit_object(b"Bericht \x00\x08 met \xe2\x80\xae omkering\n", ident + b" 1704103200 +0100")
    index = HistoryIndex.build(repo.path)
    assert not index.warnings
    names = [c.author for c in index.commits]
    assert len(names) == len(HOSTILE_AUTHORS) + 1
    for name in names:
        assert 0 < len(name) <= 80
        assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c == "\u202e" for c in name), name
        assert "@" not in name
    assert "X" * 79 + "…" in names and "onbekend" in names and "info" in names
    for commit in index.commits:
        assert "\x00" not in commit.message and "\u202e" not in commit.message


def test_a_date_git_cannot_read_does_not_drop_the_history(tmp_path: Path) -> None:
    """libgit2 refuses ``abc +0100`` as a date and stops its walk; the history is read by hand."""
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief"))
    first = repo.commit("Eerste versie")
    repo.write(PAGE, page("slapend"))
    broken = repo.commit_object(b"Kapotte datum\n", b"Anouk <a@example.org> abc +0100", b"Anouk <a@example.org> 1704103200 +0100")
    repo.write(PAGE, page("actief"))
    newest = repo.commit("Weer actief")
    index = HistoryIndex.build(repo.path)
    assert [c.commit.sha for c in index.history(PAGE)] == [newest, broken, first]
    assert index.commit(broken).time == 1704103200 and index.commit(broken).author == "Anouk"
    assert index.describe(index.history(PAGE)[1]).summary == "status: actief → slapend"
    warned = "\n".join(index.warnings)
    assert "beschadigd" in warned and broken[:7] in warned
    # serve mode: a rebuild after a new commit gives the same history
    repo.write(PAGE, page("gestopt"))
    repo.commit("Gestopt")
    again = HistoryIndex.build(repo.path, previous=index)
    assert [c.commit.summary for c in again.history(PAGE)] == ["Gestopt", "Weer actief", "Kapotte datum", "Eerste versie"]


def test_an_unreadable_head_commit_is_read_by_hand(tmp_path: Path) -> None:
    repo = GitRepo(tmp_path / "repo")
    repo.write(PAGE, page("actief"))
    repo.commit("Eerste versie")
    repo.write(PAGE, page("slapend"))
    repo.commit_object(b"Kapot\n", b"Anouk <a@example.org> 99999999999999999999999 +0100")
    index = HistoryIndex.build(repo.path)
    assert [c.commit.summary for c in index.history(PAGE)] == ["Kapot", "Eerste versie"]
    assert index.history(PAGE)[0].date.year >= 1970
