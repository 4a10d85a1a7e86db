"""A pull request full of hostile files, built with `mkdocs build`: nothing behind a symlink, no unsafe
file type and no theme file replaced ends up in the published site."""

from __future__ import annotations

import os
import time
from importlib import resources
from pathlib import Path

from ..conftest import write_site
from .test_mkdocs_build import build

SECRET = "ghp_GEHEIMTOKEN1234567890"
MKDOCS_YML = "site_name: T\ndocs_dir: content\ntheme:\n  name: material\n  language: nl\nplugins:\n  - search\n  - buurtwiki\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 32
MATERIAL = Path(str(resources.files("material").joinpath("templates")))
BUNDLE = next(p for p in (MATERIAL / "assets/javascripts").glob("bundle.*.min.js"))


def hostile_site(root: Path) -> Path:
    write_site(root, {
        "wijken/test-wijk/index.md": "---\ntitel: Testwijk\ngrens: grens.geojson\n---\nDe wijk.\n",
        "wijken/test-wijk/grens.geojson": '{"type": "FeatureCollection", "features": []}',
        "content/phish.html": "<form action=https://evil.example>wachtwoord</form>",
        "content/logo.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        "content/extra.js": "alert(1)",
        "content/extra.css": "body{display:none}",
        "content/feed.xml": "<rss/>",
        "content/Hoofd.MD": "# Hoofdletters\n",
        "content/oud.markdown": "# Oud\n",
        "content/.verborgen.txt": "verborgen",
        f"content/assets/javascripts/{BUNDLE.name}": "alert('vervangen bundle')",
        "content/assets/buurtwiki/buurtwiki.js": "alert('vervangen buurtwiki')",
        "content/search/search_index.json": '{"docs": []}',
        "content/pagefind/pagefind-nep.js": "alert('nep zoeken')",
        "content/sitemap.xml": "<urlset/>",
        "content/404.html": "<h1>nep</h1>",
        "wijken/test-wijk/kaart.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "wijken/test-wijk/pagina.html": "<script>alert(1)</script>",
    })
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    (root / "content/foto.png").write_bytes(PNG)
    (root / "wijken/test-wijk/foto.png").write_bytes(PNG)
    (root / "content/assets/images").mkdir(parents=True)
    (root / "content/assets/images/favicon.png").write_bytes(PNG)
    # What actions/checkout leaves behind, and a secret outside the repository.
    (root / ".git").mkdir()
    (root / ".git/config").write_text(f"[http]\n\textraheader = AUTHORIZATION: basic {SECRET}\n", encoding="utf-8")
    outside = root.parent / f"{root.name}-buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(f"# Geheim\n{SECRET}\n", encoding="utf-8")
    links = {
        "content/geheim.md": "../.git/config",
        "content/config.txt": "../.git/config",
        "content/passwd.md": "/etc/passwd",
        "content/buiten.md": str(outside / "geheim.md"),
        "wijken/test-wijk/plekken/x.md": "/etc/passwd",
        "wijken/test-wijk/plekken/config.md": "../../../.git/config",
        "wijken/test-wijk/kaart.png": "../../.git/config",
        "wijken/test-wijk/map": str(outside),
        "wijken/test-wijk/initiatieven": str(outside),
    }
    for rel, target in links.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        os.symlink(target, root / rel)
    return root


def published(root: Path) -> dict[str, bytes]:
    site = root / "site"
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_hostile_files_are_refused_named_and_not_published(tmp_path):
    root = hostile_site(tmp_path / "site-repo")
    result = build(root)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Traceback" not in result.stderr
    files = published(root)
    for path, data in files.items():
        assert SECRET.encode() not in data, f"{path} publishes the secret"
        assert b"root:x:0:0" not in data, f"{path} publishes /etc/passwd"
    for refused in (
        "phish.html", "logo.svg", "extra.js", "extra.css", "feed.xml", "Hoofd.MD", "oud.markdown",
        ".verborgen.txt", "themas.yml", "config.txt", "wijken/test-wijk/kaart.svg", "wijken/test-wijk/pagina.html",
        "wijken/test-wijk/kaart.png", "geheim/index.html", "passwd/index.html", "buiten/index.html",
        "wijken/test-wijk/plekken/x/index.html", "wijken/test-wijk/plekken/config/index.html",
        "wijken/test-wijk/map/geheim/index.html", "Hoofd/index.html", "oud/index.html",
    ):
        assert refused not in files, refused
    assert not [p for p in files if p.startswith("wijken/test-wijk/map/")]
    # The theme's own files are published, not the resident's replacements.
    assert files[f"assets/javascripts/{BUNDLE.name}"] == BUNDLE.read_bytes()
    assert files["assets/images/favicon.png"] == (MATERIAL / "assets/images/favicon.png").read_bytes()
    assert b"vervangen" not in files["assets/buurtwiki/buurtwiki.js"]
    assert files.get("search/search_index.json") != b'{"docs": []}'
    assert "pagefind/pagefind-nep.js" not in files  # Pagefind's folder is Buurtwiki's
    assert files.get("sitemap.xml") != b"<urlset/>"
    assert files["404.html"] != b"<h1>nep</h1>"
    # Safe files still are.
    assert files["foto.png"] == PNG and files["wijken/test-wijk/foto.png"] == PNG
    assert "wijken/test-wijk/grens.geojson" in files
    assert "wijken/test-wijk/index.html" in files and "index.html" in files
    # Every refusal is named, in Dutch, at the file's own path.
    for line in (
        "content/geheim.md:1: fout: dit is een snelkoppeling (symlink)",
        "content/config.txt:1: fout: dit is een snelkoppeling (symlink)",
        "wijken/test-wijk/plekken/x.md:1: fout: dit is een snelkoppeling (symlink)",
        "wijken/test-wijk/kaart.png:1: fout: dit is een snelkoppeling (symlink)",
        "wijken/test-wijk/map:1: fout: dit is een snelkoppeling (symlink)",
        "wijken/test-wijk/initiatieven:1: fout: dit is een snelkoppeling (symlink)",
        "content/logo.svg:1: fout: SVG-bestanden worden niet gepubliceerd",
        "content/phish.html:1: fout: bestanden van dit type ('.html') worden niet gepubliceerd",
        "content/Hoofd.MD:1: fout: de bestandsnaam eindigt op '.MD'",
        "hernoem naar oud.md",
        "content/assets:1: fout: de map 'assets' is gereserveerd",
        "content/sitemap.xml:1: fout:",
    ):
        assert line in result.stderr, line


def test_strict_build_stops_at_a_refused_file(tmp_path):
    root = hostile_site(tmp_path / "site-repo")
    result = build(root, "--strict")
    assert result.returncode != 0
    assert "snelkoppeling" in result.stderr and "Traceback" not in result.stderr


def test_symlinked_folder_in_docs_stops_the_build_before_mkdocs_walks_it(tmp_path):
    root = write_site(tmp_path / "site-repo", {})
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    outside = tmp_path / "buiten"
    outside.mkdir()
    (outside / "geheim.md").write_text(f"# Geheim\n{SECRET}\n", encoding="utf-8")
    os.symlink(outside, root / "content/buiten")
    # Two links to the folder itself: a walk that follows them has 2**40 paths to visit.
    os.symlink("..", root / "content/buiten-een")
    os.symlink(".", root / "content/.lus")
    start = time.monotonic()
    result = build(root)
    assert time.monotonic() - start < 60
    assert result.returncode != 0
    output = result.stdout + result.stderr  # MkDocs prints an Abort on stdout
    assert "Traceback" not in output
    for rel in ("content/buiten", "content/buiten-een", "content/.lus"):
        assert f"{rel}:1: fout: dit is een snelkoppeling (symlink); Buurtwiki publiceert geen snelkoppelingen" in output
    site = root / "site"
    assert not site.exists() or not any(SECRET.encode() in p.read_bytes() for p in site.rglob("*") if p.is_file())


def test_symlinked_docs_folder_is_refused(tmp_path):
    root = write_site(tmp_path / "site-repo", {})
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    os.rename(root / "content", tmp_path / "echte-content")
    os.symlink(tmp_path / "echte-content", root / "content")
    result = build(root)
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "content:1: fout: dit is een snelkoppeling (symlink)" in output
    assert "Traceback" not in output
