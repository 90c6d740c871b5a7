#!/usr/bin/env bash
# The bundled example, end to end: create a shop database from schema.sql, fill it with seed.sql, then
# upgrade it to schema-v2.sql, which rebuilds the parent table `customers` while `orders` references it with
# ON DELETE CASCADE. Checks that every row is still there afterwards and exits non-zero if not.
# Needs only JDK 17+ and Maven. Starts from a fresh database each time: target/shop-example/shop.db.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
work="$root/target/shop-example"
db="$work/shop.db"
liteshift="$root/liteshift"
jar="$root/liteshift-cli/target/liteshift.jar"

if [ -t 1 ]; then bold=$'\033[1m' plain=$'\033[0m'; else bold='' plain=''; fi
step() { printf '\n%s== %s%s\n\n' "$bold" "$*" "$plain"; }
# Runs a .sql file against the database without needing the sqlite3 shell (see Sql.java).
sql() { java --enable-native-access=ALL-UNNAMED -cp "$jar" "$here/Sql.java" "$db" "$1"; }
# push prints the whole plan SQL before its verdict; this keeps the plan's summary and the verdict only.
summary() { grep -E '^(-- liteshift plan|--   |-- rebuilds|note:|destroys:|Applied|Dry run|Nothing to do)' || true; }

rm -rf "$work"
mkdir -p "$work"

step "1. Create $db from examples/shop/schema.sql  (liteshift push --create)"
"$liteshift" push --db "$db" --create --schema "$here/schema.sql" | summary

step "2. Load the seed rows (examples/shop/seed.sql)"
sql "$here/seed.sql"
before="$(sql "$here/counts.sql")"
echo "$before"

step "3. What would change for schema-v2.sql?  (liteshift diff: prints the plan, changes nothing)"
"$liteshift" diff --from "$db" --to "$here/schema-v2.sql"

step "4. Upgrade the database to schema-v2.sql  (liteshift push; the SQL it runs is the plan above)"
"$liteshift" push --db "$db" --schema "$here/schema-v2.sql" | summary

step "5. Every row is still there"
after="$(sql "$here/counts.sql")"
echo "$after"
if [ "$before" != "$after" ]; then
  echo "run.sh: row counts changed by the upgrade: this is a liteshift bug" >&2
  exit 1
fi
sql "$here/check-v2.sql"

step "6. Pushing the same schema again has nothing to do"
"$liteshift" push --db "$db" --schema "$here/schema-v2.sql"

printf '\nThe example database is at %s.\n' "$db"
