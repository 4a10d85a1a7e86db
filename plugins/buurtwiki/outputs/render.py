"""Rendering HTML fragments with Jinja2 (autoescaped) and links relative to the current page."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..content.entity import Entity
from ..content.links import resolve_md_link, resolve_wikilink
from ..content.urls import folder_of, from_source, relative
from ..markup import markdown
from . import dates
from .template_cache import use_cache
from .when import RENDER_TODAY, card_when, shown_status

if TYPE_CHECKING:
    from ..build import Build


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("buurtwiki", "templates/pages"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        datum=dates.long_date,
        dagdatum=dates.weekday_date,
        tijdstip=dates.date_time,
        dagen=dates.days_word,
    )
    env.globals.update(shown_status=shown_status, card_when=card_when)
    return use_cache(env)


@dataclass
class RenderContext:
    """Everything a template needs to render one page: the build and where the page lives."""

    build: Build
    page_url: str  # root-relative URL of the page being rendered

    @property
    def site(self):
        return self.build.site

    @property
    def today(self):
        return self.build.today

    @property
    def folder(self) -> str:
        """The root-relative folder of this page: its URL, or the folder of ``x/y.html``."""
        return folder_of(self.page_url)

    def href(self, target: str | Entity) -> str:
        """A link from this page to a root-relative URL or an entity, relative so the site works anywhere."""
        url = self.build.public_url(target.url if isinstance(target, Entity) else target)
        return relative(url, self.page_url)

    def link(self, entity: Entity | None, text: str | None = None, show_wijk: bool = False) -> Markup:
        if entity is None:
            return Markup("")
        label = escape(text or entity.title)
        extra = ""
        if show_wijk and entity.wijk:
            wijk = self.site.wijk_page(entity.wijk)
            extra = Markup(' <span class="bw-wijk-label">({})</span>').format(wijk.title if wijk else entity.wijk)
        return Markup('<a href="{}">{}</a>{}').format(self.href(entity), label, extra)

    def ago(self, value) -> str:
        return dates.ago(value, self.today)

    def body(self, item) -> Markup:
        """The sanitised HTML of an entity's or page's Markdown body, with links resolved."""

        def wikilink(target: str, text: str) -> str:
            found = resolve_wikilink(self.site, target)
            if found is None:
                return str(Markup('<span class="bw-broken-link" title="Deze pagina bestaat niet">{}</span>').format(text or target))
            return str(self.link(found, text or None))

        def md_link(href: str) -> str | None:
            found = resolve_md_link(self.site, item, href)
            if found is None:
                return None  # reported when loading; shown as text, not as a link to a .md file
            fragment = href.partition("#")[2]
            return self.href(found.url + (f"#{fragment}" if fragment else ""))

        def asset(url: str) -> str:
            return self.href(from_source(url, item.src_uri))

        return Markup(markdown.render(item.tokens, wikilink, md_link, asset))

    def render(self, template: str, **values: Any) -> str:
        token = RENDER_TODAY.set(self.build.today)
        try:
            return environment().get_template(template).render(ctx=self, build=self.build, site=self.site, **values)
        finally:
            RENDER_TODAY.reset(token)
