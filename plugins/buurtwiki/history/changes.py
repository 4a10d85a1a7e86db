"""What changed between two versions of a content file, in words, for the history tab.

``describe_change(old_text, new_text)`` compares the front matter field by field (``status:
actief → slapend``, ``plekken: + buurthuis-x``, "reactie van woningcorporatie-x vastgelegd: geen
→ ontvangst") and the body word by word. Field names are shown as written: they are the words
of the content format; value words get their Dutch label when the page's type is known
(history/labels.py). Old versions may have front matter that is not valid YAML; then the
whole text is compared as text.

The result is plain data (dataclasses, lists, strings) for a template; it holds no HTML. The
template must escape it (autoescape), as it holds text that residents wrote.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as _field  # FieldChange has an attribute named "field"
from functools import lru_cache
from typing import Any

from ..content.bounded_yaml import YamlProblem, compose, plain
from ..content.source import split
from ..model.types import Rows
from .labels import Relabel
from .worddiff import ADDED, REMOVED, Segment, word_diff

CHANGED = "gewijzigd"
ARROW = "→"
EMPTY = "(leeg)"
MAX_VALUE = 80  # longer values are cut off in the lines; long text gets a word diff instead
MAX_SUMMARY_FIELDS = 3

# Lists of groups, by field: which sub-fields tell the rows apart, whether a row is a period, which
# sub-field is an answer (``EntityType.rows``, from model/schema.py), passed in by the caller;
# without a type, rows are compared and shown whole.
RowKeys = Mapping[str, Rows]
NO_ROW_KEYS: RowKeys = {}
_WHOLE = Rows()


@dataclass(frozen=True)
class FieldChange:
    """One change in the front matter, with a line to show (``text``)."""

    field: str  # the top-level field name as written, e.g. "status" or "gericht_aan"
    kind: str  # gewijzigd, toegevoegd or verwijderd
    text: str  # e.g. "status: actief → slapend"
    old: str | None = None
    new: str | None = None
    segments: list[Segment] = _field(default_factory=list)  # word diff, for long text values


@dataclass(frozen=True)
class Change:
    """What changed from one version of a file to the next."""

    summary: str  # e.g. "status: actief → slapend; tekst aangepast"
    fields: list[FieldChange] = _field(default_factory=list)
    body: list[Segment] = _field(default_factory=list)  # word diff of the text below the front matter
    created: bool = False
    deleted: bool = False
    fallback: bool = False  # the front matter could not be read: the whole text was compared

    @property
    def body_changed(self) -> bool:
        return any(s.kind != "gelijk" for s in self.body)


# -- reading a version -------------------------------------------------------------------------


class UnreadableFrontMatter(ValueError):
    """The front matter has no closing ``---`` or is not valid YAML with fields."""


def split_front_matter(text: str) -> tuple[str | None, str]:
    """(front matter, body) by the loader's rule (:func:`buurtwiki.content.source.split`); front
    matter None when the file has none. Raises UnreadableFrontMatter when it is not closed."""
    front, body, _, closed = split(text.lstrip("\ufeff"))
    if not closed:
        raise UnreadableFrontMatter("geen afsluitende ---")
    return front, body


@lru_cache(maxsize=1024)
def _fields(front: str | None) -> dict[str, Any]:
    """The fields of a front matter (cached: each version is compared with two others).
    The result is shared: do not change it.

    Uses the core's bounded parse: an old version with anchors and aliases (a "billion laughs"),
    too much text or too deep nesting is unreadable, never a hang."""
    if front is None or not front.strip():
        return {}
    try:
        data = plain(compose(front))  # every value kept as written: "nee" stays "nee"
    except YamlProblem as error:
        raise UnreadableFrontMatter(error.message) from error
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise UnreadableFrontMatter("geen velden")
    return data


# -- showing values ----------------------------------------------------------------------------


def _text(value: Any) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return EMPTY
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return " ".join(str(value).split())


def _short(value: Any) -> str:
    text = _text(value)
    return text if len(text) <= MAX_VALUE else text[: MAX_VALUE - 1].rstrip() + "…"


def _row(rows: Rows, row: Any) -> str:
    """A group in a list, in a few words, from its keys: "2024-05-01 Eerste bijeenkomst"; a period
    as who, with the rest and the dates in brackets: "Sanne (dock, 2021-01-01 – 2024-06-30)"."""
    if not isinstance(row, dict):
        return _short(row)
    start, end = rows.period or ("", "")
    named = [str(row[k]) for k in rows.keys if k not in (start, end) and row.get(k)]
    if rows.period is None:
        return _short(" ".join(named) or row)
    if not named and not (row.get(start) or row.get(end)):
        return _short(row)
    extra = named[1:]
    if row.get(start) or row.get(end):
        extra.append(f"{row.get(start) or '?'} – {row.get(end) or ''}".rstrip())
    who = named[0] if named else "?"
    return _short(f"{who} ({', '.join(extra)})" if extra else who)


# -- comparing ---------------------------------------------------------------------------------


def _scalar(name: str, label: str, old: Any, new: Any) -> FieldChange:
    old_text, new_text = _text(old), _text(new)
    if len(old_text) > MAX_VALUE or len(new_text) > MAX_VALUE:
        return FieldChange(name, CHANGED, f"{label} aangepast", old_text, new_text, word_diff(old_text, new_text))
    return FieldChange(name, CHANGED, f"{label}: {old_text} {ARROW} {new_text}", old_text, new_text)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _compare_lists(name: str, label: str, old: list[Any], new: list[Any], keys: RowKeys) -> list[FieldChange]:
    if name in keys or any(isinstance(v, dict) for v in old + new):
        return _compare_rows(name, label, old, new, keys.get(name, _WHOLE))
    out = [FieldChange(name, REMOVED, f"{label}: - {_short(v)}", old=_text(v)) for v in old if v not in new]
    out += [FieldChange(name, ADDED, f"{label}: + {_short(v)}", new=_text(v)) for v in new if v not in old]
    if not out and old != new:
        out.append(FieldChange(name, CHANGED, f"{label}: volgorde aangepast", _text(old), _text(new)))
    return out


def _row_key(keys: tuple[str, ...], row: Any) -> Any:
    if keys and isinstance(row, dict) and row.get(keys[0]) is not None:
        return tuple(_text(row.get(k)) for k in keys)
    return None


def _compare_rows(name: str, label: str, old: list[Any], new: list[Any], rows: Rows) -> list[FieldChange]:
    """Lists of groups: rows added and removed, and what changed in a row that is still the same
    row by its keys (the type's ``row_keys``)."""
    keys = rows.keys
    out: list[FieldChange] = []
    old_by_key = {_row_key(keys, r): r for r in old if _row_key(keys, r) is not None}
    new_by_key = {_row_key(keys, r): r for r in new if _row_key(keys, r) is not None}
    for key, row in new_by_key.items():
        if key in old_by_key and old_by_key[key] != row:
            out += _row_change(name, label, rows, old_by_key[key], row)
    matched = set(old_by_key) & set(new_by_key)
    for row in old:
        if row not in new and _row_key(keys, row) not in matched:
            out.append(FieldChange(name, REMOVED, f"{label}: - {_row(rows, row)}", old=_text(row)))
    for row in new:
        if row not in old and _row_key(keys, row) not in matched:
            out.append(FieldChange(name, ADDED, f"{label}: + {_row(rows, row)}", new=_text(row)))
    return out


def _row_change(name: str, label: str, rows: Rows, old: Any, new: Any) -> list[FieldChange]:
    """One row, before and after, named by its keys; an answer (a reaction in ``gericht_aan``) in a sentence."""
    if not isinstance(old, dict) or not isinstance(new, dict):
        return [_scalar(name, label, old, new)]
    keys = rows.keys
    who = ", ".join(_text(new.get(k)) for k in keys if new.get(k) is not None)
    out: list[FieldChange] = []
    answer = rows.answer
    before, after = (old.get(answer), new.get(answer)) if answer else (None, None)
    if before != after:
        said = rows.answer_label or str(answer)
        if after is None:
            text = f"{said} van {who} weggehaald (was {_text(before)})"
        elif before is None:
            text = f"{said} van {who} vastgelegd: {_text(after)}"
        else:
            text = f"{said} van {who} vastgelegd: {_text(before)} {ARROW} {_text(after)}"
        out.append(FieldChange(name, CHANGED, text, None if before is None else _text(before), None if after is None else _text(after)))
    for sub in [*new, *(k for k in old if k not in new)]:
        if sub in keys or sub == answer or old.get(sub) == new.get(sub):
            continue
        where = f"{label} ({who}): {sub}"
        if sub not in old:
            out.append(FieldChange(name, ADDED, f"{where}: {_short(new[sub])}", new=_text(new[sub])))
        elif sub not in new:
            out.append(FieldChange(name, REMOVED, f"{where} verwijderd (was {_short(old[sub])})", old=_text(old[sub])))
        else:
            out.append(_scalar(name, where, old[sub], new[sub]))
    return out


def _compare(name: str, label: str, old: Any, new: Any, keys: RowKeys = NO_ROW_KEYS) -> list[FieldChange]:
    if old == new:
        return []
    if isinstance(old, list) or isinstance(new, list):
        return _compare_lists(name, label, _as_list(old), _as_list(new), keys)
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[FieldChange] = []
        for key in [*new, *(k for k in old if k not in new)]:
            sub = f"{label}.{key}"
            if key not in old:
                out.append(FieldChange(name, ADDED, f"{sub} toegevoegd: {_short(new[key])}", new=_text(new[key])))
            elif key not in new:
                out.append(FieldChange(name, REMOVED, f"{sub} verwijderd (was {_short(old[key])})", old=_text(old[key])))
            else:
                out += _compare(name, sub, old[key], new[key])
        return out
    return [_scalar(name, label, old, new)]


def compare_fields(old: dict[str, Any], new: dict[str, Any], keys: RowKeys = NO_ROW_KEYS) -> list[FieldChange]:
    """Field changes, in the order of the fields in the new version (removed fields last);
    ``keys`` says how to compare and name the rows of each list of groups (``EntityType.rows``)."""
    out: list[FieldChange] = []
    for name in new:
        if name not in old:
            out.append(FieldChange(name, ADDED, f"{name} toegevoegd: {_short(new[name])}", new=_text(new[name])))
        else:
            out += _compare(name, name, old[name], new[name], keys)
    for name in old:
        if name not in new:
            out.append(FieldChange(name, REMOVED, f"{name} verwijderd (was {_short(old[name])})", old=_text(old[name])))
    return out


# -- the whole change --------------------------------------------------------------------------


def _summary(fields: list[FieldChange], body_changed: bool) -> str:
    parts = [f.text for f in fields[:MAX_SUMMARY_FIELDS]]
    if len(fields) > MAX_SUMMARY_FIELDS:
        more = len(fields) - MAX_SUMMARY_FIELDS
        parts.append(f"en {more} andere {'wijziging' if more == 1 else 'wijzigingen'} in de gegevens")
    if body_changed:
        parts.append("tekst aangepast")
    return "; ".join(parts) if parts else "geen zichtbare wijziging"


def describe_change(
    old_text: str | None, new_text: str | None, relabel: Relabel | None = None, row_keys: RowKeys = NO_ROW_KEYS
) -> Change:
    """What changed from ``old_text`` to ``new_text`` (None: the file did not exist, or is binary).
    ``relabel`` shows value words with their Dutch label (history/labels.py); ``row_keys`` is the
    page type's ``EntityType.rows``: which rows of a list of groups are the same row, and how a
    row is named."""
    if old_text is None and new_text is None:
        return Change("geen tekst om te vergelijken")
    created, deleted = old_text is None, new_text is None
    try:
        old_front, old_body = split_front_matter(old_text or "")
        new_front, new_body = split_front_matter(new_text or "")
        same = old_front == new_front and not (created or deleted)
        old_fields, new_fields = ({}, {}) if same else (_fields(old_front), _fields(new_front))
        if relabel is not None and not same:
            old_fields, new_fields = relabel(old_fields), relabel(new_fields)
        fields = [] if same else compare_fields(old_fields, new_fields, row_keys)
    except UnreadableFrontMatter:
        body = word_diff(old_text or "", new_text or "")
        summary = "pagina aangemaakt" if created else "pagina verwijderd" if deleted else "tekst aangepast"
        return Change(summary, [], body, created, deleted, fallback=True)
    body = word_diff(old_body, new_body)
    if created:
        summary = "pagina aangemaakt"
    elif deleted:
        summary = "pagina verwijderd"
    else:
        summary = _summary(fields, any(s.kind != "gelijk" for s in body))
    return Change(summary, fields, body, created, deleted)
