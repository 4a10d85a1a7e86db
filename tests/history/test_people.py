"""Names through .mailmap, co-authors, bots, and never an e-mail address."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from buurtwiki.history import HistoryIndex
from buurtwiki.history.people import BotMatcher, safe_name, without_emails

from .gitrepo import GitRepo

PAGE = "wijken/ohg/initiatieven/eetgroep.md"
EMAILS = ["jan@oud.example", "jan@nieuw.example", "piet@example.org", "pp@werk.example", "49699333+dependabot[bot]@users.noreply.github.com", "mail@adres.example", "x@y.example"]


def make_repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "repo")
    repo.write(".mailmap", "Jan de Vries <jan@nieuw.example> <jan@oud.example>\nPiet Pieters <piet@example.org> <pp@werk.example>\n")
    repo.write(PAGE, "---\ntitel: Eetgroep\nstatus: actief\n---\n\nSamen eten.\n")
    repo.commit("Eetgroep toegevoegd", ("jan", "jan@oud.example"))
    repo.write(PAGE, "---\ntitel: Eetgroep\nstatus: slapend\n---\n\nSamen eten.\n")
    repo.commit(
        "Status bijgewerkt\n\nMet hulp van Piet.\n\nCo-authored-by: pp <pp@werk.example>\nSigned-off-by: Jan <jan@nieuw.example>\n",
        ("Jan de Vries", "jan@nieuw.example"),
    )
    repo.write(PAGE, "---\ntitel: Eetgroep\nstatus: slapend\n---\n\nSamen eten, elke dinsdag.\n")
    repo.commit("Tekst aangevuld\n\nVragen? Mail naar mail@adres.example\n", ("x@y.example", "x@y.example"))
    repo.write(PAGE, "---\ntitel: Eetgroep\nstatus: actief\n---\n\nSamen eten, elke dinsdag.\n")
    repo.commit("Bump", ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com"))
    repo.write(PAGE, "---\ntitel: Eetgroep\nstatus: actief\n---\n\nSamen eten, elke dinsdag en donderdag.\n")
    repo.commit("Donderdag erbij\n\nCo-authored-by: Margot <margot@example.org>\nco-authored-by: renovate[bot] <bot@example.org>", ("Piet", "piet@example.org"))
    return repo


def strings(value: object, seen: set[int] | None = None) -> list[str]:
    """Every string reachable from ``value`` through dataclass fields, lists, tuples and dicts."""
    seen = seen if seen is not None else set()
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, str):
        return [value]
    out: list[str] = []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for f in dataclasses.fields(value):
            if f.name in ("_repo", "_source", "_bots", "_wanted"):
                continue  # internals: the pygit2 handle, the build key and the matchers
            out += strings(getattr(value, f.name), seen)
    elif isinstance(value, dict):
        for k, v in value.items():
            out += strings(k, seen) + strings(v, seen)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for v in value:
            out += strings(v, seen)
    return out


def test_mailmap_and_co_authors(tmp_path: Path) -> None:
    index = HistoryIndex.build(make_repo(tmp_path).path)
    authors = [c.commit.author for c in index.history(PAGE)]
    assert authors == ["Piet", "x", "Jan de Vries", "Jan de Vries"]  # the bot's commit is hidden
    assert index.history(PAGE)[2].commit.coauthors == ("Piet Pieters",)
    assert index.contributors(PAGE) == ["Jan de Vries", "Piet Pieters", "x", "Piet", "Margot"]


def test_no_author_email_anywhere(tmp_path: Path) -> None:
    index = HistoryIndex.build(make_repo(tmp_path).path, hide_bots=False)
    exposed = strings(index) + strings(index.recent()) + index.contributors(PAGE)
    for change in index.history(PAGE):
        exposed += [change.commit.summary, change.commit.message, change.status, *change.commit.names]
    assert exposed
    for text in exposed:
        for email in EMAILS:
            assert email not in text
        assert "@" not in text, text
    message = index.history(PAGE)[3].commit.message
    assert "Co-authored-by: pp" in message and "Signed-off-by: Jan" in message


def test_bots_are_flagged_and_hidden(tmp_path: Path) -> None:
    repo = make_repo(tmp_path)
    hidden = HistoryIndex.build(repo.path)
    shown = HistoryIndex.build(repo.path, hide_bots=False)
    assert "Bump" not in [c.commit.summary for c in hidden.history(PAGE)]
    assert "Bump" not in [r.commit.summary for r in hidden.recent()]
    bump = [c for c in shown.history(PAGE) if c.commit.summary == "Bump"]
    assert len(bump) == 1 and bump[0].commit.bot
    assert "renovate[bot]" not in hidden.contributors(PAGE)
    assert "dependabot[bot]" in shown.contributors(PAGE)
    assert not any(c.bot for c in hidden.commits if c.author in ("Piet", "Jan de Vries", "Margot", "x"))
    custom = HistoryIndex.build(repo.path, bots=("Piet*",))
    assert [c.commit.author for c in custom.history(PAGE)][:2] == ["dependabot[bot]", "x"]


def test_bot_patterns_treat_brackets_literally() -> None:
    is_bot = BotMatcher(["*[bot]"])
    assert is_bot("dependabot[bot]") and is_bot("Renovate[BOT]")
    assert not is_bot("Piet") and not is_bot("Margot") and not is_bot("Bob")
    assert BotMatcher(["github-actions*"])("github-actions[bot]")
    assert not BotMatcher([])("dependabot[bot]")


def test_email_helpers() -> None:
    assert without_emails("Co-authored-by: Jan <jan@example.org>") == "Co-authored-by: Jan"
    assert "@" not in without_emails("Mail naar info@buurt.example of kom langs.")
    assert without_emails("@jan bedankt") == "@jan bedankt"
    assert safe_name("jan@example.org") == "jan"
    assert safe_name("  ") == "onbekend"
