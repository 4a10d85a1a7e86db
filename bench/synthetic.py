"""A synthetic Buurtwiki repository for benchmarks: many pages, a long history, written fast.

``generate_repo(path, entities, commits, seed)`` writes blobs, trees and commits straight into a
new git repository with pygit2 (no git command per commit), then checks out the result so the
work tree can be built as a site. The content is valid Buurtwiki content (format v1):

- ``content/index.md`` (home page) and ``wijken/wijk-<n>/index.md`` with ``titel:`` per wijk;
- ``wijken/wijk-<n>/initiatieven/initiatief-<i>.md`` (``titel``, ``status``, ``samenvatting``)
  and ``wijken/wijk-<n>/plekken/plek-<i>.md`` (``titel``, ``status``);
- commits touch 1-3 pages each: create a page, change its ``status``, add a sentence to the body,
  or (rarely) rename it within the same folder; every ~40 commits a short side branch is made and
  merged back with a merge commit. A few commits are made by ``dependabot[bot]``.

The same ``seed`` gives the same repository (same commit ids).
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pygit2

BLOB = pygit2.enums.FileMode.BLOB
TREE = pygit2.enums.FileMode.TREE

START = 1_577_872_800  # 2020-01-01 10:00 UTC
STEP = 3_600  # one commit an hour

AUTHORS = [
    ("Anouk de Vries", "anouk@example.org"),
    ("Bram Jansen", "bram@example.org"),
    ("Chaima El Idrissi", "chaima@example.org"),
    ("Daan Visser", "daan@example.org"),
    ("Esra Yilmaz", "esra@example.org"),
    ("Fenna Bakker", "fenna@example.org"),
    ("Gijs Smit", "gijs@example.org"),
    ("Hatice Kaya", "hatice@example.org"),
    ("Iris Mulder", "iris@example.org"),
    ("Jayden Bos", "jayden@example.org"),
    ("Kees de Boer", "kees@example.org"),
    ("Lotte Peters", "lotte@example.org"),
]
BOT = ("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com")

STATUS = {
    "initiatieven": ["in-opbouw", "actief", "slapend", "gestopt", "overgedragen"],
    "plekken": ["open", "bedreigd", "gesloten", "tijdelijk"],
}
_WORDS = (
    "buurt bewoners samen koffie tuin moestuin repair café kinderen ouderen wekelijks dinsdag "
    "plein buurthuis vrijwilligers energie groen speeltuin school markt muziek taal les fiets "
    "opknappen ontmoeten delen koken eten buren straat avond ochtend zomer winter feest"
)
WORDS = _WORDS.split()


@dataclass
class _Page:
    folder: str  # e.g. "wijken/wijk-3/initiatieven"
    kind: str  # "initiatieven" or "plekken"
    number: int
    slug: str
    status: str
    body: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"{self.folder}/{self.slug}.md"

    def text(self) -> str:
        title = ("Initiatief " if self.kind == "initiatieven" else "Plek ") + str(self.number)
        lines = ["---", f"titel: {title}", f"status: {self.status}"]
        if self.kind == "initiatieven":
            lines.append(f"samenvatting: Een initiatief van bewoners, nummer {self.number}.")
        lines += ["---", "", *self.body, ""]
        return "\n".join(lines)


class _Tree:
    """The files of one branch as folders of blob ids; writes only the folders that changed."""

    def __init__(self) -> None:
        self.files: dict[str, dict[str, pygit2.Oid]] = {"": {}}
        self.subdirs: dict[str, set[str]] = {"": set()}
        self.written: dict[str, pygit2.Oid] = {}
        self.dirty: set[str] = {""}

    def copy(self) -> _Tree:
        other = _Tree()
        other.files = {d: dict(f) for d, f in self.files.items()}
        other.subdirs = {d: set(s) for d, s in self.subdirs.items()}
        other.written = dict(self.written)
        other.dirty = set(self.dirty)
        return other

    def _touch(self, folder: str) -> None:
        while True:
            self.dirty.add(folder)
            if folder == "":
                return
            parent, _, name = folder.rpartition("/")
            if folder not in self.files:
                self.files[folder] = {}
                self.subdirs[folder] = set()
            self.subdirs.setdefault(parent, set()).add(name)
            self.files.setdefault(parent, {})
            folder = parent

    def put(self, path: str, oid: pygit2.Oid) -> None:
        folder, _, name = path.rpartition("/")
        self._touch(folder)
        self.files[folder][name] = oid

    def remove(self, path: str) -> None:
        folder, _, name = path.rpartition("/")
        del self.files[folder][name]
        self._touch(folder)

    def write(self, repo: pygit2.Repository) -> pygit2.Oid:
        for folder in sorted(self.dirty, key=lambda d: d.count("/") + (d != ""), reverse=True):
            builder = repo.TreeBuilder()
            for name, oid in self.files[folder].items():
                builder.insert(name, oid, BLOB)
            for name in self.subdirs[folder]:
                child = f"{folder}/{name}" if folder else name
                builder.insert(name, self.written[child], TREE)
            self.written[folder] = builder.write()
        self.dirty.clear()
        return self.written[""]


class _Branch:
    def __init__(self, tree: _Tree, pages: dict[int, _Page], head: pygit2.Oid | None) -> None:
        self.tree = tree
        self.pages = pages  # page id -> page as on this branch
        self.head = head


class _Generator:
    def __init__(
        self, repo: pygit2.Repository, entities: int, commits: int, seed: int, extra_files: dict[str, str], wijken: int | None
    ) -> None:
        self.repo = repo
        self.rng = random.Random(seed)
        self.entities = entities
        self.commits = commits
        self.extra_files = extra_files
        self.wijken = wijken or max(3, entities // 200)
        self.count = 0  # commits written
        self.next_id = entities  # numbers for renamed slugs stay unique
        self.created = 0

    # -- writing ---------------------------------------------------------------------------

    def _signature(self, bot: bool = False) -> pygit2.Signature:
        name, email = BOT if bot else self.rng.choice(AUTHORS)
        return pygit2.Signature(name, email, START + self.count * STEP, 60)

    def _commit(self, branch: _Branch, message: str, parents: list[pygit2.Oid], bot: bool = False) -> None:
        tree = branch.tree.write(self.repo)
        author = self._signature(bot)
        branch.head = self.repo.create_commit(None, author, author, message, tree, parents)
        self.count += 1

    def _write_page(self, branch: _Branch, page: _Page) -> None:
        branch.tree.put(page.path, self.repo.create_blob(page.text().encode()))

    # -- actions ---------------------------------------------------------------------------

    def _new_page(self, branch: _Branch) -> str:
        number = self.created
        self.created += 1
        wijk = number % self.wijken + 1
        kind = "plekken" if number % 4 == 3 else "initiatieven"
        page = _Page(
            folder=f"wijken/wijk-{wijk}/{kind}",
            kind=kind,
            number=number,
            slug=f"{'plek' if kind == 'plekken' else 'initiatief'}-{number}",
            status=STATUS[kind][0] if kind == "initiatieven" else "open",
            body=[self._sentence()],
        )
        branch.pages[number] = page
        self._write_page(branch, page)
        return f"{page.slug} toegevoegd"

    def _sentence(self) -> str:
        words = self.rng.choices(WORDS, k=self.rng.randint(6, 14))
        return " ".join(words).capitalize() + "."

    def _change(self, branch: _Branch, number: int) -> str:
        page = branch.pages[number]
        roll = self.rng.random()
        if roll < 0.012:  # rename within the same folder
            old = page.path
            prefix = "plek" if page.kind == "plekken" else "initiatief"
            page.slug = f"{prefix}-{self.next_id}"
            self.next_id += 1
            branch.tree.remove(old)
            self._write_page(branch, page)
            return f"{old.rsplit('/', 1)[1][:-3]} hernoemd naar {page.slug}"
        if roll < 0.45:
            choices = [s for s in STATUS[page.kind] if s != page.status]
            page.status = self.rng.choice(choices)
            self._write_page(branch, page)
            return f"status van {page.slug}: {page.status}"
        page.body.append(self._sentence())
        self._write_page(branch, page)
        return f"tekst van {page.slug} aangevuld"

    def _step(self, branch: _Branch, allowed: list[int] | None = None) -> None:
        """One ordinary commit touching 1-3 pages."""
        remaining_commits = max(1, self.commits - self.count)
        remaining_pages = self.entities - self.created
        parts: list[str] = []
        touched: set[int] = set()
        for _ in range(self.rng.randint(1, 3)):
            create = allowed is None and remaining_pages > 0 and (
                self.rng.random() < min(1.0, 1.5 * remaining_pages / remaining_commits) or not branch.pages
            )
            if create:
                parts.append(self._new_page(branch))
                remaining_pages -= 1
                continue
            pool = allowed if allowed is not None else None
            number = self.rng.choice(pool) if pool else self.rng.randrange(self.created)
            if number in touched or number not in branch.pages:
                continue
            touched.add(number)
            parts.append(self._change(branch, number))
        if not parts:
            number = (allowed or [0])[0]
            parts.append(self._change(branch, number))
        bot = self.rng.random() < 0.01
        self._commit(branch, "; ".join(parts).capitalize(), [branch.head] if branch.head else [], bot)

    def _side_branch(self, main: _Branch) -> None:
        """A short side branch and commits on main, on different pages, then a merge commit."""
        pages = self.rng.sample(range(self.created), k=min(self.created, 6))
        side_pages, main_pages = pages[:3], pages[3:]
        fork = main.head
        side = _Branch(main.tree.copy(), {n: _copy_page(p) for n, p in main.pages.items()}, fork)
        steps = self.rng.randint(1, 3)
        for _ in range(steps):
            self._step(side, side_pages)
        for _ in range(self.rng.randint(1, 2)):
            if main_pages:
                self._step(main, main_pages)
        # Merge: main's files plus the side branch's versions of its pages.
        for number in side_pages:
            before, after = main.pages[number], side.pages[number]
            if before.path != after.path:
                main.tree.remove(before.path)
            main.pages[number] = after
            main.tree.put(after.path, side.tree.files[after.folder][after.slug + ".md"])
        self._commit(main, "Zijtak samengevoegd", [main.head, side.head])

    # -- the whole history -----------------------------------------------------------------

    def run(self) -> pygit2.Oid:
        main = _Branch(_Tree(), {}, None)
        home = "---\ntitel: Buurtwiki\n---\n\nWelkom op de buurtwiki.\n"
        main.tree.put("content/index.md", self.repo.create_blob(home.encode()))
        for wijk in range(1, self.wijken + 1):
            text = f"---\ntitel: Wijk {wijk}\n---\n\nAlles over wijk {wijk}.\n"
            main.tree.put(f"wijken/wijk-{wijk}/index.md", self.repo.create_blob(text.encode()))
        for path, text in self.extra_files.items():
            main.tree.put(path, self.repo.create_blob(text.encode()))
        first = max(1, min(self.entities // 10, 500))
        for _ in range(first):
            self._new_page(main)
        self._commit(main, "Eerste versie van de buurtwiki", [])
        while self.count < self.commits:
            if self.created > 10 and self.count % 40 == 39 and self.commits - self.count > 8:
                self._side_branch(main)
            else:
                self._step(main)
        assert main.head is not None
        return main.head


def _copy_page(page: _Page) -> _Page:
    return _Page(page.folder, page.kind, page.number, page.slug, page.status, list(page.body))


def generate_repo(
    path: Path | str,
    entities: int,
    commits: int,
    seed: int = 1,
    *,
    extra_files: dict[str, str] | None = None,
    wijken: int | None = None,
    checkout: bool = True,
    pack: bool = False,
) -> pygit2.Repository:
    """Write a new repository at ``path`` with ``entities`` pages and exactly ``commits`` commits.

    ``extra_files`` (path -> text) are added in the first commit, e.g. a ``mkdocs.yml``.
    ``wijken`` is the number of wijk folders (default: one per 200 pages, at least 3).
    The branch is ``main``; with ``checkout`` the work tree holds the last version. With ``pack``
    the objects are packed (``git repack``), as in a clone; reading history is then faster.
    """
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    repo = pygit2.init_repository(str(path), initial_head="main")
    head = _Generator(repo, entities, commits, seed, extra_files or {}, wijken).run()
    repo.references.create("refs/heads/main", head, force=True)
    repo.set_head("refs/heads/main")
    if checkout:
        repo.checkout_head(strategy=pygit2.enums.CheckoutStrategy.FORCE)
    if pack:
        subprocess.run(["git", "repack", "-a", "-d", "-q"], cwd=path, check=True)
        subprocess.run(["git", "prune-packed"], cwd=path, check=True)
    return repo
