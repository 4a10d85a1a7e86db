"""`buurtwiki bijwerken`: bring the generated files of an existing site up to this release.

Generated files are the workflows, the GitLab CI file, the issue forms and the residents' guide to
the content format (``docs/inhoudsformaat.md``, whose field lists come from the model). Residents' content,
mkdocs.yml and the README are never touched. Without ``--schrijf`` it only shows what would change.
"""

from __future__ import annotations

import difflib
import sys
from importlib import resources
from pathlib import Path
from string import Template

from .guide import GUIDE
from .issue_forms import issue_forms
from .site import _files, checked_version


class UpdateError(Exception):
    pass


GENERATED = (".github/workflows/", ".gitlab-ci.yml", GUIDE)


def generated(site_name: str = "Onze buurt", version: str | None = None) -> dict[str, str]:
    """Relative path → text of every generated file of this release."""
    values = {"buurtwiki_version": checked_version(version)}
    template = resources.files("buurtwiki").joinpath("scaffold").joinpath("site_template")
    out = {rel: Template(item.read_text(encoding="utf-8")).safe_substitute(values)
           for rel, item in _files(template) if rel.startswith(GENERATED)}
    out.update(issue_forms())
    return out


def plan(root: Path, version: str | None = None) -> list[tuple[str, str | None, str]]:
    """(path, current text or None, new text) for each generated file that differs."""
    changes: list[tuple[str, str | None, str]] = []
    for rel, text in generated(version=version).items():
        path = root / rel
        linked = [p for p in path.relative_to(root).parents if str(p) != "." and (root / p).is_symlink()]
        if linked:
            raise UpdateError(f"{linked[-1]} is een snelkoppeling (symlink); er is niets geschreven.")
        if path.is_symlink():
            changes.append((rel, "(een link; wordt vervangen door een bestand)", text))
            continue
        current = path.read_text(encoding="utf-8", errors="replace") if path.is_file() else None
        if current != text:
            changes.append((rel, current, text))
    return changes


def cmd_bijwerken(args) -> int:
    root = Path(args.dir)
    if not (root / "mkdocs.yml").is_file():
        print(f"fout: {root} is geen Buurtwiki-site (mkdocs.yml ontbreekt).", file=sys.stderr)
        return 2
    try:
        changes = plan(root)
    except UpdateError as err:
        print(f"fout: {err}", file=sys.stderr)
        return 1
    if not changes:
        print("Alles is al bijgewerkt.")
        return 0
    for rel, current, text in changes:
        if current is None:
            print(f"nieuw: {rel}")
        else:
            sys.stdout.writelines(difflib.unified_diff(current.splitlines(True), text.splitlines(True), f"a/{rel}", f"b/{rel}"))
    if not args.schrijf:
        print(f"\n{len(changes)} bestanden zouden veranderen. Schrijf ze met: buurtwiki bijwerken --schrijf")
        return 0
    for rel, _, text in changes:
        path = root / rel
        if path.is_symlink():
            path.unlink()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    print(f"\n{len(changes)} bestanden bijgewerkt. Kijk ze na en maak er een commit van.")
    return 0


def add_parser(sub) -> None:
    p = sub.add_parser("bijwerken", help="werk de workflows, formulieren en docs/inhoudsformaat.md van een site bij naar deze versie")
    p.add_argument("dir", nargs="?", default=".", help="de map van de site (standaard: deze map)")
    p.add_argument("--schrijf", action="store_true", help="schrijf de bestanden (anders: laat alleen zien wat verandert)")
    p.set_defaults(func=cmd_bijwerken)
