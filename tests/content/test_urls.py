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
