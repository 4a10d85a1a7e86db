"""themas.yml is resident input: every key, title, description and sub-theme is checked."""

from __future__ import annotations

from buurtwiki.content.loader import load_site
from buurtwiki.content.themes import MAX_THEMES

THEMES = "content/themas.yml"


def problems(site_dir, text: str) -> tuple[list[str], object]:
    site = load_site(site_dir({THEMES: text}))
    return [str(p) for p in site.problems.sorted() if p.path == THEMES], site.themes


def test_a_valid_registry_has_no_problems(site_dir):
    found, themes = problems(site_dir, "wonen:\n  titel: Wonen\n  omschrijving: Huizen.\n  sub: [huur, koop]\n")
    assert found == []
    assert themes.get("huur").parent == "wonen" and themes.get("wonen").titel == "Wonen"


def test_keys_must_be_slugs(site_dir):
    found, themes = problems(site_dir, "Groen Wonen:\n  titel: Groen\n\"[a]\":\n  titel: X\nzorg:\n  titel: Zorg\n")
    assert found[0] == (
        f"{THEMES}:1: fout: thema 'Groen Wonen' heeft geen geldige naam; gebruik kleine letters, cijfers en "
        "streepjes (hoogstens 100 tekens). Bedoel je 'groen-wonen'?"
    )
    assert found[1].startswith(f"{THEMES}:3: fout: thema '[a]' heeft geen geldige naam") and "Bedoel je 'a'?" in found[1]
    assert "zorg" in themes and "Groen Wonen" not in themes


def test_a_list_as_key_is_said_in_dutch(site_dir):
    found, _ = problems(site_dir, "? [a, b]\n: x\n")
    assert found == [f"{THEMES}:1: fout: de naam van een thema moet een woord zijn, maar vond een lijst."]


def test_duplicates_are_errors(site_dir):
    found, _ = problems(site_dir, "wonen:\n  titel: Wonen\nwonen:\n  titel: Ook wonen\n")
    assert found == [f"{THEMES}:3: fout: thema 'wonen' staat twee keer in themas.yml (eerst op regel 1); haal er één weg."]


def test_fields_are_text_and_sub_is_a_list_of_slugs(site_dir):
    text = "wonen:\n  titel: [a, b]\n  omschrijving: {x: y}\n  sub: [huur, Koop Huis]\n  titl: Wonen\n"
    found, themes = problems(site_dir, text)
    assert f"{THEMES}:2: fout: veld 'titel' in 'thema wonen': verwacht tekst, maar vond een lijst." in found
    assert f"{THEMES}:3: fout: veld 'omschrijving' in 'thema wonen': verwacht tekst, maar vond een groep velden." in found
    assert any(p.startswith(f"{THEMES}:4: fout: sub-thema van 'wonen': 'Koop Huis' heeft geen geldige naam") and "'koop-huis'" in p for p in found), found
    assert any(p.startswith(f"{THEMES}:5: waarschuwing: onbekend veld 'titl'") and "Bedoel je 'titel'?" in p for p in found), found
    assert "huur" in themes and "Koop Huis" not in themes
    assert not any("Node" in p for p in found)


def test_a_list_in_sub_is_said_in_dutch(site_dir):
    found, _ = problems(site_dir, "wonen:\n  sub: [huur, [x]]\n")
    assert found == [f"{THEMES}:2: fout: veld 'sub (nr. 2)' in 'thema wonen': verwacht tekst, maar vond een lijst."]


def test_a_theme_that_is_not_a_group(site_dir):
    found, _ = problems(site_dir, "wonen: Wonen en huizen\n")
    assert found == [f"{THEMES}:1: fout: thema 'wonen': verwacht titel, omschrijving en sub eronder, maar vond 'Wonen en huizen'."]


def test_the_registry_is_bounded(site_dir):
    text = "".join(f"thema-{i}:\n  titel: T\n" for i in range(MAX_THEMES + 5))
    found, themes = problems(site_dir, text)
    assert len(themes.themes) == MAX_THEMES
    assert found == [f"{THEMES}:{2 * MAX_THEMES + 1}: fout: themas.yml heeft meer dan {MAX_THEMES} thema's; de rest wordt niet gebruikt."]


def test_a_long_title_is_refused(site_dir):
    found, _ = problems(site_dir, f"wonen:\n  titel: {'x' * 200}\n")
    assert found and "maximaal 80 tekens" in found[0]


def test_a_sub_theme_in_two_places_is_an_error(site_dir):
    found, themes = problems(site_dir, "wonen:\n  sub: [huur, groen]\ngroen:\n  titel: G\nzorg:\n  sub: [huur]\n")
    assert found == [
        f"{THEMES}:3: fout: thema 'groen' staat twee keer in themas.yml (eerst op regel 2); haal er één weg.",
        f"{THEMES}:6: fout: sub-thema 'huur' staat twee keer in themas.yml (eerst op regel 2); haal er één weg.",
    ]
    assert themes.get("huur").parent == "wonen"


def test_the_default_registry_has_no_problems():
    from buurtwiki.content.themes import DEFAULT_TEXT, parse_registry
    from buurtwiki.validation.problems import Problems

    problems_found = Problems()
    registry = parse_registry(DEFAULT_TEXT, problems_found.for_path(THEMES))
    assert problems_found.items == [] and len(registry.main) >= 5
