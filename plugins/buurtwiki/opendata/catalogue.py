"""``/data/catalogus.jsonld``: a DCAT-AP 3 (DCAT-AP-NL) catalogue of the datasets and their
distributions, for harvesting by a national open-data portal."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from .values import absolute

if TYPE_CHECKING:
    from ..build import Build
    from .bundle import OpenData

PATH = "data/catalogus.jsonld"

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dct:issued": {"@type": "xsd:date"},
    "dct:modified": {"@type": "xsd:date"},
    "dcat:byteSize": {"@type": "xsd:nonNegativeInteger"},
}

DATASETS = (
    # (id, Dutch title, description, [(path, format, media type)])
    ("alles", "Alle pagina's", "Alle initiatieven, plekken, organisaties, fondsen, rollen, toekomstagenda's en activiteiten.",
     [("data/entiteiten.json", "JSON", "application/json"), ("data/open-data.zip", "ZIP", "application/zip")]),
    ("hsds", "Sociale kaart (Open Referral HSDS 3.0)", "Organisaties, locaties, diensten en tijden volgens HSDS 3.0.",
     [("data/hsds/organizations.json", "JSON", "application/json"), ("data/hsds/locations.json", "JSON", "application/json"),
      ("data/hsds/services.json", "JSON", "application/json"), ("data/hsds/schedules.json", "JSON", "application/json")]),
)


def catalogue(build: Build, data: OpenData) -> dict[str, Any]:
    prov = data.prov
    licence = {"@id": prov.licence_url} if prov.licence_url else prov.licence
    publisher = {"@type": "foaf:Agent", "foaf:name": build.options.site_name}
    files = build.outputs.files
    datasets = []
    for key, title, description, distributions in DATASETS:
        datasets.append({
            "@id": absolute(build, f"data/#{key}"), "@type": "dcat:Dataset",
            "dct:title": title, "dct:description": description, "dct:language": {"@id": "http://publications.europa.eu/resource/authority/language/NLD"},
            "dct:publisher": publisher, "dct:license": licence, "dct:modified": prov.built,
            "dcat:keyword": ["buurt", "wijk", "initiatieven", "sociale basis"],
            "dcat:distribution": [{
                "@id": absolute(build, path), "@type": "dcat:Distribution", "dct:title": path.split("/")[-1],
                "dcat:accessURL": {"@id": absolute(build, "data/")}, "dcat:downloadURL": {"@id": absolute(build, path)},
                "dct:format": fmt, "dcat:mediaType": media, "dct:license": licence, "dct:modified": prov.built,
                **({"dcat:byteSize": len(files[path].data())} if path in files else {}),
            } for path, fmt, media in distributions],
        })
    return {
        "@context": CONTEXT, "@id": absolute(build, PATH), "@type": "dcat:Catalog",
        "dct:title": f"Open data van {build.options.site_name}", "dct:description": prov.as_text(),
        "dct:publisher": publisher, "dct:license": licence, "dct:issued": prov.built, "dct:modified": prov.built,
        "dct:source": prov.commit or "", "dcat:dataset": datasets,
    }


def catalogue_json(build: Build, data: OpenData) -> bytes:
    return (json.dumps(catalogue(build, data), ensure_ascii=False, indent=1) + "\n").encode()
