"""Data files are made when MkDocs writes them (after the workers started), not in on_files."""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig

from buurtwiki.adapters.mkdocs.lazy_files import lazy_file


def test_content_is_made_once_when_the_file_is_written(tmp_path):
    config = MkDocsConfig()
    config.load_dict({"site_name": "Test", "docs_dir": str(tmp_path / "docs"), "site_dir": str(tmp_path / "site")})
    (tmp_path / "docs").mkdir()
    assert config.validate() == ([], [])
    config.plugins._current_plugin = "buurtwiki"  # as during on_files
    made = []

    def produce() -> bytes:
        made.append(1)
        return b'{"plekken": 3}'

    file = lazy_file(config, "data/plekken.json", produce)
    assert made == [] and file.url == "data/plekken.json"
    file.copy_file()
    assert (tmp_path / "site" / "data" / "plekken.json").read_bytes() == b'{"plekken": 3}'
    assert file.content_bytes == b'{"plekken": 3}' and made == [1]  # made once
    file.content_bytes = b"{}"  # a plugin may still replace it
    assert file.content_string == "{}"
