"""Parser and JSON Schema agree: for every field kind of the default types, a value written in
YAML is accepted by the parser exactly when ``buurtwiki schema`` accepts it.

The parser is driven through real YAML (the bounded compose that ``content/source.py`` uses);
the schema sees the value an editor's YAML 1.2 (JSON schema) loader makes of the same text.
What JSON Schema cannot express is left out of the compared domain *by name* (``EXCLUDED``),
and each exclusion is still checked the other way where it can be.
"""

from __future__ import annotations

import calendar
import json
import re

import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from buurtwiki.content.bounded_yaml import YamlProblem, compose
from buurtwiki.model.kinds import (
    Choice,
    Date,
    DateTime,
    EmailAddress,
    FieldError,
    FilePath,
    Kind,
    LatLon,
    ListOf,
    Number,
    OpeningHours,
    Recurrence,
    Ref,
    Struct,
    Text,
    ThemeKey,
    Url,
    is_empty,
    is_plain,
    json_value,
    number_of,
)
from buurtwiki.model.kinds.choices import RRULE_TEXT, _valid_rule
from buurtwiki.model.kinds.dates import DATETIME_TEXT
from buurtwiki.model.kinds.places import LATLON_TEXT
from buurtwiki.model.schema import DEFAULT_REGISTRY

# -- the kinds of the default types ------------------------------------------------------------


def _kinds() -> dict[str, Kind]:
    found: dict[str, Kind] = {}

    def add(kind: Kind, where: str) -> None:
        if isinstance(kind, Struct):
            for sub in kind.fields:
                add(sub.kind, f"{where}.{sub.name}")
            return
        key = repr(kind)
        found.setdefault(key, kind)
        if isinstance(kind, ListOf):
            add(kind.item, where + "[]")

    for entity_type in DEFAULT_REGISTRY:
        for spec in entity_type.fields:
            add(spec.kind, f"{entity_type.name}.{spec.name}")
    return found


KINDS = _kinds()

# -- the YAML side: text as written, the node the parser gets, the JSON an editor gets ----------


def yaml_scalar(text: str, style: str) -> str:
    """``text`` written as a YAML scalar in ``style``; plain only where YAML keeps it as written."""
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return json.dumps(text)


def node_of(source: str) -> yaml.Node | None:
    try:
        root = compose("\nv: " + source)
    except YamlProblem:
        return None
    if not isinstance(root, yaml.MappingNode) or len(root.value) != 1:
        return None
    return root.value[0][1]


def json_of(node: yaml.Node) -> object:
    """The value as an editor's YAML 1.2 loader (JSON schema resolution) hands it over."""
    if isinstance(node, yaml.SequenceNode):
        return [json_of(n) for n in node.value]
    if isinstance(node, yaml.MappingNode):
        return {k.value: json_of(v) for k, v in node.value}
    return json_value(node.value) if is_plain(node) else node.value


def parses(kind: Kind, node: yaml.Node) -> bool:
    try:
        kind.parse(node, "v")
    except FieldError:
        return False
    return True


def validator(kind: Kind) -> Draft202012Validator:
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **kind.schema()}
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


# -- named exclusions: where JSON Schema cannot say what the parser checks ------------------------


def _scalars(node: yaml.Node) -> list[yaml.ScalarNode]:
    if isinstance(node, yaml.SequenceNode):
        return [n for n in node.value if isinstance(n, yaml.ScalarNode)]
    return [node] if isinstance(node, yaml.ScalarNode) else []


def number_as_text(kind: Kind, node: yaml.Node) -> bool:
    """Bounds and wholeness of a number written as text ('€ 300.000'): the schema checks the form only."""
    return isinstance(kind, Number) and isinstance(json_of(node), str)


def dutch_thousands(kind: Kind, node: yaml.Node) -> bool:
    """A plain ``20.000``: YAML reads 20.0, the parser (like a Dutch reader) 20000."""
    return isinstance(kind, Number) and is_plain(node) and bool(re.fullmatch(r"-?[0-9]{1,3}\.[0-9]{3}", node.value))


def not_a_calendar_day(kind: Kind, node: yaml.Node) -> bool:
    """2019-02-30 has the form of a date; only the parser knows February has no 30th."""
    match = re.fullmatch(DATETIME_TEXT, node.value.strip())
    if not isinstance(kind, (Date, DateTime)) or not match:
        return False
    year, month, day = (int(part) for part in re.split(r"[- T]", match.group(0))[:3])
    return day > calendar.monthrange(year, month)[1]


def rule_values(kind: Kind, node: yaml.Node) -> bool:
    """FREQ=WEEKLY;BYDAY=XX has the form of a rule; only icalendar knows XX is no day."""
    text = node.value.strip()
    return isinstance(kind, Recurrence) and bool(re.fullmatch(RRULE_TEXT, text)) and not _valid_rule(text.removeprefix("RRULE:"))


def ref_read_as_other_value(kind: Kind, node: yaml.Node) -> bool:
    """A page named true/false (YAML: yes/no), or 1.0 / 1e3 (JSON cannot tell them from 1)."""
    value = json_of(node)
    return isinstance(kind, Ref) and (isinstance(value, bool) or (isinstance(value, float) and value.is_integer()))


def place_as_text(kind: Kind, node: yaml.Node) -> bool:
    """Ranges and the swap check of coordinates written as text ('52.37, 4.92', ['52.37', '4.92'])."""
    if not isinstance(kind, LatLon):
        return False
    if isinstance(node, yaml.ScalarNode):
        return bool(re.fullmatch(LATLON_TEXT, node.value))
    return any(isinstance(json_of(n), str) for n in node.value) if isinstance(node, yaml.SequenceNode) else False


def quoted_null_word(kind: Kind, node: yaml.Node) -> bool:
    """A quoted '~', 'Null' or 'NULL' is text to the parser; unquoted it is empty (YAML 1.1 null).
    An editor's YAML 1.2 loader sees the same string either way."""
    return not is_plain(node) and node.value in ("~", "Null", "NULL")


EXCLUDED = [quoted_null_word, number_as_text, dutch_thousands, not_a_calendar_day, rule_values, ref_read_as_other_value, place_as_text]


def excluded(kind: Kind, node: yaml.Node) -> str | None:
    if isinstance(kind, ListOf):
        nodes = node.value if isinstance(node, yaml.SequenceNode) else [node]
        return next((name for n in nodes if not is_empty(n) and (name := excluded(kind.item, n))), None)
    if isinstance(kind, Struct) and isinstance(node, yaml.MappingNode):
        subs = {f.name: f.kind for f in kind.fields}
        pairs = [(subs[k.value], v) for k, v in node.value if k.value in subs and not is_empty(v)]
        return next((name for sub, v in pairs if (name := excluded(sub, v))), None)
    if not isinstance(node, yaml.ScalarNode):
        return "place_as_text" if place_as_text(kind, node) else None
    return next((rule.__name__ for rule in EXCLUDED if rule(kind, node)), None)


# -- generated values: valid and near-valid text per kind ----------------------------------------

STYLES = st.sampled_from(["plain", "plain", "single", "double"])
DIGITS = st.text("0123456789", min_size=1, max_size=4)


def _number_texts() -> st.SearchStrategy[str]:
    dutch = st.builds(lambda a, b, c: f"{a}.{b:03d}" + (f",{c}" if c else ""), st.integers(0, 999), st.integers(0, 999), st.sampled_from(["", "5", "50"]))
    return st.one_of(
        st.integers(-(10**13), 10**13).map(str),
        st.floats(allow_nan=False, allow_infinity=False, width=32).map(repr),
        dutch,
        dutch.map(lambda t: "€ " + t),
        st.sampled_from(["12,5", "1 200", "1_000", "+5", ".5", "5.", "1e5", "1E3", "0x1F", "inf", "NaN", "1.2.3", "007", "2030.0", "-0", "€300.000", "12 €", "1,200.50"]),
        st.text("0123456789.,-€e ", min_size=1, max_size=8),
    )


def _date_texts() -> st.SearchStrategy[str]:
    part = st.builds(lambda n, width: str(n).zfill(width), st.integers(0, 34), st.integers(1, 3))
    year = st.sampled_from(["2019", "1499", "1500", "2200", "2201", "0999", "02019", "19", "2026"])
    time = st.builds(lambda h, m, s, sep: f"{sep}{h}:{m:02d}" + (f":{s:02d}" if s is not None else ""), st.integers(0, 25), st.integers(0, 61), st.none() | st.integers(0, 61), st.sampled_from([" ", "T", "t", "  "]))
    return st.builds(lambda y, m, d, t: f"{y}-{m}-{d}{t}", year, part, part, st.just("") | time)


def _words_near(words: list[str]) -> st.SearchStrategy[str]:
    base = st.sampled_from(words)
    return st.one_of(base, base.map(str.upper), base.map(lambda w: w[:-1]), base.map(lambda w: w.replace("-", " ")), st.text("abcdeiklnorstuw-", min_size=1, max_size=10))


def _ref_texts(types: tuple[str, ...]) -> st.SearchStrategy[str]:
    prefix = st.sampled_from(["", "", *[t + ":" for t in types], "plek:", "wijk:", "Plek:", ":"])
    slug = st.one_of(st.text("ab1-_A:é", min_size=1, max_size=8), st.sampled_from(["de-boeg", "a" * 100, "a" * 101, "12", "-a", "a--b", "true", "1.0"]))
    return st.builds(str.__add__, prefix, slug)


def _coordinate() -> st.SearchStrategy[str]:
    return st.one_of(
        st.floats(-200, 200, allow_nan=False).map(lambda f: f"{f:.3f}"),
        st.sampled_from(["52.37", "4.92", "91", "-181", "052.3", ".5", "5.", "1e1", "+4", "x"]),
    )


def _latlon_sources() -> st.SearchStrategy[str]:
    pair = st.tuples(_coordinate(), _coordinate())
    return st.one_of(
        pair.map(lambda p: f"[{p[0]}, {p[1]}]"),
        pair.map(lambda p: f"{p[0]}, {p[1]}"),
        pair.map(lambda p: f"'[{p[0]}, {p[1]}]'"),
        pair.map(lambda p: f"['{p[0]}', {p[1]}]"),
        st.sampled_from(["[52.37, 4.92, 1]", "[52.37]", "52.37", "[4.92, 52.37]", "[[52.37, 4.92]]"]),
    )


def _hours_texts() -> st.SearchStrategy[str]:
    day = st.sampled_from(["ma", "di", "wo", "za", "zo", "MA", "Vr", "mo", "x"])
    span = st.one_of(day, st.builds(lambda a, b: f"{a}-{b}", day, day))
    days = st.lists(span, min_size=1, max_size=3).flatmap(lambda s: st.sampled_from([",", ", "]).map(lambda j: j.join(s)))
    clock = st.builds(lambda h, m: f"{h}:{m:02d}", st.integers(0, 25), st.sampled_from([0, 30, 59, 60]))
    return st.builds(lambda d, sep, a, b: f"{d}{sep}{a}-{b}", days, st.sampled_from([" ", "  ", "\t", ""]), clock, clock)


def _file_texts() -> st.SearchStrategy[str]:
    part = st.sampled_from(["a", "..", ".", "grens.geojson", "x.JSON", "c.png", "", "b..c", ".json"])
    return st.lists(part, min_size=1, max_size=3).map("/".join)


def _rule_texts(words: list[str]) -> st.SearchStrategy[str]:
    freq = st.sampled_from(["WEEKLY", "MONTHLY", "FOO", "weekly", "YEARLY"])
    parts = st.lists(st.sampled_from(["BYDAY=TU", "INTERVAL=2", "COUNT=3", "BYDAY=XX", "x=1", "BYDAY="]), max_size=2)
    rule = st.builds(lambda pre, f, p: pre + f"FREQ={f}" + "".join(";" + x for x in p), st.sampled_from(["", "RRULE:", "x"]), freq, parts)
    return st.one_of(rule, rule.map(lambda r: r.replace("FREQ", "BYDAY=TU;FREQ", 1)), _words_near(words))


def _struct_sources(kind: Struct) -> st.SearchStrategy[str]:
    """A flow mapping with some of the group's fields (required ones sometimes left out) and maybe a stray key."""
    pairs = [st.none() | item_texts(f.kind).map(lambda v, n=f.name: f"{n}: {v}") for f in kind.fields]
    stray = st.sampled_from([[], [], ["extra: 1"]])
    return st.builds(lambda found, extra: "{" + ", ".join([p for p in found if p] + extra) + "}", st.tuples(*pairs), stray)


def item_texts(kind: Kind) -> st.SearchStrategy[str]:
    """YAML source text of one value of ``kind``."""
    if isinstance(kind, Struct):
        return _struct_sources(kind)
    if isinstance(kind, LatLon):
        return _latlon_sources()
    texts = _scalar_texts(kind)
    return st.builds(yaml_scalar, texts.filter(lambda t: t == t.strip()), STYLES)


def _scalar_texts(kind: Kind) -> st.SearchStrategy[str]:
    if isinstance(kind, Number):
        return _number_texts()
    if isinstance(kind, (Date, DateTime)):
        return _date_texts()
    if isinstance(kind, Url):
        prefix = st.sampled_from(["https://", "http://", "HTTPS://", "Http://", "ftp://", "https:/", "", "https:// "])
        return st.builds(str.__add__, prefix, st.text("ab.-/?#$ ", max_size=10))
    if isinstance(kind, EmailAddress):
        part = st.text("ab.-_+", max_size=6)
        return st.builds(lambda a, at, b, tail: a + at + b + tail, part, st.sampled_from(["@", "", "@@", " @"]), part,
                         st.sampled_from(["", ".nl", ", c@d.nl", "?bcc=c@d.nl", " x", "/"]))
    if isinstance(kind, Recurrence):
        return _rule_texts(list(kind.values))
    if isinstance(kind, Choice):
        return _words_near(list(kind.values))
    if isinstance(kind, Ref):
        return _ref_texts(kind.types)
    if isinstance(kind, FilePath):
        return _file_texts()
    if isinstance(kind, OpeningHours):
        return _hours_texts()
    assert isinstance(kind, (Text, ThemeKey)), kind
    limit = getattr(kind, "max_length", None) or 20
    return st.one_of(st.text("ab 1.:", max_size=12), st.sampled_from(["123", "true", "1.5", "x" * limit, "x" * (limit + 1)]))


def sources(kind: Kind) -> st.SearchStrategy[str]:
    if not isinstance(kind, ListOf):
        return item_texts(kind)
    items = st.lists(st.one_of(item_texts(kind.item), st.sampled_from(["''", "~", "null"])), max_size=3)
    return st.one_of(item_texts(kind.item), items.map(lambda xs: "[" + ", ".join(xs) + "]"))


# -- the property ----------------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(KINDS))
@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_parser_accepts_exactly_what_the_schema_accepts(key, data):
    kind = KINDS[key]
    source = data.draw(sources(kind), label="yaml")
    node = node_of(source)
    if node is None or is_empty(node):
        event("not a value (YAML error or empty: the field counts as absent)")
        return
    reason = excluded(kind, node)
    if reason:
        event(f"excluded: {reason}")
        if reason == "number_as_text":  # the form is still shared: schema accepts iff it is a number
            assert validator(kind).is_valid(json_of(node)) == (number_of(node.value.strip()) is not None)
        return
    assert parses(kind, node) == validator(kind).is_valid(json_of(node)), (source, json_of(node))


def test_the_examples_from_the_inventory_now_agree():
    """The mismatches listed when parser and schema were written apart (inventory section 9)."""
    accepted: list[tuple[Kind, list[str]]] = [
        (Number(), ["'20.000'", "'€ 300.000'", "12,5"]),
        (DateTime(), ["2026-12-01 9:30", "2026-12-01T19:30", "2026-12-1 19:30", "2019-4-3"]),
        (Url(), ["HTTPS://x.nl"]),
        (LatLon(), ["52.37, 4.92", "'[52.37, 4.92]'", "[52.37, 4.92]"]),
        (OpeningHours(), ["MA-VR 09:00-17:00", "wo 9:30-12:00"]),
        (Text(), ["123", "true"]),
    ]
    refused: list[tuple[Kind, list[str]]] = [
        (Recurrence(values={"wekelijks": "wekelijks"}), ["FREQ=FOO", "xFREQ=WEEKLY"]),
        (Ref(("plek",)), ["organisatie:x"]),
        (LatLon(), ["[91, 0]", "[4.92, 52.37]"]),
        (FilePath(), ["../x.geojson", "x.png"]),
    ]
    for expected, table in ((True, accepted), (False, refused)):
        for kind, values in table:
            for source in values:
                node = node_of(source)
                assert node is not None
                assert parses(kind, node) is expected, source
                assert validator(kind).is_valid(json_of(node)) is expected, source
