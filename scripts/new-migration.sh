#!/usr/bin/env bash
# `pnpm db:migration <name>`: writes prisma/migrations/NNNN_<name>/migration.sql with the SQL that
# takes the last committed schema.prisma to the one in the working tree. (`prisma migrate dev`
# needs a native engine this network cannot download; `migrate diff` runs on the JS engine.)
# Review the file: hand-written parts (partial indexes, generated columns) are not in the diff.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: pnpm db:migration <name>}"
last=$(ls prisma/migrations | sort | tail -n1)
next=$(printf '%04d' $((10#${last%%_*} + 1)))
dir="prisma/migrations/${next}_${name}"
old=$(mktemp --suffix=.prisma)
git show HEAD:prisma/schema.prisma > "$old"
mkdir -p "$dir"
pnpm exec prisma migrate diff --from-schema-datamodel "$old" --to-schema-datamodel prisma/schema.prisma --script > "$dir/migration.sql"
rm -f "$old"
echo "Wrote $dir/migration.sql"
