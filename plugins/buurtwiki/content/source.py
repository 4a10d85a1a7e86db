"""Reading one Markdown file: its front matter as YAML nodes (with line numbers) and its body.

Each file is read and parsed once. YAML is composed into nodes rather than loaded, so that every
field keeps its line number and no value is converted before the field kind has looked at it
(PyYAML would otherwise crash on ``2016-13-45`` or turn ``nee`` into a boolean).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..validation.problems import Reporter
from .bounded_yaml import YamlProblem, compose, explain_yaml_error

__all__ = ["Source", "explain_yaml_error", "parse_source", "read_text", "split"]

_FENCE = re.compile(r"^---[ \t]*$")
# Lines that look like front matter when the closing --- is missing: "veld: waarde", an indented
# line (a nested value or a long text) or a list item. No backtracking: each part is one class.
_FIELD_LINE = re.compile(r"[A-Za-z_][A-Za-z0-9_-]{0,80}[ \t]*:(?:[ \t]|$)")
_MORE_LINE = re.compile(r"[ \t]+\S|-(?:[ \t]|$)")
# One Markdown file. markdown-it-py is linear but slow on hostile text (about 25 µs per byte of
# "![a![a…"), so this keeps the worst file to seconds; the largest demo page is 3 kB.
MAX_FILE_BYTES = 512 * 1024


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

    The contract's rule, for the loader and the history alike: the file starts with a line
    ``---`` and the block ends at the next line ``---`` (trailing spaces allowed; ``----`` and
    YAML's ``...`` are not fences). Linear in the text.
    """
    lines = text.split("\n")
    if not _FENCE.match(lines[0].rstrip("\r")):
        return None, text, 1, True
    closing = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r"))), None)
    if closing is None:
        return "\n".join(lines[1:]), "", len(lines) + 1, False
    return "\n".join(lines[1:closing]), "\n".join(lines[closing + 1 :]), closing + 2, True


def probable_end(lines: list[str]) -> int:
    """When the closing ``---`` is missing: the index of the last line that still looks like front
    matter, before the first line of text (blank lines and ``#`` comments go either way). 0 when
    not even the first line after the opening ``---`` looks like a field. Linear in the lines."""
    end, blank = 0, False
    for i in range(1, len(lines)):
        line = lines[i].rstrip("\r")
        if not line.strip() or line.startswith("#"):
            blank = blank or not line.strip()
            continue
        # a list item or indented line goes on a field; after a blank line it is more likely text
        if not (_FIELD_LINE.match(line) or (not blank and end and _MORE_LINE.match(line))):
            break
        end, blank = i, False
    return end


def _unclosed(source: Source, report: Reporter) -> str:
    """One clear error for a front matter without its closing ``---``, at the line after which it
    probably belongs; the front matter and body are split there, so the rest of the page still
    builds. Returns the front matter text."""
    lines = source.text.split("\n")
    end = probable_end(lines)
    if end == 0:
        report.error(1, "de regel met alleen --- onder de gegevens bovenaan ontbreekt (de gegevens beginnen met --- "
                        "op regel 1). Zet onder de gegevens een regel met alleen ---.")
        return ""
    last = lines[end].strip()
    shown = last if len(last) <= 60 else last[:59] + "…"
    report.error(
        end + 1,
        f"de regel met alleen --- onder de gegevens bovenaan ontbreekt (de gegevens beginnen met --- op regel 1). "
        f"De gegevens houden waarschijnlijk op na regel {end + 1} ('{shown}'). Zet daaronder een regel met alleen ---.",
    )
    source.body, source.body_line = "\n".join(lines[end + 1 :]), end + 2
    return "\n".join(lines[1 : end + 1])


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
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_FILE_BYTES:
        report.error(
            1,
            f"het bestand is {size // 1024} kB groot; maximaal {MAX_FILE_BYTES // 1024} kB is toegestaan. "
            "De tekst wordt daarom niet op de site gezet. Verdeel de tekst over meer pagina's.",
        )
        source.body = ""
    if yaml_text is None:
        if need_front_matter:
            report.error(1, "de pagina begint niet met gegevens tussen twee regels met ---. Zet bovenaan:\n---\ntitel: …\n---")
            source.readable = False
        return source
    if not closed:
        yaml_text = _unclosed(source, report)
    source.front_matter_line = 2
    # A leading newline makes node lines count from the top of the file (the --- is line 1).
    try:
        root = compose("\n" + yaml_text)
    except YamlProblem as problem:
        if closed:  # without the closing ---, that error is the one to fix first
            report.error(problem.line, problem.message)
        source.readable = False
        return source
    if root is None:
        return source
    if not isinstance(root, yaml.MappingNode):
        report.error(2, "de gegevens bovenaan moeten regels zijn in de vorm 'veld: waarde'.")
        source.readable = False
        return source
    for key, value in root.value:
        if not isinstance(key, yaml.ScalarNode):
            report.error(key.start_mark.line + 1, "een veldnaam mag geen lijst of groep zijn; schrijf 'veld: waarde'.")
            continue
        name = key.value
        if name in source.fields:
            report.error(key.start_mark.line + 1, f"veld '{name[:80]}' staat twee keer in de gegevens; haal er één weg (eerst op regel {source.line(name)}).")
            continue
        source.fields[name] = (key, value)
    return source
