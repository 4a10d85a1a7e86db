"""Reading one Markdown file: its front matter as YAML nodes (with line numbers) and its body.

Each file is read and parsed once. YAML is composed into nodes rather than loaded, so that every
field keeps its line number and no value is converted before the field kind has looked at it
(PyYAML would otherwise crash on ``2016-13-45`` or turn ``nee`` into a boolean).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import frontmatter
import yaml

from ..validation.problems import Reporter

_FENCE = re.compile(r"^---[ \t]*$")
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available

# PyYAML's problems, said in Dutch for someone who has never seen YAML.
_YAML_PROBLEMS = [
    ("mapping values are not allowed", "er staat een dubbele punt (:) midden in een waarde. Zet de hele waarde tussen aanhalingstekens, zoals titel: \"Eten: elke dinsdag\"."),
    ("could not find expected ':'", "hier mist een dubbele punt (:) tussen veldnaam en waarde, zoals 'status: actief'."),
    ("found character '\\t'", "hier staat een tab. Gebruik spaties om in te springen."),
    ("found a tab character", "hier staat een tab. Gebruik spaties om in te springen."),
    ("expected <block end>, but found '-'", "een lijst-streepje (-) staat niet goed ingesprongen; zet alle streepjes van een lijst even ver naar rechts."),
    ("expected <block end>", "de inspringing klopt niet: een veld staat verder of minder ver naar rechts dan de velden eromheen."),
    ("found unexpected end of stream", "een aanhalingsteken (\" of ') wordt geopend maar niet gesloten."),
    ("found undefined alias", "een * aan het begin van een waarde heeft in YAML een speciale betekenis. Zet de waarde tussen aanhalingstekens."),
    ("found unhashable key", "een veldnaam mag geen lijst of groep zijn."),
    ("while scanning a quoted scalar", "een aanhalingsteken (\" of ') wordt geopend maar niet gesloten."),
    ("found character '@'", "een waarde mag niet met @ beginnen. Zet de waarde tussen aanhalingstekens."),
    ("found character '`'", "een waarde mag niet met ` beginnen. Zet de waarde tussen aanhalingstekens."),
    ("while parsing a flow sequence", "een lijst tussen [ en ] wordt niet goed gesloten; controleer de ] en de komma's."),
    ("while parsing a flow mapping", "een groep tussen { en } wordt niet goed gesloten."),
]


def explain_yaml_error(err: yaml.YAMLError) -> str:
    text = f"{getattr(err, 'context', '') or ''} {getattr(err, 'problem', '') or ''}"
    for needle, dutch in _YAML_PROBLEMS:
        if needle in text:
            return f"de gegevens bovenaan (tussen de --- regels) zijn niet te lezen: {dutch}"
    return f"de gegevens bovenaan (tussen de --- regels) zijn niet te lezen ({text.strip()}). Kijk of elke regel de vorm 'veld: waarde' heeft."


@dataclass
class Source:
    """One file as read from disk."""

    path: str  # as shown in messages: relative to the site root, with /
    text: str
    fields: dict[str, tuple[yaml.Node, yaml.Node]] = field(default_factory=dict)  # name -> (key, value)
    body: str = ""
    body_line: int = 1  # line of the body's first line in the file
    front_matter_line: int = 1
    readable: bool = True  # False when the front matter could not be parsed

    def line(self, name: str) -> int:
        pair = self.fields.get(name)
        return pair[0].start_mark.line + 1 if pair else self.front_matter_line


def split(text: str) -> tuple[str | None, str, int, bool]:
    """Front matter text, body text, the line where the body starts (1-based), and whether
    the front matter block was closed.

    Uses python-frontmatter's YAML handler to find the block, then counts lines itself.
    """
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        return None, text, 1, True
    lines = text.split("\n")
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r"))), None)
    if closing is None:
        return "\n".join(lines[1:]), "", len(lines) + 1, False
    return "\n".join(lines[1:closing]), "\n".join(lines[closing + 1 :]), closing + 2, True


def read_text(path: Path, report: Reporter) -> str | None:
    try:
        raw = path.read_bytes()
    except OSError as err:
        report.error(1, f"het bestand kan niet gelezen worden ({err.strerror}).")
        return None
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        report.error(line, "het bestand is niet opgeslagen als UTF-8. Sla het op als UTF-8 (dat kan in elke teksteditor).")
        return raw.decode("utf-8", errors="replace").replace("\r\n", "\n")


def parse_source(path: str, text: str, report: Reporter, need_front_matter: bool) -> Source:
    """Split and compose; report YAML problems at their line."""
    source = Source(path=path, text=text)
    yaml_text, body, body_line, closed = split(text)
    source.body, source.body_line = body, body_line
    if yaml_text is None:
        if need_front_matter:
            report.error(1, "de pagina begint niet met gegevens tussen twee regels met ---. Zet bovenaan:\n---\ntitel: …\n---")
            source.readable = False
        return source
    if not closed:
        report.error(1, "de gegevens bovenaan worden geopend met --- maar niet gesloten. Zet een regel met alleen --- onder de gegevens.")
    source.front_matter_line = 2
    # A leading newline makes node lines count from the top of the file (the --- is line 1).
    try:
        root = yaml.compose("\n" + yaml_text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        try:  # the pure-Python parser words its problems in the way explain_yaml_error knows
            root = yaml.compose("\n" + yaml_text, Loader=yaml.SafeLoader)
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
            if "end of stream" in str(getattr(err, "problem", "")) and getattr(err, "context_mark", None):
                mark = err.context_mark  # an unclosed quote: point at where it opens
            report.error((mark.line + 1) if mark else 1, explain_yaml_error(err))
            source.readable = False
            return source
    if root is None:
        return source
    if not isinstance(root, yaml.MappingNode):
        report.error(2, "de gegevens bovenaan moeten regels zijn in de vorm 'veld: waarde'.")
        source.readable = False
        return source
    for key, value in root.value:
        name = str(key.value)
        if name in source.fields:
            report.error(key.start_mark.line + 1, f"veld '{name}' staat twee keer in de gegevens; haal er één weg (eerst op regel {source.line(name)}).")
            continue
        source.fields[name] = (key, value)
    return source
