"""What every field kind shares: the error type, how a found value is quoted back, the base class.

Schemas and parsers agree on one reading of a value. The parser reads the scalar *text* as
written; the JSON Schema (``buurtwiki schema``) validates the value as a YAML 1.2 loader with
the JSON schema resolution hands it to an editor or form: ``true``/``false``/``null``, numbers in
JSON syntax (``12``, ``-3.5``, ``1e3``) become JSON values, everything else - and every quoted
value - stays a string (:func:`json_value`). So each kind's ``schema()`` accepts the typed value
*and* the text form its parser reads, both built from the same pattern and bounds.

Parser-only checks that JSON Schema cannot express are named in each kind's docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

MAX_SLUG = 100  # characters of a page name (slug)
MAX_SHOWN = 80  # characters of a value quoted back in a message

# YAML 1.2 JSON schema (spec 10.2.1): the plain scalars that are not strings.
_JSON_INT = re.compile(r"-?(?:0|[1-9][0-9]*)")
_JSON_FLOAT = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?")
JSON_NUMBER = _JSON_FLOAT.pattern


class FieldError(Exception):
    """A value that does not fit its field. ``line`` is 1-based."""

    def __init__(self, message: str, line: int):
        super().__init__(message)
        self.message = message
        self.line = line


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def shown(text: str) -> str:
    """A value as quoted in a message: cut off when long, so one message stays readable."""
    text = str(text)
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"


def describe(node: yaml.Node) -> str:
    """How a found value is quoted back to the resident."""
    if isinstance(node, yaml.ScalarNode):
        return f"'{shown(node.value)}'" if node.value != "" else "een lege waarde"
    if isinstance(node, yaml.SequenceNode):
        return "een lijst"
    return "een groep velden"


def is_plain(node: yaml.ScalarNode) -> bool:
    """Written without quotes. libyaml's composer marks plain scalars with style '', PyYAML's with None."""
    return not node.style


def is_empty(node: yaml.Node | None) -> bool:
    """No value: nothing, blanks, or an unquoted null (``~``, ``null``): the field counts as absent."""
    return node is None or (
        isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null") and is_plain(node)
    ) or (isinstance(node, yaml.ScalarNode) and node.value.strip() == "")


def json_value(text: str) -> Any:
    """The JSON value an editor's YAML 1.2 (JSON schema) loader makes of a plain scalar."""
    if text in ("true", "false"):
        return text == "true"
    if text in ("null", ""):
        return None
    if _JSON_INT.fullmatch(text):
        return int(text)
    if _JSON_FLOAT.fullmatch(text):
        return float(text)
    return text


def anchored(pattern: str) -> str:
    """A JSON Schema (ECMA-262) pattern matching the whole value, as the parser's fullmatch does."""
    return f"^(?:{pattern})$"


def any_case(word: str) -> str:
    """``ma`` as ``[Mm][Aa]``: JSON Schema patterns have no case-insensitive flag."""
    return "".join(f"[{c.upper()}{c.lower()}]" if c.isalpha() else re.escape(c) for c in word)


# What the parser takes for "no value" (the field or list item counts as absent): null, blanks,
# and the nulls of YAML 1.1 that an editor's YAML 1.2 loader keeps as text.
EMPTY: dict[str, Any] = {"anyOf": [{"type": "null"}, {"enum": ["~", "Null", "NULL"]}, {"type": "string", "pattern": r"^\s*$"}]}

# A scalar value the parser reads as text: YAML may hand an editor a number or true/false for it.
ANY_SCALAR = ["string", "number", "boolean"]


@dataclass
class Kind:
    """Base of all field kinds."""

    def parse(self, node: yaml.Node, name: str) -> Any:
        raise NotImplementedError

    def schema(self) -> dict[str, Any]:
        raise NotImplementedError

    def example(self) -> Any:
        return ""

    def words(self) -> str:
        """What the field holds, in Dutch, for messages and documentation."""
        return "tekst"

    def limits(self) -> str:
        """The bounds of a value in Dutch ("hoogstens 300 tekens"), for documentation; empty if none."""
        return ""


def scalar(node: yaml.Node, name: str, what: str) -> str:
    """The stripped text of a scalar; a list or group is an error naming ``what`` was expected."""
    if not isinstance(node, yaml.ScalarNode):
        raise FieldError(f"veld '{name}': verwacht {what}, maar vond {describe(node)}.", line_of(node))
    return node.value.strip()
