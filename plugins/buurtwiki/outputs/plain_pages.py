"""Ordinary Markdown pages under the docs folder, rendered with the same Markdown and links."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from .page import OutputPage
from .render import RenderContext

if TYPE_CHECKING:
    from ..build import Build


def emit(build: Build) -> Iterator[OutputPage]:
    for page in build.site.pages:
        title = page.title or (build.options.site_name if page.src_uri == "index.md" else page.src_uri[:-3].split("/")[-1].replace("-", " ").capitalize())

        def render(ctx: RenderContext, page=page, title=title) -> str:
            body = ctx.body(page)
            heading = "" if "<h1" in body else f"<h1>{ctx.render('text.html', text=title)}</h1>"
            return f'<article class="bw-plain">{heading}{body}</article>'

        yield OutputPage(src_uri=page.src_uri, title=title, render=render, kind="page", edit_path=page.path)
