"""A resident page at the address of a page or file Buurtwiki makes (hunt F4, F5).

``content/wijken/mijn-wijk/index.md`` used to replace the wijk page (a defacement that content
review sees as "a new ordinary page"), ``content/themas/index.md`` the theme overview, and
``content/sitemap.xml.md`` stopped the build with a traceback. Now the generated page wins and
``buurtwiki check`` and the build name each such file at line 1, in Dutch.
"""

from __future__ import annotations

import subprocess

from buurtwiki.scaffold.site import init_site

from ..conftest import TODAY
from .test_mkdocs_build import BIN, ENV, build

PAGE = "---\ntitel: Nep\n---\nDeze wijk is opgeheven. Doneer op https://evil.example\n"
COLLIDING = [
    "content/wijken/mijn-wijk/index.md",  # the wijk page
    "content/wijken/mijn-wijk.md",  # the same address, another file name
    "content/wijken/index.md",
    "content/themas/index.md",
    "content/organisaties.md",
    "content/themas/duurzaamheid.md",  # a theme page
    "content/wijken/mijn-wijk/ecosysteem.md",
    "content/admin.md",  # admin/index.html is the editor, a generated file
]
RESERVED = ["content/sitemap.xml.md", "content/404.html.md", "content/objects.inv.md"]


def test_generated_pages_win_and_every_colliding_file_is_named(tmp_path):
    init_site(tmp_path, today=TODAY)
    for rel in COLLIDING + RESERVED:
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(PAGE, encoding="utf-8")
    result = build(tmp_path)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    check = subprocess.run([str(BIN / "buurtwiki"), "check", str(tmp_path)], env=ENV, capture_output=True, text=True, timeout=120)
    assert check.returncode == 1
    for rel in COLLIDING:
        assert f"{rel}:1: fout: deze pagina staat op hetzelfde adres als een pagina" in result.stderr, rel
    for rel in COLLIDING:
        assert f"{rel}:1: fout: deze pagina staat op hetzelfde adres" in check.stdout + check.stderr, rel
    for rel in RESERVED:
        assert f"{rel}:1: fout: de bestandsnaam" in result.stderr and f"{rel}:1: fout" in check.stdout + check.stderr
    site = tmp_path / "site"
    assert "evil.example" not in (site / "wijken/mijn-wijk/index.html").read_text(encoding="utf-8")
    assert "Eetgroep" in (site / "wijken/mijn-wijk/index.html").read_text(encoding="utf-8")
    for page in ("wijken/index.html", "themas/index.html", "organisaties/index.html", "admin/index.html"):
        assert "evil.example" not in (site / page).read_text(encoding="utf-8"), page
    assert (site / "sitemap.xml").is_file() and (site / "404.html").is_file()
    # Nothing of the colliding pages is published anywhere (Pagefind indexes only these pages).
    assert not [p for p in site.rglob("*.html") if "evil.example" in p.read_text(encoding="utf-8")]
