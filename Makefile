# Two commands for a fresh machine: `make serve` (demo site) and `make test` (all tests).
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
export NO_MKDOCS_2_WARNING = 1

.PHONY: install serve site check test lint bench clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

site: install
	$(BIN)/mkdocs build

check: install
	$(BIN)/buurtwiki check .

lint: install
	$(BIN)/ruff check plugins tests bench

test: install lint
	$(BIN)/mypy plugins/buurtwiki
	$(BIN)/pytest

bench: install
	$(BIN)/python bench/build_bench.py

clean:
	rm -rf site $(VENV)
