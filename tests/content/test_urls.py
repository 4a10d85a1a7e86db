"""One relative-URL rule for pages, feeds and the ecosystem script (content/urls.py)."""

from buurtwiki.content.urls import from_source, relative, site_root


def test_relative_from_pages_and_files():
    assert relative("wijken/oost/", "wijken/oost/plekken/tuin/") == "../../"
    assert relative("wijken/oost/#kaart", "") == "wijken/oost/#kaart"
    assert relative("wijken/oost/", "wijken/oost/") == "./"
    assert relative("", "wijken/oost/") == "../../"  # the home page (it was ".": the page itself)
    assert relative("", "") == "./" and relative("#kaart", "wijken/") == "../#kaart"
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


def test_pages_with_the_same_links_key_see_every_target_at_the_same_relative_url():
    """The key that lets pages share their menu's markup (content/urls.py:links_key) never puts
    two pages together that would need different links: a page in wijk B must not get the
    menu of a page in wijk A, where ``../`` means wijk A."""
    import itertools

    from buurtwiki.content.urls import link_prefixes, links_key, relative

    targets = ["", "wijken/", "wijken/a/", "wijken/b/", "kaart/", "organisaties/", "wijken/a/plekken/", "x.html#deel"]
    pages = [f"{w}{kind}{slug}{tail}" for w, kind, slug, tail in itertools.product(
        ["wijken/a/", "wijken/b/", "wijken/c/", "organisaties/", ""], ["plekken/", "initiatieven/", ""],
        ["p/", "q/", "r.html"], ["", "geschiedenis/"]) if not (tail and slug.endswith(".html"))]
    prefixes = link_prefixes(targets)
    seen: dict[object, list[str]] = {}
    for page in pages:
        links = [relative(t, page) for t in targets]
        assert seen.setdefault(links_key(prefixes, page), links) == links, page
    # and pages do share: all entities of one kind in a wijk, at one depth
    assert links_key(prefixes, "wijken/b/initiatieven/p/") == links_key(prefixes, "wijken/b/initiatieven/q/")
    assert links_key(prefixes, "wijken/b/initiatieven/p/") != links_key(prefixes, "wijken/a/initiatieven/p/")
