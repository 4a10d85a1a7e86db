"""The ``buurtwiki`` command: check, init, nieuw, schema, verschil, uit-issue and bijwerken."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path

from ..adapters.mkdocs.options import OptionsError, read_options
from ..build import BuildOptions, run
from ..model.schema import DEFAULT_REGISTRY
from ..model.types import Layout
from ..scaffold import guide, update
from ..scaffold.page import ScaffoldError, new_page
from ..scaffold.site import init_site
from . import annotations as check_formats  # not `annotations`: that name is taken by __future__
from . import uit_issue, verschil


def _options(root: Path) -> BuildOptions | None:
    """The site's folders and settings from its mkdocs.yml, read as a build reads them; None
    (after saying why) when mkdocs.yml cannot be read."""
    try:
        return read_options(root)
    except OptionsError as err:
        print(err, file=sys.stderr)
        return None


def cmd_check(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    if not root.is_dir():
        print(f"{args.dir}: fout: deze map bestaat niet.", file=sys.stderr)
        return 2
    options = _options(root)
    if options is None:
        return 2
    # the emit stage too (without git history: pages are rendered only when written), so that a
    # resident page at the address of a generated page is reported here as in the build
    site = run(replace(options, root=root.resolve(), wijken_dir=args.wijken or options.wijken_dir, history=False)).site
    sys.stdout.write(check_formats.render(site.problems.sorted(), args.format, root))
    count = len(site.entities)
    print(f"{count} pagina's gecontroleerd: {site.problems.summary()}.", file=sys.stderr)
    return 1 if site.problems.errors else 0


def cmd_init(args: argparse.Namespace) -> int:
    target = Path(args.dir)
    try:
        written = init_site(target, site_name=args.naam)
    except FileExistsError as err:
        print(f"fout: deze bestanden bestaan al, er is niets geschreven: {err}", file=sys.stderr)
        return 1
    print(f"Nieuwe Buurtwiki-site gemaakt in {target} ({len(written)} bestanden).")
    print(f"Bekijk hem met:  cd {target} && mkdocs serve")
    return 0


def cmd_nieuw(args: argparse.Namespace) -> int:
    root = Path(args.dir)
    options = _options(root)
    if options is None:
        return 2
    try:
        path = new_page(root, args.type, args.titel, wijk=args.wijk, agenda=args.agenda,
                        docs_dir=options.docs_dir, wijken_dir=options.wijken_dir)
    except ScaffoldError as err:
        print(f"fout: {err}", file=sys.stderr)
        return 1
    print(f"Nieuwe pagina: {path}")
    made = DEFAULT_REGISTRY.get(args.type)
    if made is not None and made.layout is Layout.AGENDA_INDEX:  # the folder name is what --agenda wants
        item = DEFAULT_REGISTRY.of_layout(Layout.AGENDA_ITEM).name
        print(f'Agendapunten erin maak je met: buurtwiki nieuw {item} "Titel" --wijk {path.parent.parent.parent.name} '
              f"--agenda {path.parent.name}")
    return 0


def cmd_schema(args: argparse.Namespace) -> int:
    if args.markdown is not None:
        return _schema_markdown(args.markdown)
    schemas = {spec.name: spec.json_schema() for spec in DEFAULT_REGISTRY}
    if args.out:
        out = Path(args.out)
        out.mkdir(parents=True, exist_ok=True)
        for name, schema in schemas.items():
            (out / f"{name}.schema.json").write_text(json.dumps(schema, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        print(f"{len(schemas)} schema's geschreven naar {out}")
    else:
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
    return 0


def _schema_markdown(files: list[str]) -> int:
    """The field lists of every type as Markdown; with files, refreshed in place between the markers."""
    if not files:
        sys.stdout.write(guide.fields_markdown(DEFAULT_REGISTRY))
        return 0
    paths = [Path(f) for f in files]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        print(f"fout: dit bestand bestaat niet: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        changed = guide.refresh_files(paths, DEFAULT_REGISTRY)
    except guide.GuideError as err:
        print(f"fout: {err}", file=sys.stderr)
        return 1
    print(f"{len(changed)} van {len(paths)} bestanden bijgewerkt." if changed else "Alles is al bijgewerkt.")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="buurtwiki", description="Buurtwiki: een openbare website per buurt, gemaakt door bewoners.")
    sub = p.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="controleer alle pagina's en meld elke fout met bestand en regel")
    check.add_argument("dir", nargs="?", default=".", help="de map van de site (standaard: deze map)")
    check.add_argument("--wijken", help="de map met wijken (standaard: wijken_dir uit mkdocs.yml, of wijken)")
    check.add_argument("--format", choices=check_formats.FORMATS, default="text",
                       help="text (standaard), github (meldingen bij de regel in een pull request) of gitlab (Code Quality)")
    check.set_defaults(func=cmd_check)
    init = sub.add_parser("init", help="maak een nieuwe site")
    init.add_argument("dir", help="de map voor de nieuwe site")
    init.add_argument("--naam", default="Onze buurt", help="de naam van de site")
    init.set_defaults(func=cmd_init)
    nieuw = sub.add_parser("nieuw", help="maak een nieuwe pagina op de juiste plek")
    nieuw.add_argument("type", help="het soort pagina: " + ", ".join(DEFAULT_REGISTRY.names))
    nieuw.add_argument("titel", help="de titel van de pagina")
    nieuw.add_argument("--wijk", help="de wijk (de naam van de map onder wijken/)")
    nieuw.add_argument("--agenda", help="voor een agendapunt: de map van de toekomstagenda")
    nieuw.add_argument("--dir", default=".", help="de map van de site (standaard: deze map)")
    nieuw.set_defaults(func=cmd_nieuw)
    schema = sub.add_parser("schema", help="JSON Schema van elk type, voor editors en formulieren")
    schema.add_argument("--out", help="map om de schema's in te schrijven")
    schema.add_argument("--markdown", nargs="*", metavar="BESTAND",
                        help="de velden per type als Markdown; met bestanden: werk de lijst tussen "
                             "<!-- velden:begin --> en <!-- velden:end --> daarin bij")
    schema.set_defaults(func=cmd_schema)
    verschil.add_parser(sub)
    uit_issue.add_parser(sub)
    update.add_parser(sub)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    raise SystemExit(main())
