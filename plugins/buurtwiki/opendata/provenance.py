"""Licence, build date and commit: written into every data file and shown on the site."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..build import Build

LICENCE_URLS = {
    "cc by 4.0": "https://creativecommons.org/licenses/by/4.0/",
    "cc by-sa 4.0": "https://creativecommons.org/licenses/by-sa/4.0/",
    "cc0 1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "cc0": "https://creativecommons.org/publicdomain/zero/1.0/",
    "odbl": "https://opendatacommons.org/licenses/odbl/1-0/",
}


@dataclass(frozen=True)
class Provenance:
    licence: str
    licence_url: str | None
    built: str  # build date, 2026-11-21
    commit: str | None  # the commit the site was built from; None without git history

    def as_json(self) -> dict[str, str | None]:
        return {"licentie": self.licence, "licentie_url": self.licence_url, "gebouwd": self.built, "commit": self.commit}

    def as_text(self) -> str:
        url = f" ({self.licence_url})" if self.licence_url else ""
        return f"Licentie: {self.licence}{url}. Gebouwd op {self.built} uit commit {self.commit or 'onbekend'}."


def licence_url(name: str) -> str | None:
    return LICENCE_URLS.get(" ".join(name.lower().split()))


def provenance(build: Build) -> Provenance:
    name = build.options.licence
    head = build.history.head if build.history is not None else None
    return Provenance(name, licence_url(name), build.today.isoformat(), head)


def licence_of(build: Build) -> dict[str, str | None]:
    """The licence as the footer shows it."""
    return {"name": build.options.licence, "url": licence_url(build.options.licence)}
