"""admin/config.yml is generated from the model: every type, field, value word and reference."""

from __future__ import annotations

import yaml

from buurtwiki.model.schema import DEFAULT_REGISTRY, INITIATIEF_STATUS, REACTIE

from ..helpers import MINIMAL, build, write

SITE = {
    **MINIMAL,
    "wijken/test-wijk/plekken/buurthuis.md": "---\ntitel: Buurthuis\nstatus: open\n---\n",
    "wijken/test-wijk/toekomstagenda/2024/index.md": "---\ntitel: Agenda 2024\nvastgesteld: 2024-03-01\n---\n",
    "wijken/test-wijk/toekomstagenda/2024/groen.md": "---\ntitel: Groen\nstatus: idee\n---\n",
}


def _config(root, files=SITE, **options) -> dict:
    b = build(write(root, files), **options)
    assert not b.problems.errors, b.problems.errors
    return yaml.safe_load(b.outputs.files["admin/config.yml"].data())


def _collection(config, name):
    return next(c for c in config["collections"] if c["name"] == name)


def _field(collection, name):
    return next(f for f in collection["fields"] if f["name"] == name)


def test_every_type_has_a_collection_at_its_contract_folder(tmp_path):
    config = _config(tmp_path)
    names = {c["name"] for c in config["collections"]}
    assert {"organisatie", "fonds", "wijken", "initiatief-test-wijk", "plek-test-wijk", "rol-test-wijk",
            "activiteit-test-wijk", "toekomstagenda-test-wijk", "agendapunt-test-wijk-2024"} <= names
    assert _collection(config, "initiatief-test-wijk")["folder"] == "wijken/test-wijk/initiatieven"
    assert _collection(config, "organisatie")["folder"] == "content/organisaties"
    assert _collection(config, "agendapunt-test-wijk-2024")["folder"] == "wijken/test-wijk/toekomstagenda/2024"
    assert config["locale"] == "nl" and config["publish_mode"] == "editorial_workflow"


def test_fields_follow_the_model_in_contract_order(tmp_path):
    coll = _collection(_config(tmp_path), "initiatief-test-wijk")
    expected = [f.name for f in DEFAULT_REGISTRY["initiatief"].fields if f.name != "type"] + ["body"]
    assert [f["name"] for f in coll["fields"]] == expected
    status = _field(coll, "status")
    assert status["widget"] == "select" and status["required"] is True
    assert status["options"] == [{"label": lbl, "value": v} for v, lbl in INITIATIEF_STATUS.items()]
    assert _field(coll, "samenvatting")["required"] is False
    assert _field(coll, "samenvatting")["hint"] == DEFAULT_REGISTRY["initiatief"].field("samenvatting").help
    plekken = _field(coll, "plekken")
    assert plekken["widget"] == "relation" and plekken["collection"] == "plek-test-wijk"
    assert plekken["value_field"] == "{{slug}}" and plekken["search_fields"] == ["titel"] and plekken["multiple"]
    assert _field(coll, "sinds")["format"] == "YYYY-MM-DD"


def test_lists_of_maps_dates_and_coordinates(tmp_path):
    config = _config(tmp_path)
    item = _collection(config, "agendapunt-test-wijk-2024")
    gericht = _field(item, "gericht_aan")
    assert gericht["widget"] == "list"
    assert [f["name"] for f in gericht["fields"]] == ["organisatie", "verzonden", "reactie", "datum", "toelichting", "bron"]
    assert _field(gericht, "organisatie")["collection"] == "organisatie" and _field(gericht, "organisatie")["required"]
    assert [o["value"] for o in _field(gericht, "reactie")["options"]] == list(REACTIE)
    assert item["filter"]["field"] == "status"  # the edition's index.md is not an agenda item
    start = _field(_collection(config, "activiteit-test-wijk"), "start")
    assert start["format"] == "YYYY-MM-DD HH:mm" and start["required"]
    locatie = _field(_collection(config, "plek-test-wijk"), "locatie")
    assert locatie["widget"] == "list" and locatie["min"] == locatie["max"] == 2
    assert locatie["field"]["widget"] == "number"


def test_resident_text_is_yaml_data_not_syntax(tmp_path):
    hostile = 'Wijk "x"\\n- name: kwaad\n  folder: /etc #'
    files = {**SITE, "wijken/test-wijk/index.md": f"---\ntitel: {yaml.safe_dump(hostile).strip()}\n---\n"}
    b = build(write(tmp_path, files), site_name="</title><script>alert(1)</script>")
    config = yaml.safe_load(b.outputs.files["admin/config.yml"].data())
    wijken = _collection(config, "wijken")
    assert wijken["files"][0]["label"] == hostile
    assert all(c["name"] != "kwaad" for c in config["collections"])
    page = b.outputs.files["admin/index.html"].data().decode()
    assert "<script>alert" not in page and "&lt;/title&gt;" in page


def test_backend_follows_repo_url(tmp_path):
    github = _config(tmp_path, repo_url="https://github.com/buurt/wiki")["backend"]
    assert github == {"name": "github", "repo": "buurt/wiki", "branch": "main", "open_authoring": True,
                      "auth_scope": "public_repo"}
    forgejo = _config(tmp_path, repo_url="https://codeberg.org/buurt/wiki.git")["backend"]
    assert forgejo["name"] == "forgejo" and forgejo["repo"] == "buurt/wiki"
    assert forgejo["api_root"] == "https://codeberg.org/api/v1" and forgejo["open_authoring"]
    local = _config(tmp_path, editor_local_backend="http://127.0.0.1:8099/api/v1")
    assert local["local_backend"] == {"url": "http://127.0.0.1:8099/api/v1"}


def test_editor_off_publishes_no_admin_and_no_cms(tmp_path):
    b = build(write(tmp_path, SITE), editor=False)
    assert not any(p.startswith("admin/") or "decap-cms" in p for p in b.outputs.files)
    on = build(tmp_path)
    assert {"admin/index.html", "admin/config.yml", "admin/preview.js"} <= set(on.outputs.files)
    assert "assets/buurtwiki/vendor/decap-cms/decap-cms.js" in on.outputs.files
    assert not any(p.startswith("admin/") for p in on.outputs.pages)  # never a page: not in nav or search


def test_login_proxy_is_the_backend_base_url(tmp_path):
    backend = _config(tmp_path, repo_url="https://github.com/buurt/wiki", editor_auth_url="https://login.example.org")["backend"]
    assert backend["base_url"] == "https://login.example.org"


def test_forgejo_logs_in_with_the_app_client_id(tmp_path):
    backend = _config(tmp_path, repo_url="https://codeberg.org/buurt/wiki", editor_auth_url="abc-123")["backend"]
    assert backend["app_id"] == "abc-123" and "base_url" not in backend
