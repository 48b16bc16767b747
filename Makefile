# gonogo developer targets. `make demo` and `make test` are the README's two commands.
SHELL := /bin/bash
VENV  := .venv
PY    := $(VENV)/bin/python
OPA   := .bin/opa
REGAL := .bin/regal
# Collectors find helm and kustomize on PATH; the project's own builds come first.
export PATH := $(CURDIR)/.bin:$(PATH)

.PHONY: setup setup-test demo test test-python test-rego lint bench fuzz clean

setup:
	./scripts/setup

# Everything the tests use for real; the browser only where apt-get can run (root).
setup-test:
	./scripts/setup --with-test-tools $$( [ "$$(id -u)" = 0 ] && echo --with-browser )

demo: setup
	$(VENV)/bin/gonogo check examples/sample-service; status=$$?; \
	  echo "(exit $$status: 0 approved, 1 needs work, 2 error — the sample service is meant to need work)"; \
	  [ $$status -le 1 ]
	$(VENV)/bin/gonogo check examples/ready-service; status=$$?; \
	  echo "(exit $$status — the ready service is approved from evidence and signed sign-offs)"; \
	  [ $$status -eq 0 ]

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(OPA) fmt --list --fail policies
	$(OPA) check --strict policies
	@# input type-checked against the snapshot schema (one bundled document, git-ignored)
	$(PY) -m gonogo.schema_validation --bundle > .snapshot-schema.json
	$(OPA) check --strict -s .snapshot-schema.json policies
	$(REGAL) lint policies

test-rego: setup
	$(OPA) test policies --timeout 60s --coverage --format json > .rego-coverage.json || { $(OPA) test policies --timeout 60s; exit 1; }
	$(OPA) test policies --timeout 60s
	@$(PY) scripts/rego-coverage .rego-coverage.json

test-python: setup-test
	./scripts/pytest

test: lint test-rego test-python

bench: setup
	./scripts/setup --with-bench-tools
	$(PY) bench/run.py

# atheris targets for each parser front door, a fixed number of runs each; not part of CI.
FUZZ_RUNS ?= 20000
fuzz: setup
	$(PY) -m pip install -q atheris
	for target in text_and_json yaml_documents scanner_reports coverage_reports; do \
	  PYTHONPATH=fuzz $(PY) fuzz/run.py $$target $(FUZZ_RUNS) || exit 1; done

clean:
	rm -rf $(VENV) .bin .pytest_cache .ruff_cache .rego-coverage.json .snapshot-schema.json build *.egg-info
