#!/usr/bin/env bash
# `make test`: every suite, each stage recorded, one summary line at the end.
#   1. Go tests on SQLite (in-memory databases)
#   2. Go tests on MariaDB/MySQL (a database per test on 127.0.0.1:3306)
#   3. frontend: generated client up to date, type check + build, unit tests (Vitest)
#   4. browser end-to-end tests (Playwright + Debian's Chromium) against a real server
# Stages run even when an earlier one failed, so one run shows everything that is broken.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT="$PWD/test-output"
mkdir -p "$OUT"
SUMMARY="$OUT/summary.tsv"
: > "$SUMMARY"
TESTSUM="$OUT/testsum"
go build -o "$TESTSUM" ./internal/tools/testsum || exit 1
GOFLAGS_TEST=${GOFLAGS_TEST:--count=1 -timeout 20m}

echo "=== Go tests on SQLite"
go test -json $GOFLAGS_TEST ./... 2>&1 | "$TESTSUM" -stage go-sqlite -file "$SUMMARY"

echo "=== Go tests on MariaDB"
if DSN=$(scripts/ensure-mariadb.sh); then
  # The generated-code freshness check does not depend on the database: SQLite covers it.
  C360_TEST_MYSQL_DSN="$DSN" C360_SKIP_GENERATE_CHECK=1 go test -json $GOFLAGS_TEST ./... 2>&1 \
    | "$TESTSUM" -stage go-mariadb -file "$SUMMARY"
else
  echo "MariaDB is not available"
  "$TESTSUM" -stage go-mariadb -file "$SUMMARY" -counts "0 1 0" -rc 1
fi

if [ -f frontend/package.json ]; then
  echo "=== Frontend: install, generated client, build, unit tests"
  scripts/frontend-test.sh "$TESTSUM" "$SUMMARY"
  echo "=== Browser end-to-end tests"
  scripts/e2e.sh "$TESTSUM" "$SUMMARY"
fi

echo
"$TESTSUM" -total -file "$SUMMARY"
