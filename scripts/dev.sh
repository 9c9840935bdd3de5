#!/usr/bin/env bash
# For developers: the API under `tsx watch` on port 3000 and the Vite dev server (hot reload,
# http://localhost:5173) which proxies /api to it. Ctrl-C stops both.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
cd "$ROOT"

echo "Partner Hub dev: API (tsx watch) on :3000 and Vite on http://localhost:5173 (proxy /api -> :3000)..."
ensure_pnpm
ensure_deps
ensure_prisma_client

if [[ "${PORT:-3000}" != "3000" ]]; then
  echo "warning: the Vite proxy (apps/web/vite.config.ts) targets port 3000, but PORT=${PORT}" >&2
fi
export DATA_DIR="${DATA_DIR:-$ROOT/data}"

# Job control gives each child its own process group, so cleanup can stop pnpm and what it ran.
set -m
pids=()
cleanup() {
  trap - INT TERM EXIT
  for pid in "${pids[@]}"; do kill -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup INT TERM EXIT

pnpm --filter @partner-hub/api dev &
pids+=($!)
pnpm --filter @partner-hub/web dev &
pids+=($!)
# Stop everything as soon as either one exits.
wait -n
