#!/usr/bin/env bash
# Frontend stage of `make test`: the generated GraphQL client matches the schema, the app type
# checks and builds, and the Vitest unit tests pass. Records its counts with testsum.
set -uo pipefail
TESTSUM=$1 SUMMARY=$2
cd "$(dirname "$0")/../frontend"
fail=0
npm run codegen:check || { echo "generated GraphQL client is stale: run 'make generate'"; fail=1; }
npm run build || fail=1
report=$(mktemp)
npx vitest run --reporter=default --reporter=json --outputFile="$report"
rc=$?
counts=$(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`${r.numPassedTests} ${r.numFailedTests} ${r.numPendingTests + (r.numTodoTests || 0)}`);
' "$report" 2>/dev/null || echo "x")
rm -f "$report"
read -r p f s <<<"$counts"
if [ "$fail" -ne 0 ]; then f=$(( ${f:-0} + 1 )); fi
"$TESTSUM" -stage frontend -file "$SUMMARY" -counts "${p:-x} ${f:-1} ${s:-0}" -rc $rc
