#!/usr/bin/env bash
# The bundled example, end to end, the way a project works: generate a migration from schema.sql, migrate a new
# database, fill it with seed.sql, change the schema to schema-v2.sql, generate the next migration (it rebuilds
# the parent table `customers` while `orders` references it with ON DELETE CASCADE), migrate and verify.
# Checks that every row is still there afterwards and exits non-zero if not.
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

rm -rf "$work"
mkdir -p "$work"

migrations="$work/migrations"
step "1. Write the first migration from examples/shop/schema.sql  (liteshift generate)"
"$liteshift" generate --schema "$here/schema.sql" --dir "$migrations" --name init

step "2. Create $db and apply it  (liteshift migrate --create)"
"$liteshift" migrate --db "$db" --dir "$migrations" --create

step "3. Load the seed rows (examples/shop/seed.sql)"
sql "$here/seed.sql"
before="$(sql "$here/counts.sql")"
echo "$before"

step "4. The schema changes to schema-v2.sql: write the next migration  (liteshift generate)"
"$liteshift" generate --schema "$here/schema-v2.sql" --dir "$migrations" --name v2
echo
echo "Its header, for the reviewer:"
sed -n '/^-- Changes:/,/^$/p' "$migrations"/0002_v2.sql

step "5. Before deploying: what is pending?  (liteshift status: exit 6 while not up to date)"
"$liteshift" status --db "$db" --dir "$migrations" || true

step "6. Deploy: apply the pending migration  (liteshift migrate)"
"$liteshift" migrate --db "$db" --dir "$migrations"

step "7. Every row is still there"
after="$(sql "$here/counts.sql")"
echo "$after"
if [ "$before" != "$after" ]; then
  echo "run.sh: row counts changed by the upgrade: this is a liteshift bug" >&2
  exit 1
fi
sql "$here/check-v2.sql"

step "8. Verify: nothing pending, history intact, schema as migrated, integrity_check, foreign_key_check"
"$liteshift" verify --db "$db" --dir "$migrations"

step "9. Migrating again has nothing to do; generating again writes nothing"
"$liteshift" migrate --db "$db" --dir "$migrations"
"$liteshift" generate --schema "$here/schema-v2.sql" --dir "$migrations"

printf '\nThe example database is at %s, its migrations in %s.\n' "$db" "$migrations"
