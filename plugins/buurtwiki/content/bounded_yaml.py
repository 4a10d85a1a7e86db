"""The one bounded YAML parse for front matter and ``themas.yml``: nodes, never objects.

Residents' YAML is untrusted. Anchors (``&``) and aliases (``*``) let a few hundred bytes stand
for billions of values ("billion laughs"); every later walk over the values would hang the build,
even for an old version in git history. So this parse refuses them, refuses more than
``MAX_BYTES`` of text and nesting deeper than ``MAX_DEPTH``, all checked on the event stream
before anything is composed: one linear pass with libyaml, then libyaml's composer.
"""

from __future__ import annotations

from typing import Any

import yaml

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available
MAX_BYTES = 64 * 1024
MAX_DEPTH = 12  # the content format needs 3 (a list of groups with a list in them)

FRONT_MATTER = "de gegevens bovenaan (tussen de --- regels)"
ANCHORS = (
    "ankers (&) en verwijzingen (*) zijn in {where} niet toegestaan; schrijf de waarde "
    "voluit. Begint een tekst met & of *? Zet de hele waarde dan tussen aanhalingstekens, zoals "
    "titel: \"*Nieuw* in de buurt\"."
)

# PyYAML's problems, said in Dutch for someone who has never seen YAML.
_YAML_PROBLEMS = [
    ("mapping values are not allowed", "er staat een dubbele punt (:) midden in een waarde. Zet de hele waarde tussen aanhalingstekens, zoals titel: \"Eten: elke dinsdag\"."),
    ("could not find expected ':'", "hier mist een dubbele punt (:) tussen veldnaam en waarde, zoals 'status: actief'."),
    ("found character '\\t'", "hier staat een tab. Gebruik spaties om in te springen."),
    ("found a tab character", "hier staat een tab. Gebruik spaties om in te springen."),
    ("expected <block end>, but found '-'", "een lijst-streepje (-) staat niet goed ingesprongen; zet alle streepjes van een lijst even ver naar rechts."),
    ("expected <block end>", "de inspringing klopt niet: een veld staat verder of minder ver naar rechts dan de velden eromheen."),
    ("found unexpected end of stream", "een aanhalingsteken (\" of ') wordt geopend maar niet gesloten."),
    ("while scanning an alias", "een * aan het begin van een waarde heeft in YAML een speciale betekenis. Zet de waarde tussen aanhalingstekens."),
    ("while scanning an anchor", "een & aan het begin van een waarde heeft in YAML een speciale betekenis. Zet de waarde tussen aanhalingstekens."),
    ("while scanning a quoted scalar", "een aanhalingsteken (\" of ') wordt geopend maar niet gesloten."),
    ("found character '@'", "een waarde mag niet met @ beginnen. Zet de waarde tussen aanhalingstekens."),
    ("found character '`'", "een waarde mag niet met ` beginnen. Zet de waarde tussen aanhalingstekens."),
    ("while parsing a flow sequence", "een lijst tussen [ en ] wordt niet goed gesloten; controleer de ] en de komma's."),
    ("while parsing a flow mapping", "een groep tussen { en } wordt niet goed gesloten."),
    ("maximum nesting depth", f"er staan te veel lijsten of groepen in elkaar; maximaal {MAX_DEPTH} is toegestaan."),
]


class YamlProblem(ValueError):
    """YAML that Buurtwiki will not read, with a Dutch message. ``line`` is 1-based in the text."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


def explain_yaml_error(err: yaml.YAMLError, what: str = FRONT_MATTER) -> str:
    text = f"{getattr(err, 'context', '') or ''} {getattr(err, 'problem', '') or ''}"
    for needle, dutch in _YAML_PROBLEMS:
        if needle in text:
            return f"{what} zijn niet te lezen: {dutch}"
    return (
        f"{what} zijn niet te lezen ({' '.join(text.split())[:200]}). "
        "Kijk of elke regel de vorm 'veld: waarde' heeft."
    )


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark is not None else 1


def _check_events(text: str, loader: type, what: str, where: str) -> None:
    """Refuse anchors, aliases, deep nesting and more than one document; linear in the events."""
    depth = documents = 0
    for event in yaml.parse(text, Loader=loader):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise YamlProblem(_line(event), ANCHORS.format(where=where))
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(
                    _line(event),
                    f"er staan te veel lijsten of groepen in elkaar (meer dan {MAX_DEPTH}); maak de gegevens eenvoudiger.",
                )
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
        elif isinstance(event, yaml.DocumentStartEvent):
            documents += 1
            if documents > 1:
                raise YamlProblem(
                    _line(event),
                    f"{what} bestaan uit meer dan één blok (er staat een regel met ...); haal die regel weg.",
                )


def _wording(err: yaml.YAMLError, what: str) -> YamlProblem:
    context = getattr(err, "context_mark", None)
    mark = getattr(err, "problem_mark", None) or context
    if "end of stream" in str(getattr(err, "problem", "")) and context:
        mark = context  # an unclosed quote: point at where it opens
    return YamlProblem((mark.line + 1) if mark else 1, explain_yaml_error(err, what))


def compose(text: str, what: str = FRONT_MATTER, where: str = "de gegevens bovenaan") -> yaml.Node | None:
    """The YAML of ``text`` as nodes (with line numbers), or YamlProblem with a Dutch message.
    ``what`` and ``where`` name the text in messages ('themas.yml', 'in themas.yml')."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise YamlProblem(
            1,
            f"{what} zijn {size // 1024} kB groot; maximaal {MAX_BYTES // 1024} kB is toegestaan."
            + (" Zet lange tekst onder de tweede regel met --- in plaats van in een veld." if what == FRONT_MATTER else ""),
        )
    try:
        _check_events(text, FAST_LOADER, what, where)
    except yaml.YAMLError as fast_error:
        try:  # the pure-Python parser words its problems in the way explain_yaml_error knows
            _check_events(text, yaml.SafeLoader, what, where)
        except yaml.YAMLError as err:
            raise _wording(err, what) from None
        raise _wording(fast_error, what) from None
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError as err:  # not expected once the events were fine
        raise _wording(err, what) from None


def plain(node: yaml.Node | None) -> Any:
    """Nodes as plain values, every scalar kept as written (text), like PyYAML's BaseLoader."""
    if node is None:
        return None
    if isinstance(node, yaml.ScalarNode):
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [plain(child) for child in node.value]
    out: dict[str, Any] = {}
    for key, value in node.value:
        if not isinstance(key, yaml.ScalarNode):
            raise YamlProblem(key.start_mark.line + 1, "een veldnaam mag geen lijst of groep zijn.")
        out[key.value] = plain(value)
    return out
