"""Open data: the whole neighbourhood as data others can use (entiteiten.json, open-data.zip,
JSON Schemas, a DCAT catalogue, Open Referral HSDS, schema.org JSON-LD on pages, the /data/ page).

Everything is derived from the registry (``site.registry``): no per-type code per format.
"""
