#!/usr/bin/env bash
# The one start command (`npm start`, `pnpm start` or `bash scripts/start.sh`): installs what is
# missing, builds the web app if its sources changed, then runs the API, which migrates, seeds the
# demo on first start of the embedded database (or with SEED_DEMO=true), serves the SPA and prints
# the URL and the demo sign-ins — or, on an empty PostgreSQL database, how to create the first
# administrator with `pnpm admin:create`.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
cd "$ROOT"

echo "Partner Hub: preparing (dependencies, Prisma client, web build) and starting on port ${PORT:-3000}..."
ensure_pnpm
ensure_deps
ensure_prisma_client
ensure_web_build

say "Starting the API (NODE_ENV=production)"
export NODE_ENV=production
# A capped heap makes V8 collect before resident memory balloons during a 20,000-row import
# (measured in apps/api/bench/results/import.md); the live data of one import fits well within.
export NODE_OPTIONS="${NODE_OPTIONS:---max-old-space-size=256}"
# Resolve the embedded database folder here so it does not depend on the process's cwd.
export DATA_DIR="${DATA_DIR:-$ROOT/data}"
export WEB_DIST_DIR="${WEB_DIST_DIR:-$ROOT/apps/web/dist}"
exec "$ROOT/node_modules/.bin/tsx" "$ROOT/apps/api/src/server.ts"
