# leeloo-openapi: one install, one set of commands. `make demo` and `make test` work on a fresh clone.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
# the interpreter .venv is built with: PYTHON (make test PYTHON=python3.13); a .venv of another is rebuilt
PYTHON_TAG := $(shell $(PYTHON) -c 'import sys; print(sys.implementation.cache_tag)' 2>/dev/null)
STAMP := $(VENV)/.installed-$(PYTHON_TAG)
SPEC := spec/openapi.yaml
PAGE := spec/source/leeloo-api-v2-2026-01-ru.txt
RESOURCES := spec/mock-resources.yaml
BASE ?= HEAD
FORMAT ?= text
DOCS_OUT ?= reports/docs

.PHONY: help install test demo lint spec-check docs-check clean generate check-generated bench fuzz mock
.PHONY: contract contract-live lock changes sync additive-check lower-bounds drift docs

help: ## list the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 20

# A .venv built with another interpreter than PYTHON is rebuilt. Both projects install editable: the
# client as a plain path entry (mypy follows it), the root through setuptools' import hook, whose
# "Editable installation" notice is silenced (it printed once per install, with a banner).
$(STAMP): pyproject.toml constraints.txt $(wildcard generated_client/pyproject.toml)
	@test -n "$(PYTHON_TAG)" || { echo "make: PYTHON=$(PYTHON) does not run; name a Python 3.11+ interpreter" >&2; exit 2; }
	@if test -x $(PY) && test "$$($(PY) -c 'import sys; print(sys.implementation.cache_tag)')" != "$(PYTHON_TAG)"; then \
	  echo "make: .venv is $$($(PY) -V 2>&1), PYTHON=$(PYTHON) is $$($(PYTHON) -V 2>&1): rebuilding .venv"; \
	  rm -rf $(VENV); fi
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(PY) -m pip install --quiet -c constraints.txt $(if $(wildcard generated_client/pyproject.toml),-e ./generated_client) -e '.[dev]'
	rm -f $(VENV)/.installed*
	touch $@

install: $(STAMP) ## create .venv and install the project with its dev tools

spec-check: install ## validate the spec (openapi-spec-validator; in-document references only), lint it (house rules) and check spec/mock-resources.yaml against it; errors give file, line and reason
	$(PY) -m openapi_document.spec_check $(SPEC)
	$(PY) -m generator.spec_lint $(SPEC)
	$(PY) -m generator.resources_check $(RESOURCES) $(SPEC)

docs-check: install ## compare the spec with the docs page (PAGE=FILE: copied text, a print's text or saved HTML; TRAFFIC=FILE: what a capture showed of each guess)
	$(PY) -m generator.docs_drift $(PAGE) $(SPEC) $(if $(TRAFFIC),--traffic $(TRAFFIC))

docs: install ## the API reference leeloo-mock serves at /__docs, as static files (index.html, openapi.json) in DOCS_OUT (default reports/docs)
	$(PY) -m mock_server.pages --spec $(SPEC) --out $(DOCS_OUT)

changes: install ## what changed for users of the client and the mock: the spec vs BASE (default HEAD), or OLD=a.yaml NEW=b.yaml; FORMAT=json
	$(PY) -m generator.changes $(if $(OLD),$(OLD) $(NEW),--base $(BASE)) --format $(FORMAT)

lint: install ## ruff and mypy --strict on everything we write
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy .
	$(BIN)/mypy --strict --config-file= --python-version 3.11 generated_client/leeloo_client

sync: install ## the one flow when the docs change: drift check -> spec check -> regenerate -> change report, CHANGELOG.md entry and version bump (PAGE=FILE, BASE=REV)
	$(PY) -m generator.sync --page $(PAGE) --base $(BASE)

additive-check: install ## in a scratch clone of HEAD: an additive spec edit, make generate, the whole suite (EDIT=breaking shows what a removal fails)
	$(PY) -m generator.additive_check --edit $(or $(EDIT),additive) $(CHECK_ARGS)

generate: install ## regenerate generated_client/ from the spec (openapi-python-client + our templates)
	$(PY) -m generator.generate

check-generated: install ## fail when generated_client/ differs from a fresh generation (file list + diff)
	$(PY) -m generator.generate --check

TEST_WORKERS ?= auto
# The lint runs beside pytest (the suite waits on servers and sockets more than it computes); its
# output is printed when both are done, and either failing fails the target. Bytecode is cached
# even where the environment says not to (PYTHONDONTWRITEBYTECODE): every server the tests start
# would compile the project again.
test: install ## every check and test (what CI runs): the lint, and pytest on every core (TEST_WORKERS=N, 0 for one process)
	@mkdir -p reports
	@$(MAKE) --no-print-directory lint > reports/lint.log 2>&1 & linting=$$!; \
	PYTHONDONTWRITEBYTECODE= $(BIN)/pytest -n $(TEST_WORKERS) --dist worksteal; tested=$$?; \
	wait $$linting; linted=$$?; \
	echo "--- make lint (run beside pytest) ---"; cat reports/lint.log; \
	if [ $$linted -ne 0 ]; then echo "make test: the lint failed (above)" >&2; fi; \
	exit $$(( tested != 0 || linted != 0 ))

contract: install ## contract tests: spec, client and mock against each other (CONTRACT_EXAMPLES=500 digs deeper); JUnit + summary in reports/
	$(BIN)/pytest contract_tests -m "not live" --junitxml=reports/contract-junit.xml $(CONTRACT_ARGS)

contract-live: install ## read-only GETs against LEELOO_BASE_URL with LEELOO_AUTH_TOKEN, each answer checked (skipped without a token)
	$(BIN)/pytest contract_tests/test_live.py -m live -rs --junitxml=reports/contract-live-junit.xml

drift: install ## where recorded traffic departs from the spec (TRAFFIC=FILE: HAR, NDJSON or the journal; DRIFT_ARGS=--propose x.patch)
	@test -n "$(TRAFFIC)" || { echo "usage: make drift TRAFFIC=FILE [DRIFT_ARGS='--format json --propose drift.patch']"; exit 2; }
	$(BIN)/leeloo-drift $(TRAFFIC) --spec $(SPEC) $(DRIFT_ARGS)

bench: install ## benchmarks: mock vs ceiling app and Prism, scale, client, suite speed (BENCH_ARGS=--help)
	$(PY) -m bench.run $(BENCH_ARGS)

fuzz: install ## schemathesis negative mode against leeloo-mock: 0 server errors (FUZZ_ARGS=--max-examples N)
	$(PY) -m bench.fuzz $(FUZZ_ARGS)

mock: install ## serve the Prism-style mock of the spec on http://127.0.0.1:4010 (MOCK_ARGS=--help)
	$(BIN)/leeloo-mock $(SPEC) $(MOCK_ARGS)

demo: install ## the main job end to end: spec check, docs drift, the mock, the client quickstart against it
	$(PY) examples/demo.py

lock: ## re-resolve every dependency from PyPI in a scratch venv and write the exact versions to constraints.txt
	rm -rf .lock-venv
	$(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet --upgrade pip
	.lock-venv/bin/python -m pip install --quiet -e ./generated_client -e '.[dev]'
	{ echo "# Exact versions of every package make install resolves (pip freeze of a clean install). Regenerate with: make lock"; \
	  .lock-venv/bin/python -m pip freeze --exclude-editable | LC_ALL=C sort -f; } > constraints.txt
	rm -rf .lock-venv

LOWER_BOUNDS := 'uvicorn[standard]==0.30.0' openapi-spec-validator==0.8.4 openapi-schema-validator==0.7.3
lower-bounds: ## the lowest versions pyproject.toml allows of the libraries whose internals we touch, in a scratch venv, against the tests that reach those internals
	rm -rf .lower-bounds-venv
	$(PYTHON) -m venv .lower-bounds-venv
	.lower-bounds-venv/bin/python -m pip install --quiet --upgrade pip
	.lower-bounds-venv/bin/python -m pip install --quiet -e . $(LOWER_BOUNDS) pytest pytest-asyncio hypothesis starlette
	.lower-bounds-venv/bin/python -m pytest -q -p no:cacheprovider -o addopts="" tests/openapi_document/test_spec_check.py tests/openapi_document/test_spec_validation.py tests/mock_server/server tests/hardening/test_socket_level.py
	rm -rf .lower-bounds-venv

clean: ## remove the virtualenv and caches
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis reports
