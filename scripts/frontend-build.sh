#!/usr/bin/env bash
# Builds the SPA into frontend/dist (embedded by the Go binary).
set -euo pipefail
cd "$(dirname "$0")/../frontend"
npm run build
