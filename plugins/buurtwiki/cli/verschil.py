"""`buurtwiki verschil [BASE [HEAD]]`: what a branch changes, per page, in Dutch, for reviewers.

The field changes come from the history module (:func:`history.changes.describe_change`), the
same as on the history pages; here they are told with value words and page titles instead of
slugs. Titles and problems are read from the site in the working folder (normally HEAD).

Everything in the output was written by residents: in Markdown it is escaped, so a title cannot
add links, images or headings to a pull request comment or job summary.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pygit2

from ..content.loader import load_site
from ..content.paths import LocationError, locate_content_file, locate_wijk_file
from ..content.site import Site
from ..history.changes import ARROW, Change, FieldChange, describe_change
from ..history.worddiff import ADDED, REMOVED
from ..markup.wikilinks import _WIKILINK
from ..model.access import entity_types
from ..model.fields import Choice, ListOf, Ref

MAX_PAGES = 500  # a bigger change is summarised by count only
MAX_BLOB = 512 * 1024  # as content/files.py: bigger files are not compared
MAX_BASE_BYTES = 512 * 1024 * 1024  # the old site written out to find which problems are new


class VerschilError(Exception):
    pass


@dataclass
class PageDiff:
    status: str  # nieuw, verwijderd, hernoemd, gewijzigd
    path: str
    title: str
    type: str = ""
    old_path: str = ""
    url: str = ""
    old_url: str = ""
    fields: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)
    responses: list[str] = field(default_factory=list)
    words_added: int = 0
    words_removed: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Summary:
    base: str
    head: str
    pages: list[PageDiff]
    more: int = 0  # pages left out above MAX_PAGES


# -- reading git -------------------------------------------------------------------------------


def _commit(repo: pygit2.Repository, rev: str) -> pygit2.Commit:
    try:
        return repo.revparse_single(rev).peel(pygit2.Commit)
    except (KeyError, ValueError, pygit2.GitError) as err:
        raise VerschilError(f"'{rev}' is geen commit in deze repository.") from err


def _text(repo: pygit2.Repository, oid) -> str | None:
    if oid is None or oid == pygit2.Oid(hex="0" * 40):
        return None
    blob = repo.get(oid)
    if not isinstance(blob, pygit2.Blob) or blob.size > MAX_BLOB or blob.is_binary:
        return None
    return blob.data.decode("utf-8", errors="replace")


def _locate(path: str, docs_dir: str, wijken_dir: str):
    try:
        if path.startswith(f"{wijken_dir}/"):
            return locate_wijk_file(path[len(wijken_dir) + 1:])
        return locate_content_file(path[len(docs_dir) + 1:])
    except LocationError:
        return None


def changed_files(root: Path, base: str, head: str, docs_dir: str, wijken_dir: str):
    """(status, old path, new path, old text, new text) for each content page from the merge base
    of BASE and HEAD to HEAD, renames found as git finds them."""
    found = pygit2.discover_repository(str(root))
    if found is None:
        raise VerschilError(f"{root} is geen git-repository.")
    repo = pygit2.Repository(found)
    prefix = "" if repo.workdir is None else Path(os.path.relpath(root.resolve(), Path(repo.workdir).resolve())).as_posix()
    prefix = "" if prefix == "." else prefix + "/"
    new = _commit(repo, head)
    old = _commit(repo, base)
    merge_base = repo.merge_base(old.id, new.id) or old.id
    diff = _commit(repo, str(merge_base)).tree.diff_to_tree(new.tree)
    diff.find_similar(flags=pygit2.enums.DiffFind.FIND_RENAMES)
    wanted = (f"{docs_dir}/", f"{wijken_dir}/")
    for delta in diff.deltas:
        old_path, new_path = delta.old_file.path, delta.new_file.path
        if prefix and not (old_path.startswith(prefix) or new_path.startswith(prefix)):
            continue
        old_path, new_path = old_path.removeprefix(prefix), new_path.removeprefix(prefix)
        if not any(p.startswith(wanted) and p.endswith(".md") for p in (old_path, new_path)):
            continue
        status = delta.status_char()
        old_text = None if status == "A" else _text(repo, delta.old_file.id)
        new_text = None if status == "D" else _text(repo, delta.new_file.id)
        yield status, old_path, new_path, old_text, new_text


def _write_tree(repo: pygit2.Repository, tree: pygit2.Tree, target: Path, budget: list[int]) -> None:
    """Regular files of ``tree`` under ``target``; links and submodules are left out, and at most
    ``budget[0]`` bytes are written (the rest of the old site is left out)."""
    for entry in tree:
        name = entry.name or ""
        if name in ("", ".", "..") or "/" in name or "\0" in name:
            continue
        obj = repo.get(entry.id)
        if isinstance(obj, pygit2.Tree):
            (target / name).mkdir(exist_ok=True)
            _write_tree(repo, obj, target / name, budget)
        elif isinstance(obj, pygit2.Blob) and entry.filemode in (pygit2.enums.FileMode.BLOB, pygit2.enums.FileMode.BLOB_EXECUTABLE):
            if obj.size > budget[0]:
                continue
            budget[0] -= obj.size
            (target / name).write_bytes(obj.data)


def base_problems(root: Path, base: str, head: str, docs_dir: str, wijken_dir: str) -> set[tuple[str, str, str]]:
    """(path, level, message) of every problem in the site as it was at the merge base, so that
    only the problems a change brings are shown."""
    import tempfile

    repo = pygit2.Repository(pygit2.discover_repository(str(root)))
    prefix = "" if repo.workdir is None else Path(os.path.relpath(root.resolve(), Path(repo.workdir).resolve())).as_posix()
    old = _commit(repo, base)
    merge_base = repo.merge_base(old.id, _commit(repo, head).id) or old.id
    tree = _commit(repo, str(merge_base)).tree
    with tempfile.TemporaryDirectory(prefix="buurtwiki-verschil-") as folder:
        budget = [MAX_BASE_BYTES]
        for name in (docs_dir, wijken_dir):
            path = f"{prefix}/{name}" if prefix not in ("", ".") else name
            try:
                sub = tree[path]
            except KeyError:
                continue
            sub_tree = repo.get(sub.id)
            if isinstance(sub_tree, pygit2.Tree):
                (Path(folder) / name).mkdir(parents=True, exist_ok=True)
                _write_tree(repo, sub_tree, Path(folder) / name, budget)
        site = load_site(folder, docs_dir, wijken_dir)
    return {(p.path, p.level, p.message) for p in site.problems.sorted()}


# -- telling it --------------------------------------------------------------------------------


class Words:
    """Value words and page titles for the values in field changes."""

    def __init__(self, site: Site, before: set[tuple[str, str, str]] | None = None) -> None:
        self.site = site
        self.before = before or set()

    def kind(self, type_name: str, name: str):
        spec = entity_types().get(type_name)
        found = spec.field(name) if spec else None
        kind = found.kind if found else None
        return kind.item if isinstance(kind, ListOf) else kind

    def title(self, slug: str, types: tuple[str, ...] | None = None) -> str:
        found = self.site.candidates(slug, types)
        return found[0].title if len(found) == 1 else slug

    def value(self, kind, value: str | None) -> str:
        if value is None:
            return "(leeg)"
        if isinstance(kind, Choice):
            return kind.label(value)
        if isinstance(kind, Ref):
            return self.title(value, kind.types)
        return value

    def label(self, type_name: str, name: str) -> str:
        spec = entity_types().get(type_name)
        found = spec.field(name) if spec else None
        return found.label if found and found.label else name


def _response(words: Words, change: FieldChange) -> str | None:
    """"Gemeente Voorbeeldstad reageerde: toezegging gedaan" for a reaction recorded in gericht_aan."""
    if change.field != "gericht_aan" or not change.text.startswith("reactie van ") or change.new is None:
        return None
    who = change.text[len("reactie van "):].partition(" vastgelegd: ")[0]
    reaction = words.kind("agendapunt", "gericht_aan")
    choice = reaction.field("reactie").kind if reaction is not None else None
    return f"{words.title(who, ('organisatie',))} reageerde: {words.value(choice, change.new)}"


def _field_line(words: Words, type_name: str, change: FieldChange) -> tuple[str, str]:
    """('field' | 'reference', line) for one field change."""
    kind = words.kind(type_name, change.field)
    label = words.label(type_name, change.field)
    if change.kind == ADDED and change.text.startswith(f"{change.field}: + "):
        return ("reference" if isinstance(kind, Ref) else "field"), f"{label}: + {words.value(kind, change.new)}"
    if change.kind == REMOVED and change.text.startswith(f"{change.field}: - "):
        return ("reference" if isinstance(kind, Ref) else "field"), f"{label}: − {words.value(kind, change.old)}"
    if change.text.startswith(f"{change.field}: ") and change.old is not None and change.new is not None:
        return "field", f"{label}: {words.value(kind, change.old)} {ARROW} {words.value(kind, change.new)}"
    return "field", change.text


def _links(text: str | None) -> set[str]:
    """The targets of [[wikilinks]] in a version's text (the parser's own pattern, bounded)."""
    return {m.group(1).strip() for m in _WIKILINK.finditer(text or "")}


def _body_references(words: Words, old_text: str | None, new_text: str | None) -> list[str]:
    old, new = _links(old_text), _links(new_text)
    return ([f"in de tekst: + {words.title(t)}" for t in sorted(new - old)]
            + [f"in de tekst: − {words.title(t)}" for t in sorted(old - new)])


def _count(change: Change, kind: str) -> int:
    return sum(len(s.text.split()) for s in change.body if s.kind == kind)


def page_diff(words: Words, item, docs_dir: str, wijken_dir: str) -> PageDiff:
    status, old_path, new_path, old_text, new_text = item
    where = _locate(new_path, docs_dir, wijken_dir)
    before = _locate(old_path, docs_dir, wijken_dir)
    entity_type = (where or before).type if (where or before) else None
    type_name = entity_type.name if entity_type else ""
    change = describe_change(old_text, new_text, row_keys=entity_type.rows if entity_type else {})
    entity = words.site.by_path.get(new_path)
    title = str(entity.title if entity is not None else (before.slug if before else old_path))
    shown = {"A": "nieuw", "D": "verwijderd", "R": "hernoemd"}.get(status, "gewijzigd")
    page = PageDiff(shown, new_path, title, type_name, old_path if status == "R" else "",
                    f"/{where.url}" if where else "", f"/{before.url}" if before and status == "R" else "")
    if status not in ("A", "D"):
        for fc in change.fields:
            response = _response(words, fc)
            if response:
                page.responses.append(response)
                continue
            group, line = _field_line(words, type_name, fc)
            (page.references if group == "reference" else page.fields).append(line)
        page.references += _body_references(words, old_text, new_text)
    page.words_added, page.words_removed = _count(change, ADDED), _count(change, REMOVED)
    if status != "D":
        page.problems = [f"{p.path}:{p.line}: {p.level}: {p.message}" for p in words.site.problems.sorted()
                         if p.path == new_path and (old_path, p.level, p.message) not in words.before]
    return page


def summarise(root: Path, base: str, head: str, docs_dir: str = "content", wijken_dir: str = "wijken") -> Summary:
    site = load_site(root, docs_dir, wijken_dir)
    words = Words(site, base_problems(root, base, head, docs_dir, wijken_dir))
    pages: list[PageDiff] = []
    more = 0
    for item in changed_files(root, base, head, docs_dir, wijken_dir):
        if len(pages) >= MAX_PAGES:
            more += 1
            continue
        pages.append(page_diff(words, item, docs_dir, wijken_dir))
    return Summary(base, head, pages, more)


def cmd_verschil(args) -> int:
    import sys

    from .main import _options
    from .verschil_format import render

    head = args.head or "HEAD"
    options = _options(Path(args.dir))
    if options is None:
        return 2
    try:
        summary = summarise(Path(args.dir), args.base, head, args.docs_dir or options.docs_dir,
                            args.wijken or options.wijken_dir)
    except VerschilError as err:
        print(f"fout: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(render(summary, args.format))
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("verschil", help="wat een branch of pull request verandert, per pagina, in gewone woorden")
    p.add_argument("base", nargs="?", default="HEAD~1", help="vergelijk met deze commit of branch (standaard: HEAD~1)")
    p.add_argument("head", nargs="?", help="tot en met deze commit (standaard: HEAD)")
    p.add_argument("--format", choices=("markdown", "text", "json"), default="markdown")
    p.add_argument("--dir", default=".", help="de map van de site (standaard: deze map)")
    p.add_argument("--docs-dir", help="de map met de inhoud (standaard: docs_dir uit mkdocs.yml, anders content)")
    p.add_argument("--wijken", help="de map met wijken (standaard: wijken_dir uit mkdocs.yml, anders wijken)")
    p.set_defaults(func=cmd_verschil)
