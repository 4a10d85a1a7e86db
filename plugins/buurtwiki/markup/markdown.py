"""The Markdown of page bodies: parsed once with markdown-it-py, rendered later, then sanitised.

Parsing happens when a file is loaded (so link checks can use the tokens); rendering happens
when a page is written, with an ``env`` that resolves links relative to that page.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from ..model.text import obfuscate_emails_in_html
from .anchors import anchors_plugin
from .ids import resident_id
from .wikilinks import wikilinks_plugin


@dataclass(frozen=True)
class BodyLink:
    """A link found in a body: a wikilink or a Markdown link to a ``.md`` file."""

    target: str
    text: str
    line: int  # 1-based line in the file
    wikilink: bool


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(wikilinks_plugin)
    md.use(footnote_plugin)
    md.use(deflist_plugin)
    md.use(tasklists_plugin)
    md.use(anchors_plugin, min_level=2, max_level=3)
    return md


def parse(body: str) -> list[Token]:
    return parser().parse(body, {})


def find_links(tokens: list[Token], first_line: int) -> list[BodyLink]:
    """Every wikilink and every link to a Markdown file, with its line in the file."""
    found: list[BodyLink] = []
    for block in tokens:
        if block.type != "inline" or not block.children:
            continue
        base = first_line + (block.map[0] if block.map else 0)
        for i, child in enumerate(block.children):
            if child.type == "wikilink":
                found.append(BodyLink(child.meta["target"], child.meta["text"], base + child.meta["line_offset"], True))
            elif child.type == "link_open":
                href = str(child.attrGet("href") or "")
                if is_md_link(href):
                    text = block.children[i + 1].content if i + 1 < len(block.children) else ""
                    found.append(BodyLink(href, text, base, False))
    return found


ALLOWED_TAGS = set(nh3.ALLOWED_TAGS) | {"figure", "figcaption", "details", "summary", "section", "mark", "input"}
ALLOWED_ATTRIBUTES = {
    **{tag: set(attrs) for tag, attrs in nh3.ALLOWED_ATTRIBUTES.items()},
    "a": {"href", "title", "hreflang", "class", "aria-label"},
    "h2": {"id"},
    "h3": {"id"},
    "h4": {"id"},
    "li": {"id", "class"},
    "sup": {"id", "class"},
    "section": {"class"},
    "ol": {"start", "class"},
    "ul": {"class"},
    "span": {"class", "title"},
    "td": {"style", "colspan", "rowspan"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "input": {"type", "checked", "disabled", "class"},
    "img": {"src", "alt", "title", "width", "height", "loading"},
}


def _attribute(tag: str, name: str, value: str) -> str | None:
    """nh3's hook for every allowed attribute: no resident element gets an id of the theme's."""
    return resident_id(value) if name == "id" else value


def sanitise(html: str) -> str:
    """Remove scripts, event handlers, ``javascript:`` links and anything else unsafe; ids that
    Material or Buurtwiki look up (``__config``, ``md-…``, ``bw-…``) get a prefix (see :mod:`.ids`)."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        attribute_filter=_attribute,
        url_schemes={"http", "https", "tel"},  # mailto: see _mail_link
        link_rel="noopener noreferrer",
        filter_style_properties={"text-align"},
    )


def is_md_link(href: str) -> bool:
    """A link to a Markdown file of the site (relative, or from the site root with ``/``).

    The one rule for detection (checked, put in the graph) and rendering (rewritten to the page URL),
    so no link can pass the check and stay broken on the page."""
    path = href.split("#", 1)[0]
    return path.endswith(".md") and "://" not in path


def _is_relative(url: str) -> bool:
    return bool(url) and not url.startswith(("#", "/")) and ":" not in url.split("/", 1)[0]


def render(
    tokens: list[Token],
    wikilink: Callable[[str, str], str],
    link: Callable[[str], str | None],
    asset: Callable[[str], str] | None = None,
) -> str:
    """HTML of a parsed body. ``wikilink(target, text)`` gives the HTML of a wikilink; ``link(href)``
    rewrites a link to a ``.md`` file into the URL of its page (None: there is no such page, the
    link is shown as text, like a wikilink to nothing); ``asset(url)`` rewrites any other relative
    link or image (written relative to the source file) for the page's own URL."""
    env = {"wikilink": wikilink}
    for block in tokens:
        children = block.children or []
        for i, child in enumerate(children):
            if child.type == "link_open":
                _mail_link(child, children[i + 1] if i + 1 < len(children) else None)
                _as_link(child, children, i)  # the tokens are kept between renders: start from the link
            attr = "href" if child.type == "link_open" else "src" if child.type == "image" else None
            if attr is None:
                continue
            original = child.meta.setdefault(attr, str(child.attrGet(attr) or ""))
            if is_md_link(original):
                target = link(original)
                if target is not None:
                    child.attrSet(attr, target)
                elif child.type == "link_open":
                    _as_broken(child, children, i)
                else:
                    child.attrSet(attr, original)  # an image of a .md file: as written (it shows nothing)
            elif not _is_relative(original):
                continue
            elif asset is not None:
                child.attrSet(attr, asset(original))
    md = parser()
    # after sanitising, entities such as &#x40; are plain characters: no address escapes the pass
    return obfuscate_emails_in_html(sanitise(md.renderer.render(tokens, md.options, env)))


def _closing(children: list[Token], i: int) -> Token | None:
    """The ``link_close`` of the ``link_open`` at ``i``."""
    level = children[i].level
    return next((t for t in children[i + 1 :] if t.type == "link_close" and t.level == level), None)


def _as_link(link: Token, children: list[Token], i: int) -> None:
    """The link as parsed (an earlier render may have shown it as broken text)."""
    if link.tag == "a":
        return
    link.tag, link.attrs = "a", dict(link.meta["attrs"])
    close = _closing(children, i)
    if close is not None:
        close.tag = "a"


def _as_broken(link: Token, children: list[Token], i: int) -> None:
    """A link to a Markdown file that is not a page of the site: its text, marked as a broken link."""
    link.meta.setdefault("attrs", dict(link.attrs))
    link.tag, link.attrs = "span", {"class": "bw-broken-link", "title": "Deze pagina bestaat niet"}
    close = _closing(children, i)
    if close is not None:
        close.tag = "span"


def _mail_link(link: Token, text: Token | None) -> None:
    """A ``mailto:`` link loses its link (the sanitiser drops the scheme): its address stays readable
    in the text, written as ``naam [apenstaartje] domein.nl`` like every address on the site."""
    href = str(link.attrGet("href") or "")
    if href[:7].lower() != "mailto:" or text is None or text.type != "text" or link.meta.get("mail"):
        return
    link.meta["mail"] = True
    address = href[7:].split("?", 1)[0]
    if address and address not in text.content:
        text.content = f"{text.content} ({address})"
