"""Ordinary Markdown pages under the docs folder, rendered with the same Markdown and links.

Every Markdown page under the docs folder is rendered here, with the core's sanitiser: a file
Buurtwiki could not load becomes an error page (:func:`failed_page`), never the engine's own
rendering of the raw file.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..validation.page_meta import page_meta
from .page import OutputPage, PageKind
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build

FAILED_TITLE = "Deze pagina kon niet worden gemaakt"


def emit(build: Build) -> Iterator[OutputPage]:
    for page in build.site.pages:
        meta = page_meta(page)
        title = meta.get("title") or (build.options.site_name if page.src_uri == "index.md" else page.src_uri[:-3].split("/")[-1].replace("-", " ").capitalize())

        def render(ctx: RenderContext, page=page, title=title) -> str:
            body = ctx.body(page)
            heading = "" if "<h1" in body else f"<h1>{ctx.render('text.html', text=title)}</h1>"
            return f'<article class="bw-plain">{heading}{body}</article>'

        yield OutputPage(
            src_uri=page.src_uri, title=title, render=render, kind=PageKind.PAGE, edit_path=page.path,
            description=meta.get("description", ""), hide=tuple(meta.get("hide", ())),
        )


def failed_page(build: Build, src_uri: str) -> OutputPage:
    """The page for a Markdown file under the docs folder that Buurtwiki could not load: it
    says so, with the problems found in the file, and shows nothing of the file itself."""
    path = f"{build.options.docs_dir}/{src_uri}"
    problems = [p for p in build.problems.sorted() if p.path == path]

    def render(ctx: RenderContext) -> str:
        return ctx.render("failed.html", title=FAILED_TITLE, path=path, problems=problems)

    return OutputPage(src_uri=src_uri, title=FAILED_TITLE, render=render, kind=PageKind.FAILED, edit_path=path, in_search=False)
