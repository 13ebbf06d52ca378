PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run run-cluster test install dev-install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed pyproject.toml
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

dev-install: $(VENV)/.installed-dev

run: install
	@mkdir -p var
	@DEBUG=1 CHATKIT_PUBLIC_URL=$${CHATKIT_PUBLIC_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py migrate --no-input -v 0
	@DEBUG=1 CHATKIT_PUBLIC_URL=$${CHATKIT_PUBLIC_URL:-http://$(HOST):$(PORT)} $(BIN)/python manage.py demo
	@DEBUG=1 CHATKIT_PUBLIC_URL=$${CHATKIT_PUBLIC_URL:-http://$(HOST):$(PORT)} $(BIN)/daphne \
		--bind $(HOST) --port $(PORT) --websocket-max-message-size 1048576 --websocket-max-frame-size 1048576 \
		chatkit.asgi:application

# Two web processes and two workers on PostgreSQL and Redis behind one port (see README).
run-cluster: install
	@mkdir -p var
	@DEBUG=1 HOST=$(HOST) PORT=$(PORT) $(BIN)/python scripts/run_cluster.py

test: dev-install
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: dev-install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: dev-install
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var/*.sqlite3*
