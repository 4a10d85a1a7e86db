"""Field kinds: moved to :mod:`buurtwiki.model.kinds` (and ``slugify`` to :mod:`buurtwiki.model.words`).

A thin re-export so that imports keep working while the other modules move to the new names.
"""

from .kinds import *  # noqa: F403
from .kinds import __all__ as _kinds
from .kinds.refs import _SLUG
from .words import slugify

__all__ = [*_kinds, "_SLUG", "slugify"]
