"""Words for residents: file names from titles and the closest valid value for a typo.

These sit in the model layer because field kinds and the theme registry use them in their own
messages ("bedoel je …?"); validation and content import them from here.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable

_SLUG_MAP = str.maketrans({"’": "", "'": "", "‘": "", "`": "", "&": " en "})


def slugify(text: str) -> str:
    """File name for a title: "Coöperatie Zon op ’t Dak" gives ``cooperatie-zon-op-t-dak``."""
    text = unicodedata.normalize("NFKD", str(text).translate(_SLUG_MAP))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def closest(value: object, options: Iterable[str], n: int = 1) -> list[str]:
    """The options closest to ``value`` (case-insensitive), best first."""
    text = str(value).strip().lower()
    choices = list(dict.fromkeys(options))
    lowered = {c.lower(): c for c in choices}
    if text in lowered:
        return [lowered[text]]
    found = difflib.get_close_matches(text, list(lowered), n=n, cutoff=0.6)
    if not found:
        # a prefix or contained word is often what was meant ("actie" -> "actief")
        found = [c for c in lowered if text and (c.startswith(text) or text in c or text.startswith(c))][:n]
    return [lowered[f] for f in found]


def did_you_mean(value: object, options: Iterable[str], quote: str = "'") -> str:
    """`` Bedoel je 'x'?`` or an empty string when nothing is close."""
    found = closest(value, options, n=1)
    return f" Bedoel je {quote}{found[0]}{quote}?" if found else ""


def allowed(options: Iterable[str], limit: int = 20) -> str:
    items = list(options)
    shown = ", ".join(items[:limit])
    return shown + (f" (en {len(items) - limit} meer)" if len(items) > limit else "")
