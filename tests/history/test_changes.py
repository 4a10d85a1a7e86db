"""describe_change: field changes in words and a word diff of the body."""

from __future__ import annotations

from buurtwiki.history import describe_change, word_diff
from buurtwiki.model.fields import Field, ListOf, Struct, Text
from buurtwiki.model.schema import DEFAULT_REGISTRY
from buurtwiki.model.types import EntityType

AGENDAPUNT = """---
titel: Meer groen op het plein
status: voorgesteld
gericht_aan:
  - organisatie: gemeente-utrecht
    verzonden: 2024-02-01
    reactie: gesprek
  - organisatie: woningcorporaties-ohg
    verzonden: 2024-02-01
    reactie: geen
mijlpalen:
  - datum: 2024-01-10
    titel: Idee op de wijkavond
---

Bewoners willen bomen en bankjes op het plein. Er is nu alleen steen.
"""


def fields(old: str | None, new: str | None, type_name: str = "agendapunt") -> list[str]:
    """The field changes as a page of ``type_name`` shows them (its rows told apart by its row_keys)."""
    row_keys = DEFAULT_REGISTRY.get(type_name).rows
    return [f.text for f in describe_change(old, new, row_keys=row_keys).fields]


def test_status_change() -> None:
    old = "---\ntitel: Eetgroep\nstatus: actief\n---\n\nSamen eten.\n"
    new = old.replace("status: actief", "status: slapend")
    change = describe_change(old, new)
    assert [f.text for f in change.fields] == ["status: actief → slapend"]
    field = change.fields[0]
    assert (field.field, field.kind, field.old, field.new) == ("status", "gewijzigd", "actief", "slapend")
    assert change.summary == "status: actief → slapend"
    assert change.body == [] and not change.body_changed


def test_list_items_added_and_removed() -> None:
    old = "---\ntitel: Eetgroep\nstatus: actief\nplekken: [buurthuis-y, bibliotheek]\n---\n"
    new = "---\ntitel: Eetgroep\nstatus: actief\nplekken:\n  - bibliotheek\n  - buurthuis-x\nzoekt: vrijwilligers\n---\n"
    assert fields(old, new) == ["plekken: - buurthuis-y", "plekken: + buurthuis-x", "zoekt toegevoegd: vrijwilligers"]
    kinds = [f.kind for f in describe_change(old, new).fields]
    assert kinds == ["verwijderd", "toegevoegd", "toegevoegd"]
    # a single value counts as a list of one
    assert fields("---\nplekken: a\n---\n", "---\nplekken: [a, b]\n---\n") == ["plekken: + b"]
    assert fields("---\nplekken: [a, b]\n---\n", "---\nplekken: [b, a]\n---\n") == ["plekken: volgorde aangepast"]


def test_field_removed_and_values_kept_as_written() -> None:
    old = "---\ntitel: Plek\nstatus: open\ntoegankelijk: nee\nbevestigd: 2024-03-01\n---\n"
    new = "---\ntitel: Plek\nstatus: open\ntoegankelijk: ja\n---\n"
    assert fields(old, new) == ["toegankelijk: nee → ja", "bevestigd verwijderd (was 2024-03-01)"]
    contact_old = "---\ncontact:\n  email: a\n  telefoon: '020 123'\n---\n"
    contact_new = "---\ncontact:\n  telefoon: '020 456'\n  website: https://x.example\n---\n"
    assert fields(contact_old, contact_new) == [
        "contact.telefoon: 020 123 → 020 456",
        "contact.website toegevoegd: https://x.example",
        "contact.email verwijderd (was a)",
    ]


def test_reaction_recorded_in_gericht_aan() -> None:
    new = AGENDAPUNT.replace("reactie: geen", "reactie: ontvangst\n    datum: 2024-03-05")
    assert fields(AGENDAPUNT, new) == [
        "reactie van woningcorporaties-ohg vastgelegd: geen → ontvangst",
        "gericht_aan (woningcorporaties-ohg): datum: 2024-03-05",
    ]
    first = AGENDAPUNT.replace("    reactie: geen\n", "")
    assert fields(first, AGENDAPUNT) == ["reactie van woningcorporaties-ohg vastgelegd: geen"]
    assert fields(AGENDAPUNT, first) == ["reactie van woningcorporaties-ohg weggehaald (was geen)"]
    more = AGENDAPUNT.replace("mijlpalen:", "  - organisatie: wijkteam-ohg\nmijlpalen:")
    assert fields(AGENDAPUNT, more) == ["gericht_aan: + wijkteam-ohg"]


def test_rows_added_and_removed_in_mijlpalen_and_bezetting() -> None:
    new = AGENDAPUNT.replace(
        "    titel: Idee op de wijkavond\n",
        "    titel: Idee op de wijkavond\n  - datum: 2024-04-02\n    titel: Eerste ontwerp\n",
    )
    assert fields(AGENDAPUNT, new) == ["mijlpalen: + 2024-04-02 Eerste ontwerp"]
    assert fields(new, AGENDAPUNT) == ["mijlpalen: - 2024-04-02 Eerste ontwerp"]
    rol_old = "---\ntitel: Opbouwwerker\nbezetting:\n  - naam: Sanne\n    organisatie: dock\n    van: 2021-01-01\n---\n"
    rol_new = "---\ntitel: Opbouwwerker\nbezetting:\n  - naam: Sanne\n    organisatie: dock\n    van: 2021-01-01\n    tot: 2024-06-30\n  - naam: Youssef\n    organisatie: dock\n    van: 2024-07-01\n---\n"
    # Sanne's row is the same row (naam, organisatie, van): its end date is what changed
    assert fields(rol_old, rol_new, "rol") == [
        "bezetting (Sanne, dock, 2021-01-01): tot: 2024-06-30",
        "bezetting: + Youssef (dock, 2024-07-01 –)",
    ]
    # without a type nothing tells the rows apart or names them: a whole row is removed and others added
    assert [f.text for f in describe_change(rol_old, rol_new).fields] == [
        "bezetting: - naam: Sanne, organisatie: dock, van: 2021-01-01",
        "bezetting: + naam: Sanne, organisatie: dock, van: 2021-01-01, tot: 2024-06-30",
        "bezetting: + naam: Youssef, organisatie: dock, van: 2024-07-01",
    ]


def test_rows_are_told_apart_by_the_types_row_keys_from_the_registry() -> None:
    """History has no list of its own: a type it never heard of brings its row keys along."""
    team = EntityType("team", "Team", "Teams", "teams", [
        Field("titel", Text(), required=True, label="Titel"),
        Field("leden", ListOf(Struct([Field("naam", Text(), label="Naam"), Field("taak", Text(), label="Taak")])),
              label="Leden"),
    ], row_keys={"leden": ("naam",)})
    registry = DEFAULT_REGISTRY.with_types(team)
    old = "---\ntitel: Bestuur\nleden:\n  - naam: Sanne\n    taak: penningmeester\n---\n"
    new = old.replace("penningmeester", "voorzitter")
    change = describe_change(old, new, row_keys=registry.get("team").rows)
    assert [f.text for f in change.fields] == ["leden (Sanne): taak: penningmeester → voorzitter"]
    assert change.summary == "leden (Sanne): taak: penningmeester → voorzitter"


def test_body_word_diff() -> None:
    words = " ".join(f"woord{n}" for n in range(40))
    old = f"---\ntitel: X\n---\n\nBegin {words} we eten op dinsdag samen {words} einde.\n"
    new = old.replace("op dinsdag", "op donderdag")
    change = describe_change(old, new)
    assert change.fields == [] and change.body_changed
    assert change.summary == "tekst aangepast"
    kinds = [s.kind for s in change.body]
    assert kinds == ["gelijk", "verwijderd", "toegevoegd", "gelijk"]
    assert change.body[1].text.strip() == "dinsdag" and change.body[2].text.strip() == "donderdag"
    assert change.body[0].text.startswith("… ") and change.body[0].text.endswith("eten op ")
    assert "…" in change.body[3].text and len(change.body[3].text) < 80
    assert word_diff("a b c", "a  b\nc") == []  # only white space changed
    segments = word_diff("kort stuk tekst", "kort stukje tekst")
    assert [(s.kind, s.text) for s in segments] == [("gelijk", "kort "), ("verwijderd", "stuk "), ("toegevoegd", "stukje "), ("gelijk", "tekst")]


def test_summary_with_fields_and_text() -> None:
    old = "---\ntitel: Eetgroep\nstatus: actief\n---\n\nSamen eten.\n"
    new = "---\ntitel: Eetgroep\nstatus: slapend\n---\n\nSamen eten op dinsdag.\n"
    assert describe_change(old, new).summary == "status: actief → slapend; tekst aangepast"
    many_old = "---\na: 1\nb: 1\nc: 1\nd: 1\ne: 1\n---\n"
    many_new = "---\na: 2\nb: 2\nc: 2\nd: 2\ne: 2\n---\n"
    assert describe_change(many_old, many_new).summary == "a: 1 → 2; b: 1 → 2; c: 1 → 2; en 2 andere wijzigingen in de gegevens"


def test_invalid_old_yaml_falls_back_to_a_text_diff() -> None:
    old = "---\ntitel: Eten: elke dinsdag\nstatus: [actief\n---\n\nSamen eten.\n"
    new = "---\ntitel: 'Eten: elke dinsdag'\nstatus: actief\n---\n\nSamen eten.\n"
    change = describe_change(old, new)
    assert change.fallback and change.fields == []
    assert change.summary == "tekst aangepast"
    assert {s.kind for s in change.body} >= {"verwijderd", "toegevoegd"}
    unclosed = describe_change("---\ntitel: x\n", "---\ntitel: x\n---\n")
    assert unclosed.fallback


def test_created_deleted_and_binary() -> None:
    new = "---\ntitel: Eetgroep\nstatus: actief\n---\n\nSamen eten.\n"
    created = describe_change(None, new)
    assert created.created and created.summary == "pagina aangemaakt"
    assert [f.text for f in created.fields] == ["titel toegevoegd: Eetgroep", "status toegevoegd: actief"]
    assert [s.kind for s in created.body] == ["toegevoegd"]
    deleted = describe_change(new, None)
    assert deleted.deleted and deleted.summary == "pagina verwijderd"
    assert describe_change(None, None).summary == "geen tekst om te vergelijken"
    assert describe_change(new, new).summary == "geen zichtbare wijziging"
    assert describe_change("Geen gegevens.\n", "Geen gegevens meer.\n").summary == "tekst aangepast"


def test_long_text_values_get_a_word_diff() -> None:
    text = "Een groep buren die elke week samen kookt en eet in het buurthuis, voor iedereen die wil aanschuiven."
    old = f"---\nsamenvatting: {text}\n---\n"
    new = f"---\nsamenvatting: {text.replace('elke week', 'elke twee weken')}\n---\n"
    (field,) = describe_change(old, new).fields
    assert field.text == "samenvatting aangepast"
    assert ("toegevoegd", "twee weken ") in [(s.kind, s.text) for s in field.segments]


def test_how_a_row_is_named_comes_from_the_model_for_a_new_type_too() -> None:
    """A period reads as who (the rest, from – to); an answer field as "<label> van <row> vastgelegd"."""
    vraag = EntityType("vraag", "Vraag", "Vragen", "vragen", [
        Field("titel", Text(), required=True, label="Titel"),
        Field("beurten", ListOf(Struct([Field("wie", Text(), label="Wie"), Field("begin", Text(), label="Begin"),
                                        Field("eind", Text(), label="Eind")], period=("begin", "eind"))), label="Beurten"),
        Field("aan", ListOf(Struct([Field("wie", Text(), label="Wie"), Field("antwoord", Text(), label="Antwoord")],
                                   answer="antwoord")), label="Aan"),
    ], row_keys={"beurten": ("wie", "begin"), "aan": ("wie",)})
    rows = DEFAULT_REGISTRY.with_types(vraag).get("vraag").rows
    old = "---\ntitel: V\naan:\n  - wie: gemeente\n---\n"
    new = "---\ntitel: V\nbeurten:\n  - wie: Ali\n    begin: mei\naan:\n  - wie: gemeente\n    antwoord: ja\n---\n"
    assert [f.text for f in describe_change(old, new, row_keys=rows).fields] == [
        "beurten toegevoegd: wie: Ali, begin: mei",
        "antwoord van gemeente vastgelegd: ja",
    ]
    more = new.replace("    begin: mei\n", "    begin: mei\n  - wie: Bo\n    begin: juni\n    eind: juli\n")
    assert [f.text for f in describe_change(new, more, row_keys=rows).fields] == ["beurten: + Bo (juni – juli)"]
