"""Closest valid value for a typo: moved to :mod:`buurtwiki.model.words` (the model uses it too).

Kept as a re-export while other modules move their imports.
"""

from ..model.words import allowed, closest, did_you_mean

__all__ = ["allowed", "closest", "did_you_mean"]
