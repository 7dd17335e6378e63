# c360 — the two commands are `make run` and `make test`; the rest are their parts.
SHELL := /bin/bash
BIN := bin/c360
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
COMMIT ?= $(shell git rev-parse --short HEAD 2>/dev/null || echo none)
LDFLAGS := -X main.version=$(VERSION) -X main.commit=$(COMMIT)
DEMO_CUSTOMERS ?= 2000

.PHONY: run test build spa deps generate check-generated bench clean

## run: install what is needed, build the SPA and the binary, start on SQLite + Bleve with demo data
run: spa build
	$(BIN) serve --dev --seed-demo $(DEMO_CUSTOMERS) --print-demo-login

## test: Go tests on SQLite and MariaDB, frontend unit tests, browser tests; ends with a summary
test: deps
	scripts/test.sh

## build: the c360 binary (embeds whatever frontend/dist holds)
build:
	go build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/c360

## spa: install npm packages and build the admin app into frontend/dist (no browser needed)
spa:
	C360_SKIP_BROWSER=1 scripts/deps.sh
	scripts/frontend-build.sh

## deps: Go modules and the tools the tests need (Node packages, Chromium, MariaDB)
deps:
	go mod download
	scripts/deps.sh

## generate: regenerate ent, gqlgen and the typed GraphQL client
generate:
	go generate ./...
	cd frontend && npm run codegen

## bench: benchmarks with figures (see docs/benchmarks.md)
bench: build
	scripts/bench.sh

clean:
	rm -rf bin test-output
