# Koers: the two commands of the README are `make run` and `make test`.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
export PYTHONHASHSEED := 0
export TF_CPP_MIN_LOG_LEVEL := 2
# Deterministic TensorFlow kernels: with the seeds in the configs, retraining gives the same model.
export TF_DETERMINISTIC_OPS := 1
# Rasa sends no usage data (telemetry) unless the operator sets RASA_TELEMETRY_ENABLED=true.
export RASA_TELEMETRY_ENABLED ?= false

.PHONY: help install install-dev run test test-service test-replica fuzz check lint typecheck imports validate train unit e2e bench bench-replicas simulate clean browser-deps

help:
	@echo "make run    - installeren, database bijwerken, trainen (indien nodig) en alles starten"
	@echo "make test   - installeren, controles, trainen (gecached) en alle tests draaien"
	@echo "make test-replica - 2x Rasa, acties en service achter HAProxy (PostgreSQL, Redis, kill -9)"
	@echo "make bench  - latency-benchmark (bench/turn_latency.py)"
	@echo "make bench-replicas - idem, plus 1 tegen 2 replica's achter HAProxy (PostgreSQL, Redis)"
	@echo "make fuzz   - fuzzing van alle ingangen (10.000 berichten, schemathesis, atheris)"
	@echo "make simulate - 10.000 gesimuleerde gesprekken met de intake (results/simulation.md)"

install:
	@scripts/bootstrap.sh

install-dev:
	@scripts/bootstrap.sh dev

run: install
	@$(BIN)/koers run

train: install
	@$(BIN)/koers train

validate: install-dev
	$(BIN)/rasa data validate --domain domain --data data --config config.yml --fail-on-warnings
	$(BIN)/rasa data validate --domain domain --data data --config config.spacy.yml --fail-on-warnings

lint: install-dev
	$(BIN)/ruff check .

typecheck: install-dev
	$(BIN)/mypy assistant actions

# The layers of the README (contracts in pyproject.toml, [tool.importlinter]).
imports: install-dev
	$(BIN)/lint-imports

check: validate lint typecheck imports

# axe-core for the accessibility checks of the browser tests (npm; no browser is downloaded).
browser-deps:
	@test -f tests/browser/node_modules/axe-core/axe.min.js || (cd tests/browser && npm ci --no-audit --no-fund)

test: install-dev check train browser-deps
	$(BIN)/python -m pytest -ra --durations=15
	$(MAKE) --no-print-directory test-service

# The service's own environment (aiohttp >= 3.13.3, no Rasa): the gateway and the shared domain
# packages are tested there too; the e2e tests of `make test` already run the service from it.
SERVICE_TESTS := tests/gateway tests/channels tests/handoff tests/documents tests/privacy tests/policy \
	tests/intake tests/scale tests/learning tests/fuzz tests/foundation/test_service_env.py
test-service: install-dev
	.venv-service/bin/python -m pytest -q -m "not e2e and not browser and not slow and not rasa" $(SERVICE_TESTS)

# Issue 12, item 2: two Rasa servers, two action servers and two Koers services behind HAProxy
# on a throwaway PostgreSQL and Redis; 200 conversations with kill -9 of a Rasa server and a
# Koers service, and a takeover across replicas. Part of `make test` too (marker e2e + replica).
test-replica: install-dev train
	$(BIN)/python -m pytest -q -s -m replica tests/scale/test_replica_stack.py

# The simulator's full run (issue 9): 10,000 parser-only conversations and their report in
# results/ (exit code 1 on any violation). The suite (tests/simulate) runs 2,000 of them.
simulate: install-dev
	$(BIN)/koers simulate --n 10000 --seed 20261202 --report results/simulation.md

# Fuzzing at length (issue 10, item 10): 10,000 hostile chat messages and as many webhook updates,
# schemathesis with 1,250 cases per operation, then atheris on the parser, machine and redaction.
FUZZ_SECONDS ?= 120
fuzz: install-dev
	KOERS_FUZZ_EXAMPLES=1250 .venv-service/bin/python -m pytest -q tests/fuzz
	.venv-service/bin/python scripts/fuzz_atheris.py -max_total_time=$(FUZZ_SECONDS)

bench: install-dev train
	$(BIN)/python bench/turn_latency.py

bench-replicas: install-dev train
	$(BIN)/python bench/turn_latency.py --replicas 2

clean:
	rm -rf $(VENV) .venv-service models .rasa var/log
