"""Whatever shape a value has, messages speak Dutch: no Python node, repr or exception text."""

from __future__ import annotations

import re

from buurtwiki.content.loader import load_site
from buurtwiki.model.schema import DEFAULT_REGISTRY

SHAPES = {
    "lijst": "[a, b]",
    "groep": "{a: b}",
    "lijst-in-lijst": "[[a], [b, c]]",
    "groep-in-lijst": "[{a: b}, {c: [d]}]",
    "tekst": "'x y'",
    "getal": "1e400",
    "leeg-lijst": "[]",
    "leeg-groep": "{}",
    "datum": "0000-01-01",
    "sleutel-lijst": "\n  ? [a]\n  : b",
}
INTERNALS = re.compile(r"Node\(|tag:yaml|tag=|<yaml|Error:|Exception|Traceback|kon dit bestand niet verwerken|\[<|object at 0x|\bNone\b")


def path_of(type_name: str, slug: str) -> str:
    entity_type = DEFAULT_REGISTRY[type_name]
    if type_name == "wijk":
        return f"wijken/{slug}/index.md"
    if type_name == "toekomstagenda":
        return f"wijken/test-wijk/toekomstagenda/{slug}/index.md"
    if type_name == "agendapunt":
        return f"wijken/test-wijk/toekomstagenda/a/{slug}.md"
    if entity_type.site_wide:
        return f"content/{entity_type.folder}/{slug}.md"
    return f"wijken/test-wijk/{entity_type.folder}/{slug}.md"


def test_every_field_with_every_shape_gets_a_dutch_message(site_dir):
    files = {"wijken/test-wijk/toekomstagenda/a/index.md": "---\ntitel: A\nvastgesteld: 2019-04-20\n---\n"}
    for type_name, entity_type in DEFAULT_REGISTRY.types.items():
        for number, spec in enumerate(entity_type.fields):
            for shape, value in SHAPES.items():
                slug = f"{type_name[:4]}-{number}-{shape}"
                files[path_of(type_name, slug)] = f"---\ntitel: T\n{spec.name}: {value}\n---\nTekst.\n"
    problems = [str(p) for p in load_site(site_dir(files)).problems.sorted()]
    assert len(problems) > 200
    leaking = [p for p in problems if INTERNALS.search(p.split(": ", 2)[-1])]
    assert leaking == []
