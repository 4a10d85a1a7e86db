"""Free text and web addresses."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import yaml

from .base import ANY_SCALAR, FieldError, Kind, anchored, any_case, line_of, scalar, shown


@dataclass
class Text(Kind):
    """Any scalar, stripped. The schema also takes the numbers and true/false YAML makes of text.

    Parser-only: the length is counted after stripping surrounding spaces (a quoted value with
    spaces around it may be longer in the schema's eyes).
    """

    max_length: int | None = None
    multiline: bool = False

    def parse(self, node: yaml.Node, name: str) -> str:
        value = scalar(node, name, "tekst")
        if self.max_length and len(value) > self.max_length:
            raise FieldError(
                f"veld '{name}': de tekst is {len(value)} tekens lang; maximaal {self.max_length} "
                f"tekens zijn toegestaan. Maak de tekst korter.",
                line_of(node),
            )
        return value

    def schema(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": list(ANY_SCALAR)}
        if self.max_length:
            out["maxLength"] = self.max_length
        return out

    def example(self) -> str:
        return ""

    def limits(self) -> str:
        return f"hoogstens {self.max_length} tekens" if self.max_length else ""


# http:// or https:// in any case, then a host that does not start with / $ . ? #, no spaces.
URL_TEXT = any_case("http") + "[Ss]?://" + r"[^\s/$.?#]\S*"
_URL = re.compile(URL_TEXT)


@dataclass
class Url(Kind):
    """A web address starting with http:// or https:// (any case); one pattern for parse and schema."""

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "een webadres")
        if not _URL.fullmatch(raw):
            hint = f" Bedoel je 'https://{shown(raw)}'?" if "." in raw and "://" not in raw and " " not in raw else ""
            if raw[:7].lower() == "mailto:" or _EMAIL.fullmatch(raw):
                hint = " Een e-mailadres is geen webadres: zet het bij contact, als email: naam@domein.nl."
            raise FieldError(
                f"veld '{name}': verwacht een webadres dat begint met https:// of http://, "
                f"maar vond '{shown(raw)}'.{hint}",
                line_of(node),
            )
        return raw

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": anchored(URL_TEXT)}

    def example(self) -> str:
        return "https://"

    def words(self) -> str:
        return "een webadres"


# One address: name, @, a domain with a dot; none of the characters that would join a second
# address or a mail header to it (``a@b.nl, c@d.nl``, ``a@b.nl?bcc=c@d.nl``).
_NOT_IN_ADDRESS = r"\s@,;:<>?&=()\[\]\"'`/\\"
# the @ may be written as the site publishes it (open data: "naam [apenstaartje] domein.nl")
# the domain has a dot between two names (a@b.. is no address, and would not be hidden as one)
EMAIL_TEXT = (f"[^{_NOT_IN_ADDRESS}]+(?:@| \\[apenstaartje\\] )[^{_NOT_IN_ADDRESS}.](?:[^{_NOT_IN_ADDRESS}]*"
              f"[^{_NOT_IN_ADDRESS}.])?\\.[^{_NOT_IN_ADDRESS}.][^{_NOT_IN_ADDRESS}]*")
_EMAIL = re.compile(EMAIL_TEXT)
_ANY_ADDRESS = re.compile(f"[^{_NOT_IN_ADDRESS}]+@[^{_NOT_IN_ADDRESS}]+")
MAX_EMAIL = 254


@dataclass
class EmailAddress(Kind):
    """One e-mail address, such as ``info@buurthuis.nl``; one pattern for parse and schema.
    Published as ``info [apenstaartje] buurthuis.nl`` (outputs/infobox.py)."""

    def parse(self, node: yaml.Node, name: str) -> str:
        raw = scalar(node, name, "een e-mailadres")
        if len(raw) <= MAX_EMAIL and _EMAIL.fullmatch(raw):
            return raw
        first = _ANY_ADDRESS.search(raw[:1000])
        hint = f" Bedoel je '{first.group()}'?" if first and _EMAIL.fullmatch(first.group()) else ""
        raise FieldError(
            f"veld '{name}': verwacht één e-mailadres, zoals 'info@buurthuis.nl', maar vond '{shown(raw)}'.{hint} "
            "Zet een tweede adres in de tekst van de pagina.",
            line_of(node),
        )

    def schema(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": MAX_EMAIL, "pattern": anchored(EMAIL_TEXT)}

    def example(self) -> str:
        return ""

    def words(self) -> str:
        return "een e-mailadres"
