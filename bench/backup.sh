#!/usr/bin/env bash
# Backup benchmark: `liteshift backup` against `sqlite3 DB ".backup X"` (a copy only) and against the same copy
# followed by integrity_check and sha256sum (the work liteshift does), whole processes, alternating, several rounds;
# prints each run, the medians and the ratios.
# Usage: bench/backup.sh [--size-mb N] [--rounds R] [--vacuum]
#   --size-mb N  size of the generated database (default 1000); generated once into bench/work/ (not committed)
#   --rounds R   rounds, each one run of both in alternating order (default 5)
#   --vacuum     also time VACUUM INTO (the alternative to the backup API) and integrity_check / sha256sum alone
# The launcher ./liteshift builds the jar first (outside the timing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=1000 rounds=5 vacuum=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) size="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --vacuum) vacuum=1; shift ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "backup.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
command -v sqlite3 >/dev/null || { echo "backup.sh: the sqlite3 shell is required." >&2; exit 2; }
work="$root/bench/work/backup"
mkdir -p "$work"
db="$work/app-${size}mb.db"
"$root/liteshift" --help >/dev/null

if [ ! -f "$db" ]; then
  # ~250 bytes a row with an index on a random text column: pages of a table and of an index, like an application's
  rows=$(( size * 1000000 / 330 ))
  echo "generating $db ($rows rows)..." >&2
  sqlite3 "$db" <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
CREATE TABLE events (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, kind TEXT NOT NULL, payload BLOB NOT NULL, at TEXT NOT NULL);
CREATE INDEX events_user ON events (user_id, at);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $rows)
INSERT INTO events SELECT i, abs(random()) % 100000, 'kind-' || (i % 17), randomblob(200),
       strftime('%Y-%m-%dT%H:%M:%f', 1700000000 + i, 'unixepoch') FROM n;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
fi
echo "database: $db, $(du -m "$db" | cut -f1) MB" >&2
cat "$db" >/dev/null   # warm the page cache: both tools then read from memory

ms() { date +%s%N; }
run_liteshift() {
  rm -rf "$work/out-liteshift"
  local t0; t0=$(ms)
  "$root/liteshift" backup --db "$db" --to "$work/out-liteshift" >/dev/null 2>&1
  echo $(( ($(ms) - t0) / 1000000 ))
}
run_sqlite3() {
  rm -f "$work/out-sqlite3.db"
  local t0; t0=$(ms)
  sqlite3 "$db" ".backup '$work/out-sqlite3.db'"
  echo $(( ($(ms) - t0) / 1000000 ))
}
run_sqlite3_verified() {   # the same work as liteshift backup: copy, integrity_check, SHA-256
  rm -f "$work/out-sqlite3v.db"
  local t0; t0=$(ms)
  sqlite3 "$db" ".backup '$work/out-sqlite3v.db'"
  sqlite3 "$work/out-sqlite3v.db" "PRAGMA integrity_check" >/dev/null
  sha256sum "$work/out-sqlite3v.db" >/dev/null
  echo $(( ($(ms) - t0) / 1000000 ))
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

ls_times=() sq_times=() sv_times=()
for r in $(seq 1 "$rounds"); do
  if [ $((r % 2)) -eq 1 ]; then a=$(run_liteshift); b=$(run_sqlite3); c=$(run_sqlite3_verified)
  else c=$(run_sqlite3_verified); b=$(run_sqlite3); a=$(run_liteshift); fi
  ls_times+=("$a") sq_times+=("$b") sv_times+=("$c")
  echo "round $r: liteshift backup ${a} ms, sqlite3 .backup ${b} ms, sqlite3 .backup + integrity_check + sha256sum ${c} ms" >&2
done
ml=$(printf '%s\n' "${ls_times[@]}" | median)
mq=$(printf '%s\n' "${sq_times[@]}" | median)
mv=$(printf '%s\n' "${sv_times[@]}" | median)
echo "size ${size} MB, ${rounds} rounds, medians: liteshift backup ${ml} ms; sqlite3 .backup ${mq} ms (ratio $(awk "BEGIN {printf \"%.2f\", $ml / $mq}")x);" \
     "sqlite3 .backup + integrity_check + sha256sum ${mv} ms (ratio $(awk "BEGIN {printf \"%.2f\", $ml / $mv}")x)"

if [ "$vacuum" = 1 ]; then
  t0=$(ms); rm -f "$work/out-vacuum.db"; sqlite3 "$db" "VACUUM INTO '$work/out-vacuum.db'"; echo "VACUUM INTO: $(( ($(ms) - t0) / 1000000 )) ms"
  t0=$(ms); sqlite3 "$work/out-sqlite3.db" "PRAGMA integrity_check" >/dev/null; echo "integrity_check of the copy (sqlite3 $(sqlite3 --version | cut -d' ' -f1)): $(( ($(ms) - t0) / 1000000 )) ms"
  t0=$(ms); sha256sum "$work/out-sqlite3.db" >/dev/null; echo "sha256sum of the copy: $(( ($(ms) - t0) / 1000000 )) ms"
fi
rm -rf "$work/out-liteshift" "$work/out-sqlite3.db" "$work/out-sqlite3v.db" "$work/out-vacuum.db"
