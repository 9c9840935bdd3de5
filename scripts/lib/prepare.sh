# Sourced by start.sh, dev.sh and test.sh: the steps every entry point needs before it can run
# anything. Each step is cheap when there is nothing to do (content stamps, not timestamps), so
# `npm start` on a ready checkout goes straight to the server.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
PNPM_VERSION="12.4.2"
# @playwright/test must never try to download browsers: there is no network for it here and we
# use Debian's /usr/bin/chromium instead.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

hash_of() { # hash_of <file|dir>... : one sha256 over the contents of the given files/trees
  # Missing paths (an optional public/ folder) are simply not part of the hash.
  { find "$@" -type f -not -path '*/node_modules/*' -print0 2>/dev/null || true; } | LC_ALL=C sort -z |
    xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1
}

ensure_pnpm() {
  if command -v pnpm >/dev/null 2>&1; then return; fi
  say "Installing pnpm@${PNPM_VERSION} (npm i -g)"
  if ! npm i -g "pnpm@${PNPM_VERSION}" >/dev/null 2>&1; then
    # No write access to the global prefix (not root): install into the user's home instead.
    local prefix="${HOME}/.local/share/partner-hub-pnpm"
    npm i -g --prefix "$prefix" "pnpm@${PNPM_VERSION}" >/dev/null
    export PATH="$prefix/bin:$PATH"
  fi
  command -v pnpm >/dev/null 2>&1 || { echo "pnpm could not be installed" >&2; exit 1; }
}

ensure_deps() {
  local stamp="$ROOT/node_modules/.partner-hub-install" want
  want="$(hash_of "$ROOT/pnpm-lock.yaml" "$ROOT/pnpm-workspace.yaml" "$ROOT/package.json" \
    "$ROOT"/apps/*/package.json "$ROOT"/packages/*/package.json "$ROOT/e2e/package.json")"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return; fi
  say "Installing dependencies (pnpm install --frozen-lockfile)"
  # NODE_ENV=production would make pnpm skip devDependencies (tsx, vite, prisma) that we need.
  (cd "$ROOT" && env -u NODE_ENV pnpm install --frozen-lockfile --config.confirmModulesPurge=false)
  echo "$want" >"$stamp"
}

ensure_prisma_client() {
  local out="$ROOT/apps/api/src/generated/prisma" want
  want="$(hash_of "$ROOT/prisma/schema.prisma" "$ROOT/pnpm-lock.yaml")"
  if [[ -f "$out/client.ts" && -f "$out/.schema-hash" && "$(cat "$out/.schema-hash")" == "$want" ]]; then return; fi
  say "Generating the Prisma client (prisma generate)"
  (cd "$ROOT" && pnpm exec prisma generate >/dev/null)
  echo "$want" >"$out/.schema-hash"
}

# Rebuilds apps/web/dist only when its inputs changed. Always building would cost ~10 s on every
# start; hashing the sources costs well under a second and is exact (content, not mtimes).
ensure_web_build() {
  local dist="$ROOT/apps/web/dist" want
  want="$(hash_of "$ROOT/apps/web/src" "$ROOT/apps/web/public" "$ROOT/apps/web/index.html" \
    "$ROOT"/apps/web/*.ts "$ROOT"/apps/web/*.json "$ROOT/packages/shared/src" "$ROOT/pnpm-lock.yaml")"
  if [[ "${1:-}" != "--force" && -f "$dist/index.html" && -f "$dist/.build-hash" &&
    "$(cat "$dist/.build-hash")" == "$want" ]]; then return; fi
  say "Building the web app (vite build)"
  (cd "$ROOT" && pnpm --filter @partner-hub/web build)
  echo "$want" >"$dist/.build-hash"
}
