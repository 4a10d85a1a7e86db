"""The emit stage: each emitter contributes pages and files from the shared indexes.

To add an output, write an :class:`~buurtwiki.outputs.page.Emitter` and list it in
:data:`buurtwiki.features.EMITTERS` (the pipeline layer, which may import every feature).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..build import Build
    from .page import Emitter


def emit_all(build: Build, emitters: Iterable[Emitter]) -> None:
    for emitter in emitters:
        for item in emitter.emit(build):
            build.outputs.add(item)
    build.outputs.settle()
    for page in build.outputs.left_out:
        build.problems.error(
            page.edit_path or page.src_uri, 1,
            f"deze pagina staat op hetzelfde adres als een pagina of bestand dat Buurtwiki zelf maakt "
            f"(/{page.url}); de pagina van Buurtwiki gaat voor en deze pagina wordt niet gepubliceerd. "
            f"Geef het bestand een andere naam of zet het in een andere map, zoals 'content/info/'.",
        )
