#!/usr/bin/env bash
# The one test command (`npm test`, `pnpm test`, `bash scripts/test.sh`, and CI via .ci/run).
# Prepares the machine (pnpm, dependencies, Prisma client, Chromium, PostgreSQL), then runs every
# tier in order and stops at the first failing step. The last line is `N passed, N failed`.
#
#   TEST_POSTGRES_URL   admin URL of a PostgreSQL server to use instead of the local cluster
#   TEST_KEEP_GOING=1   run the remaining steps after a failure (to see everything at once)
set -uo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib/prepare.sh"
cd "$ROOT"

echo "Partner Hub tests: lint, typecheck, unit, integration (PGlite, PostgreSQL), web build, e2e (Chromium)..."

is_root() { [[ "$(id -u)" == "0" ]]; }
apt_install() {
  is_root || return 1
  say "Installing $* (apt-get)"
  if [[ -z "${APT_UPDATED:-}" ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1
    APT_UPDATED=1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

ensure_chromium() {
  export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  [[ -x "$CHROMIUM_PATH" ]] && return 0
  apt_install chromium && [[ -x "$CHROMIUM_PATH" ]] && return 0
  echo "Chromium not found at $CHROMIUM_PATH (as root: apt-get install -y chromium)" >&2
  return 1
}

pg_ready() { pg_isready -q -d "$1" 2>/dev/null || psql "$1" -Atqc 'SELECT 1' >/dev/null 2>&1; }

ensure_postgres() {
  if [[ -n "${TEST_POSTGRES_URL:-}" ]]; then
    pg_ready "$TEST_POSTGRES_URL" && return 0
    echo "TEST_POSTGRES_URL is set but the server does not answer" >&2
    return 1
  fi
  export TEST_POSTGRES_URL="postgresql://postgres:postgres@localhost:5432/postgres"
  if ! command -v pg_lsclusters >/dev/null 2>&1; then
    apt_install postgresql || { echo "PostgreSQL is not installed (as root: apt-get install -y postgresql)" >&2; return 1; }
  fi
  local cluster version name status
  cluster="$(pg_lsclusters --no-header 2>/dev/null | head -n1)"
  if [[ -z "$cluster" ]]; then
    echo "No PostgreSQL cluster exists (as root: pg_createcluster <version> main)" >&2
    return 1
  fi
  read -r version name _port status _ <<<"$cluster"
  if [[ "$status" != online* ]]; then
    say "Starting PostgreSQL $version/$name"
    if is_root; then pg_ctlcluster "$version" "$name" start; else
      echo "PostgreSQL $version/$name is stopped; start it as root: pg_ctlcluster $version $name start" >&2
      return 1
    fi
  fi
  for _ in $(seq 1 30); do pg_isready -q -h localhost && break; sleep 1; done
  if ! psql "$TEST_POSTGRES_URL" -Atqc 'SELECT 1' >/dev/null 2>&1; then
    if is_root; then
      runuser -u postgres -- psql -q -c "ALTER USER postgres PASSWORD 'postgres'" >/dev/null
    fi
    psql "$TEST_POSTGRES_URL" -Atqc 'SELECT 1' >/dev/null 2>&1 || {
      echo "Cannot connect to $TEST_POSTGRES_URL (set the postgres password or TEST_POSTGRES_URL)" >&2
      return 1
    }
  fi
}

passed=0
failed=0
skipped=()
failed_steps=()
stop=""

# step <name> <timeout> <command...>: banner, run under a time limit, count the outcome.
step() {
  local name="$1" limit="$2"
  shift 2
  if [[ -n "$stop" ]]; then
    skipped+=("$name")
    return
  fi
  printf '\n\033[1;34m======== %s ========\033[0m\n' "$name"
  local started=$SECONDS rc=0
  timeout --foreground --kill-after=30s "$limit" "$@" || rc=$?
  local took=$((SECONDS - started))
  if [[ $rc -eq 0 ]]; then
    passed=$((passed + 1))
    printf '\033[1;32m======== PASSED: %s (%ss) ========\033[0m\n' "$name" "$took"
  else
    failed=$((failed + 1))
    failed_steps+=("$name")
    [[ $rc -eq 124 ]] && echo "(timed out after $limit)"
    printf '\033[1;31m======== FAILED: %s (exit %s, %ss) ========\033[0m\n' "$name" "$rc" "$took"
    [[ "${TEST_KEEP_GOING:-}" == "1" ]] || stop=1
  fi
}

summary() {
  echo
  ((${#failed_steps[@]})) && echo "Failed: ${failed_steps[*]}"
  ((${#skipped[@]})) && echo "Not run after the failure: ${skipped[*]}"
  echo "${passed} passed, ${failed} failed"
}

# Preparation runs in this shell (it exports CHROMIUM_PATH and TEST_POSTGRES_URL); a failure
# here counts as one failed step.
printf '\n\033[1;34m======== prepare: pnpm, dependencies, Prisma client, Chromium, PostgreSQL ========\033[0m\n'
if ! { ensure_pnpm && ensure_deps && ensure_prisma_client && ensure_chromium && ensure_postgres; }; then
  printf '\033[1;31m======== FAILED: prepare ========\033[0m\n'
  failed=1
  failed_steps+=("prepare")
  summary
  exit 1
fi

# Time limits keep a hung step from eating the whole CI budget (90 min on 2 cores).
step "lint" 10m pnpm lint
step "typecheck" 10m pnpm typecheck
step "unit tests" 10m pnpm test:unit
step "integration tests on PGlite" 20m env TEST_DATABASE=pglite pnpm test:integration
step "integration tests on PostgreSQL" 20m env TEST_DATABASE=postgres TEST_POSTGRES_URL="$TEST_POSTGRES_URL" pnpm test:integration
# Always rebuilt here: e2e must test the sources as they are, not a stale dist.
step "web build" 10m pnpm --filter @partner-hub/web build
step "e2e tests (Playwright, Chromium)" 25m pnpm test:e2e

summary
[[ $failed -eq 0 ]]
