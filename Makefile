# The two commands of the README: `make demo` and `make test`. Each creates .venv on first use.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REDIS_URL ?= redis://127.0.0.1:6379/0

.PHONY: demo test lint typecheck check bench eval clean

# Editable: the checkout's modules run as they are (setup.py compiles nothing in place).
$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	BUURTBOT_COMPILE=0 $(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# An installed copy, as users get it: the classifier compiled with mypyc (setup.py).
FAST ?= .venv-fast
FAST_STAMP := $(FAST)/.installed
$(FAST_STAMP): pyproject.toml setup.py $(wildcard rules/*.py rules/packs/*)
	$(PYTHON) -m venv $(FAST)
	$(FAST)/bin/pip install --quiet --upgrade pip
	$(FAST)/bin/pip install --quiet '.[dev]'
	touch $(FAST_STAMP)

demo: $(STAMP)
	$(BIN)/buurtbot demo $(ARGS)

# Real-Redis tests run when a Redis answers on 127.0.0.1:6379 (CI makes sure one does).
test: $(STAMP)
	@if [ -z "$$BUURTBOT_TEST_REDIS_URL" ] && $(BIN)/python -c "import redis,sys; redis.Redis.from_url('$(REDIS_URL)', socket_connect_timeout=1).ping()" 2>/dev/null; then \
		export BUURTBOT_TEST_REDIS_URL=$(REDIS_URL); fi; \
	$(BIN)/python -m pytest -q $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check bot adapters rules || true

typecheck: $(STAMP)
	$(BIN)/mypy

check: lint typecheck test

# The installed (compiled) classifier, and in the same run the checkout's pure Python.
bench: $(FAST_STAMP)
	$(FAST)/bin/python benchmarks/bench_rules.py $(ARGS)

eval: $(STAMP)
	$(BIN)/python benchmarks/eval_rules.py

clean:
	rm -rf $(VENV) $(FAST) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
