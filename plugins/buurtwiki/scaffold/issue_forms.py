"""GitHub issue forms for residents without git, generated from the model.

One form per new-page type (value words become dropdowns, required fields are required), one
for a reaction on an agenda item and one for "Iets klopt niet". `buurtwiki uit-issue` reads the
rendered issue body back with :func:`questions`, so forms and reader cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..model.access import entity_types
from ..model.fields import Choice, DateTime, LatLon, ListOf, OpeningHours, Struct

FORM_TYPES = {"initiatief": "Nieuw initiatief", "plek": "Nieuwe plek", "activiteit": "Nieuwe activiteit"}
FORM_LABEL = "pagina-voorstel"  # set by the form: tells maintainers what it is; runs nothing
MAKE_LABEL = "maak-pagina"  # set by a maintainer after reading: the workflow makes the pull request
SKIPPED = ("type", "bevestigd")
TYPE_QUESTION = "Soort pagina"
WIJK_QUESTION = "Wijk"
BODY_QUESTION = "Tekst"


@dataclass(frozen=True)
class Question:
    id: str  # the field name, or soort_pagina / wijk / tekst
    label: str  # the heading in the rendered issue body
    element: dict


def _simple(kind) -> bool:
    item = kind.item if isinstance(kind, ListOf) else kind
    return not isinstance(item, (Struct, LatLon, OpeningHours))


def _field_question(spec) -> Question:
    kind = spec.kind
    item = kind.item if isinstance(kind, ListOf) else kind
    attributes: dict = {"label": spec.label or spec.name}
    if isinstance(item, Choice):
        attributes["options"] = list(item.values)
        if isinstance(kind, ListOf):
            attributes["multiple"] = True
        element: dict = {"type": "dropdown"}
    else:
        words = spec.help or kind.words()
        if isinstance(kind, ListOf):
            words += " (meer dan één: zet komma's ertussen)"
        if isinstance(item, DateTime):
            words += " (bijvoorbeeld 2026-05-01 19:30)"
        attributes["description"] = words[:500]
        element = {"type": "input"}
    element.update({"id": spec.name, "attributes": attributes, "validations": {"required": bool(spec.required)}})
    return Question(spec.name, attributes["label"], element)


def questions(type_name: str) -> list[Question]:
    """The questions of the form for a new ``type_name`` page, in form order."""
    entity_type = entity_types()[type_name]
    out = [Question("soort_pagina", TYPE_QUESTION, {
        "type": "dropdown", "id": "soort_pagina",
        "attributes": {"label": TYPE_QUESTION, "options": [type_name], "default": 0},
        "validations": {"required": True}})]
    if not entity_type.site_wide:
        out.append(Question("wijk", WIJK_QUESTION, {
            "type": "input", "id": "wijk",
            "attributes": {"label": WIJK_QUESTION, "description": "De naam van de wijk, zoals in het adres van de site (bijvoorbeeld: noord)."},
            "validations": {"required": True}}))
    out += [_field_question(spec) for spec in entity_type.fields if spec.name not in SKIPPED and _simple(spec.kind)]
    out.append(Question("tekst", BODY_QUESTION, {
        "type": "textarea", "id": "tekst",
        "attributes": {"label": BODY_QUESTION, "description": "Vertel er meer over. Dit komt op de pagina."},
        "validations": {"required": False}}))
    return out


def _dump(form: dict) -> str:
    return "# Gemaakt door buurtwiki bijwerken; pas het model aan, niet dit bestand.\n" + yaml.safe_dump(
        form, allow_unicode=True, sort_keys=False, width=1000)


def _intro(text: str) -> dict:
    return {"type": "markdown", "attributes": {"value": text}}


def page_form(type_name: str) -> str:
    title = FORM_TYPES[type_name]
    return _dump({
        "name": title,
        "description": "Stel een pagina voor. Een beheerder kijkt ernaar en zet hem op de site.",
        "title": f"{title}: ",
        "labels": [FORM_LABEL],
        "body": [_intro("Vul in wat je weet. Wat verplicht is heeft een sterretje. Een beheerder maakt er een pagina van."),
                 *(q.element for q in questions(type_name))],
    })


def reaction_form() -> str:
    field = entity_types()["agendapunt"].sub_field("gericht_aan", "reactie")
    assert field is not None and isinstance(field.kind, Choice), "the model has gericht_aan.reactie"
    reaction = field.kind
    return _dump({
        "name": "Reactie op een agendapunt",
        "description": "Een organisatie heeft gereageerd op een punt van de toekomstagenda.",
        "title": "Reactie: ",
        "labels": [FORM_LABEL],
        "body": [
            {"type": "input", "id": "agendapunt", "attributes": {"label": "Agendapunt", "description": "Het adres of de titel van het agendapunt."},
             "validations": {"required": True}},
            {"type": "input", "id": "organisatie", "attributes": {"label": "Organisatie", "description": "Wie reageerde?"},
             "validations": {"required": True}},
            {"type": "dropdown", "id": "reactie", "attributes": {"label": "Reactie", "options": list(reaction.values)},
             "validations": {"required": True}},
            {"type": "input", "id": "datum", "attributes": {"label": "Datum", "description": "Wanneer? (jjjj-mm-dd)"}},
            {"type": "textarea", "id": "toelichting", "attributes": {"label": "Toelichting"}},
            {"type": "input", "id": "bron", "attributes": {"label": "Bron", "description": "Een link naar de brief of het verslag."}},
        ],
    })


def wrong_form() -> str:
    return _dump({
        "name": "Iets klopt niet",
        "description": "Er staat iets op de site dat niet klopt, of er mist iets.",
        "title": "Klopt niet: ",
        "body": [
            {"type": "input", "id": "pagina", "attributes": {"label": "Pagina", "description": "Het adres van de pagina."},
             "validations": {"required": True}},
            {"type": "textarea", "id": "wat", "attributes": {"label": "Wat klopt er niet?"}, "validations": {"required": True}},
            {"type": "textarea", "id": "bron", "attributes": {"label": "Hoe weet je dat?", "description": "Bijvoorbeeld een link of een datum."}},
        ],
    })


def issue_forms() -> dict[str, str]:
    """Relative path → text of every form, for `init` and `bijwerken`."""
    forms = {f".github/ISSUE_TEMPLATE/{name}.yml": page_form(name) for name in FORM_TYPES}
    forms[".github/ISSUE_TEMPLATE/reactie.yml"] = reaction_form()
    forms[".github/ISSUE_TEMPLATE/iets-klopt-niet.yml"] = wrong_form()
    return forms
