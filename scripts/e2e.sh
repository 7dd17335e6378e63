#!/usr/bin/env bash
# Browser stage of `make test`: builds the binary (with the SPA just built), starts it on a
# fresh SQLite database seeded with demo data, runs the Playwright tests against it in Debian's
# Chromium, stops it. Screenshots go to test-output/e2e/.
set -uo pipefail
TESTSUM=$1 SUMMARY=$2
cd "$(dirname "$0")/.."
PORT=${E2E_PORT:-18080}
DATA=$(mktemp -d)
LOG=test-output/e2e-server.log
mkdir -p test-output/e2e
record_fail() { "$TESTSUM" -stage e2e -file "$SUMMARY" -counts "0 1 0" -rc 1; rm -rf "$DATA"; exit 0; }

go build -o test-output/c360-e2e ./cmd/c360 || record_fail
test-output/c360-e2e seed --data-dir "$DATA" --customers 300 >/dev/null 2>>"$LOG" || { echo "seed failed, see $LOG"; record_fail; }
test-output/c360-e2e serve --data-dir "$DATA" --addr "127.0.0.1:$PORT" --dev >>"$LOG" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DATA"' EXIT
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 $SERVER 2>/dev/null || { echo "server exited, see $LOG"; tail -20 "$LOG"; record_fail; }
  sleep 0.2
done

report=$(mktemp)
(cd frontend && E2E_BASE_URL="http://127.0.0.1:$PORT" PLAYWRIGHT_JSON_OUTPUT_NAME="$report" \
  npx playwright test --config e2e/playwright.config.ts --reporter=list,json)
rc=$?
counts=$(node -e '
  const s = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).stats;
  console.log(`${s.expected + s.flaky} ${s.unexpected} ${s.skipped}`);
' "$report" 2>/dev/null || echo x)
rm -f "$report"
"$TESTSUM" -stage e2e -file "$SUMMARY" -counts "$counts" -rc $rc
