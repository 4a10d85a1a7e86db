"""`buurtwiki uit-issue FILE`: an issue-form body (as GitHub renders it) becomes a page file
(a reaction form: the reaction is recorded in the agenda item, see :mod:`uit_reactie`).

The page starts from the template `buurtwiki nieuw` writes (:func:`scaffold.page.page_text`);
the answers replace its example values and comments. What is missing or wrong is reported in
Dutch, with the line in the issue text; the new file is then checked like any other page.

The issue text is untrusted: it is read from a file (never from the command line of a shell
script), at most 64 kB; values go into YAML through ``yaml.safe_dump`` only.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from ..content.loader import load_site
from ..model.access import entity_types
from ..model.fields import ListOf, Number, slugify
from ..scaffold.issue_forms import BODY_QUESTION, FORM_TYPES, TYPE_QUESTION, WIJK_QUESTION, questions
from ..scaffold.page import ScaffoldError, page_path, page_text

MAX_ISSUE = 64 * 1024
NO_RESPONSE = "_No response_"
HEADING = re.compile(r"### ([^\n]{1,200})")


def sections(text: str) -> dict[str, tuple[int, str]]:
    """Heading → (line of the heading, answer) of a rendered issue-form body."""
    out: dict[str, tuple[int, str]] = {}
    current: str | None = None
    start = 0
    lines: list[str] = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), start=1):
        match = HEADING.fullmatch(line.rstrip())
        if match:
            if current is not None:
                out.setdefault(current, (start, "\n".join(lines).strip()))
            current, start, lines = match.group(1).strip(), number, []
        elif current is not None:
            lines.append(line)
    if current is not None:
        out.setdefault(current, (start, "\n".join(lines).strip()))
    return {k: (n, "" if v == NO_RESPONSE else v) for k, (n, v) in out.items()}


def _value(spec, answer: str):
    """An answer as a YAML value; answers of one-line questions stay on one line."""
    kind = spec.kind
    answer = " ".join(answer.split())
    if isinstance(kind, ListOf):
        return [part.strip() for part in answer.split(",") if part.strip()]
    if isinstance(kind, Number):
        try:
            number = float(answer.replace(",", "."))
        except ValueError:
            return answer
        return int(number) if number.is_integer() else number
    return answer


def fill(type_name: str, answers: dict[str, tuple[int, str]]) -> tuple[str, str, list[str]]:
    """(title, page text, problems) for the answers of a ``type_name`` form."""
    entity_type = entity_types()[type_name]
    title = " ".join(answers.get("Titel", (0, ""))[1].split())
    text = page_text(entity_type, title or "Zonder titel")
    front, _, body = text.partition("\n---\n")
    lines = front.split("\n")
    problems = []
    for question in questions(type_name):
        spec = entity_type.field(question.id)
        line, answer = answers.get(question.label, (0, ""))
        if spec is None:
            continue
        if not answer:
            if spec.required:
                problems.append(f"issue:{line or 1}: fout: '{question.label}' is niet ingevuld; dat is verplicht.")
            continue
        if spec.name == "titel":
            continue
        dumped = yaml.safe_dump({spec.name: _value(spec, answer)}, allow_unicode=True, width=1000,
                                default_flow_style=isinstance(spec.kind, ListOf)).strip()
        if dumped.startswith("{") and dumped.endswith("}"):
            dumped = dumped[1:-1]
        at = [i for i, old in enumerate(lines) if old.startswith((f"{spec.name}:", f"# {spec.name}:"))]
        if at:
            lines[at[0]] = dumped
        else:
            lines.append(dumped)
    story = answers.get(BODY_QUESTION, (0, ""))[1]
    return title, "\n".join(lines) + "\n---\n" + (f"\n{story}\n" if story else body), problems


def page_from_issue(root: Path, text: str) -> tuple[Path | None, list[str]]:
    answers = sections(text[:MAX_ISSUE])
    type_name = answers.get(TYPE_QUESTION, (0, ""))[1].strip()
    if not type_name and "Agendapunt" in answers and "Reactie" in answers:
        from .uit_reactie import record

        return record(root, answers)
    if type_name not in FORM_TYPES:
        return None, [f"issue:1: fout: dit is geen formulier voor een nieuwe pagina ('{TYPE_QUESTION}' ontbreekt of is "
                      f"onbekend; kan zijn: {', '.join(FORM_TYPES)})."]
    title, page, problems = fill(type_name, answers)
    wijk_line, wijk = answers.get(WIJK_QUESTION, (0, ""))
    slug = slugify(title)
    if not slug:
        problems.append("issue:1: fout: de titel ontbreekt of heeft geen letters of cijfers.")
    if not slugify(wijk) and not entity_types()[type_name].site_wide:
        problems.append(f"issue:{wijk_line or 1}: fout: de wijk is niet ingevuld.")
    if problems:
        return None, problems
    try:
        rel = page_path(entity_types()[type_name], slug, slugify(wijk), None)
    except ScaffoldError as err:
        return None, [f"issue:1: fout: {err}"]
    if not (root / "wijken" / slugify(wijk) / "index.md").is_file() and not entity_types()[type_name].site_wide:
        return None, [f"issue:{wijk_line}: fout: de wijk '{wijk[:80]}' bestaat niet op deze site."]
    path = root / rel
    if path.exists():
        return None, [f"issue:1: fout: {rel} bestaat al; er is niets overschreven."]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(page, encoding="utf-8")
    site = load_site(root)
    return path, [str(p) for p in site.problems.sorted() if p.path == rel]


def cmd_uit_issue(args) -> int:
    source = Path(args.file)
    try:
        with source.open("rb") as handle:
            text = handle.read(MAX_ISSUE).decode("utf-8", errors="replace")
    except OSError:
        print(f"fout: het bestand {args.file} kan niet gelezen worden.", file=sys.stderr)
        return 2
    path, problems = page_from_issue(Path(args.dir), text)
    for problem in problems:
        print(problem, file=sys.stderr)
    if path is not None:
        print(path.relative_to(Path(args.dir)).as_posix())
    return 1 if path is None or any(": fout: " in p for p in problems) else 0


def add_parser(sub) -> None:
    p = sub.add_parser("uit-issue", help="maak een pagina van een ingevuld issue-formulier")
    p.add_argument("file", help="een bestand met de tekst van het issue")
    p.add_argument("--dir", default=".", help="de map van de site (standaard: deze map)")
    p.set_defaults(func=cmd_uit_issue)
