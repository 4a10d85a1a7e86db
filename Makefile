# Two commands for a fresh machine: `make serve` (demo site) and `make test` (all tests).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
export NO_MKDOCS_2_WARNING = 1

PORT ?=
# The demo site is built from a separate git repository replayed from demo/verhaal.yml, so its
# history pages show residents' changes (not this repository's own commits). See demo/maak_demo.py.
DEMO = .demo
DEMO_SOURCES = demo/verhaal.yml demo/maak_demo.py mkdocs.yml $(shell find content wijken)

.PHONY: install demo serve site check test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

$(DEMO)/.gemaakt: $(VENV)/.installed $(DEMO_SOURCES)
	$(BIN)/python demo/maak_demo.py --out $(DEMO)
	touch $@

demo: install $(DEMO)/.gemaakt

serve: demo
	$(BIN)/python demo/serve.py --port "$(PORT)" --mkdocs $(BIN)/mkdocs -- --config-file $(DEMO)/mkdocs.yml

site: demo
	$(BIN)/mkdocs build --config-file $(DEMO)/mkdocs.yml --site-dir $(CURDIR)/site

check: install
	$(BIN)/buurtwiki check .

lint: install
	$(BIN)/ruff check plugins tests bench demo

test: install lint
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/build_bench.py

clean:
	rm -rf site $(DEMO) $(VENV)
