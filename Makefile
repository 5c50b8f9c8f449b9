# The two commands a newcomer runs: `make demo` and `make test` (see README.md).
# Both set up everything they need on a machine with Python 3.11, Node 20, make and git.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
# Re-install when setup.py changes.
CORE_STAMP := $(VENV)/.core-$(shell cksum setup.py | cut -d' ' -f1)
TEST_STAMP := $(VENV)/.test-$(shell cksum setup.py | cut -d' ' -f1)
PORT ?= 6006

.PHONY: demo test screenshots bench lint bundle bundle-check chromium clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(CORE_STAMP): | $(PY)
	$(PIP) install -q -e .
	touch $@

$(TEST_STAMP): | $(PY)
	$(PIP) install -q -e ".[dev]"
	touch $@

# TensorBoard serves on localhost only, as it does by default; HOST=0.0.0.0 opens it
# to the network (README: remote machines).
HOST ?= localhost
demo: $(CORE_STAMP)
	@echo "Opening TensorBoard on demo_logs: http://$(HOST):$(PORT)/#tbviz"
	$(VENV)/bin/tensorboard --logdir demo_logs --port $(PORT) --host $(HOST)

# Debian's chromium for the browser tests (Playwright's own download is not used).
chromium:
	@command -v chromium >/dev/null 2>&1 || (apt-get update && apt-get install -y chromium)

# Rebuild the committed frontend bundle from a clean `npm ci`.
bundle:
	cd frontend && npm ci --no-audit --no-fund && npm run build

# CI fails when the committed bundle differs from a fresh build; then the
# frontend's own unit tests and type check.
bundle-check:
	cd frontend && sh check_bundle.sh && npm test && npm run typecheck

test: $(TEST_STAMP) chromium bundle-check
	$(PY) -m pytest tests -q

# Refreshes docs/screenshots/ from the browser tests (the tests alone write build/screenshots/).
screenshots: $(TEST_STAMP) chromium
	TBVIZ_SCREENSHOTS=$(CURDIR)/docs/screenshots $(PY) -m pytest tests/browser -q

bench: $(TEST_STAMP)
	$(PY) bench/run_all.py

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check tbviz_plugin tests bench
	$(VENV)/bin/ruff format --check tbviz_plugin tests bench

clean:
	rm -rf $(VENV) frontend/node_modules
