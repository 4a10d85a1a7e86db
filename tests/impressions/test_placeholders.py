"""Example values that `buurtwiki nieuw` wrote must not pass `check` silently."""

from __future__ import annotations

from buurtwiki.cli.main import main


def test_untouched_examples_are_warned_about_until_filled_in(site_dir, capsys):
    root = site_dir({})
    assert main(["nieuw", "organisatie", "Stadsdeel Oost", "--dir", str(root)]) == 0
    assert main(["nieuw", "activiteit", "Buurtborrel", "--wijk", "test-wijk", "--dir", str(root)]) == 0
    assert main(["nieuw", "initiatief", "Eettafel", "--wijk", "test-wijk", "--dir", str(root)]) == 0
    capsys.readouterr()
    main(["check", str(root)])
    out = capsys.readouterr()
    text = out.out + out.err
    assert "content/organisaties/stadsdeel-oost.md:3: waarschuwing: veld 'soort': 'gemeente' is nog het voorbeeld" in text
    assert "wijken/test-wijk/activiteiten/buurtborrel.md:3: waarschuwing: veld 'start'" in text
    assert "eettafel.md" not in text  # a starting status (in-opbouw) is a real value, not an example
    organisation = root / "content/organisaties/stadsdeel-oost.md"
    organisation.write_text(organisation.read_text(encoding="utf-8").replace("soort: gemeente", "soort: stadsdeel"), encoding="utf-8")
    main(["check", str(root)])
    out = capsys.readouterr()
    assert "stadsdeel-oost.md" not in out.out + out.err  # filled in: the comment may stay, no warning
