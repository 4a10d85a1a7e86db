"""One relative-URL rule for pages, feeds and the ecosystem script (content/urls.py)."""

from buurtwiki.content.urls import from_source, relative, site_root


def test_relative_from_pages_and_files():
    assert relative("wijken/oost/", "wijken/oost/plekken/tuin/") == "../../"
    assert relative("wijken/oost/#kaart", "") == "wijken/oost/#kaart"
    assert relative("wijken/oost/", "wijken/oost/") == "./"
    assert relative("wijken/oost/", "feeds/wijzigingen.xml") == "../wijken/oost/"
    assert relative("feeds/wijzigingen.xml", "feeds/wijzigingen.xml") == "wijzigingen.xml"
    assert relative("data/x.json", "a/b.html") == "../data/x.json"  # file URLs, not only folders


def test_site_root_and_source_relative_links():
    assert site_root("") == ""
    assert site_root("wijken/oost/ecosysteem/") == "../../../"
    assert from_source("kaart.png#boven", "wijken/oost/index.md") == "wijken/oost/kaart.png#boven"
    assert from_source("../west/", "wijken/oost/index.md") == "wijken/west/"


def test_relative_agrees_with_posixpath_on_every_shape_of_url():
    """The fast segment rule gives what ``posixpath.relpath`` gives, also for odd URLs a resident
    can write (``..``, ``.``, double slashes, a file next to the page)."""
    import itertools
    import posixpath

    from buurtwiki.content.urls import _relpath

    parts = ["", "a", "a/", "a/b/", "a/b/c.html", "a//b/", "a/./b/", "../x/", "a/../b/", "wijken/ohg/", "wijken/ohg/plekken/x/",
             "./", "..", "assets/x.css", "a/b"]
    for target, page in itertools.product(parts, repeat=2):
        path, base = "/" + target, "/" + page[: page.rfind("/") + 1]
        assert _relpath(path, base) == posixpath.relpath(path, base), (target, page)
