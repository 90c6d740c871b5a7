#!/usr/bin/env bash
# Backup benchmark: `liteshift backup` (quick_check, the default) and `liteshift backup --full-check`
# (integrity_check) against `sqlite3 DB ".backup X"` (a copy only) and against the shell doing the same work
# (.backup, then the same PRAGMA, then sha256sum); whole processes, order reversed every other round, several
# rounds; prints each run, the medians and the ratios.
# Usage: bench/backup.sh [--size-mb N] [--rounds R] [--vacuum] [--pinned-wal]
#   --size-mb N  size of the generated database (default 1000); generated once into bench/work/ (not committed)
#   --rounds R   rounds, each one run of both in alternating order (default 5)
#   --vacuum     also time VACUUM INTO (the alternative to the backup API)
#   --pinned-wal another process holds an old snapshot while a newer commit sits in the WAL, so no checkpoint can
#                move the WAL into the file: liteshift cannot copy the file and falls back to the backup API
#                (only liteshift backup and sqlite3 .backup are timed)
# The launcher ./liteshift builds the jar first (outside the timing).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
size=1000 rounds=5 vacuum=0 pinned=0
while [ $# -gt 0 ]; do
  case "$1" in
    --size-mb) size="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    --vacuum) vacuum=1; shift ;;
    --pinned-wal) pinned=1; shift ;;
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
timed() {   # timed NAME COMMAND...: runs the command with fresh outputs, prints milliseconds
  rm -rf "$work/out-$1" "$work/out-$1.db"
  local name=$1; shift
  local t0; t0=$(ms)
  "$@" >/dev/null 2>&1
  echo $(( ($(ms) - t0) / 1000000 ))
}
shell_checked() {   # the same work as liteshift backup: copy, PRAGMA $1, SHA-256
  sqlite3 "$db" ".backup '$work/out-$2.db'" && sqlite3 "$work/out-$2.db" "PRAGMA $1" && sha256sum "$work/out-$2.db"
}
declare -A label=(
  [ls]="liteshift backup (quick_check)" [sq]="sqlite3 .backup"
  [sqq]="sqlite3 .backup + quick_check + sha256sum"
  [lsf]="liteshift backup --full-check" [sqf]="sqlite3 .backup + integrity_check + sha256sum"
  [vi]="sqlite3 VACUUM INTO")
run() {
  case "$1" in
    ls)  timed ls "$root/liteshift" backup --db "$db" --to "$work/out-ls" ;;
    lsf) timed lsf "$root/liteshift" backup --db "$db" --to "$work/out-lsf" --full-check ;;
    sq)  timed sq sqlite3 "$db" ".backup '$work/out-sq.db'" ;;
    sqq) timed sqq shell_checked quick_check sqq ;;
    sqf) timed sqf shell_checked integrity_check sqf ;;
    vi)  timed vi sqlite3 "$db" "VACUUM INTO '$work/out-vi.db'" ;;
  esac
}
contenders=(ls sq sqq lsf sqf)
[ "$vacuum" = 1 ] && contenders+=(vi)
if [ "$pinned" = 1 ]; then
  contenders=(ls sq)
  # a reader whose snapshot predates the next commit: the frames of that commit stay in the WAL while it lives
  coproc READER { sqlite3 "$db"; }
  echo "BEGIN; SELECT count(*) FROM events WHERE id = 1;" >&"${READER[1]}"
  read -r _ <&"${READER[0]}"
  sqlite3 "$db" "PRAGMA busy_timeout = 5000; INSERT INTO events (user_id, kind, payload, at) VALUES (1, 'pin', x'00', 'now');" >/dev/null
  trap 'kill "$READER_PID" 2>/dev/null; sqlite3 "$db" "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null' EXIT
  echo "pinned: $(stat -c %s "$db-wal") bytes in the WAL that no checkpoint can move" >&2
fi
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

declare -A times
for r in $(seq 1 "$rounds"); do
  order=("${contenders[@]}")
  if [ $((r % 2)) -eq 0 ]; then order=($(printf '%s\n' "${contenders[@]}" | tac)); fi
  line="round $r:"
  for c in "${order[@]}"; do t=$(run "$c"); times[$c]+="$t "; line+=" ${label[$c]} ${t} ms;"; done
  echo "$line" >&2
done
rm -rf "$work"/out-*
declare -A med
for c in "${contenders[@]}"; do med[$c]=$(printf '%s\n' ${times[$c]} | median); done
ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
echo "size ${size} MB, ${rounds} rounds, medians (ms): $(for c in "${contenders[@]}"; do printf '%s %s; ' "${label[$c]}" "${med[$c]}"; done)"
if [ "$pinned" = 1 ]; then
  echo "ratios (WAL pinned, backup API): liteshift backup / sqlite3 .backup = $(ratio "${med[ls]}" "${med[sq]}")x"
  exit 0
fi
echo "ratios: liteshift backup / sqlite3 .backup = $(ratio "${med[ls]}" "${med[sq]}")x;" \
     "liteshift backup / (.backup + quick_check + sha256sum) = $(ratio "${med[ls]}" "${med[sqq]}")x;" \
     "liteshift backup --full-check / (.backup + integrity_check + sha256sum) = $(ratio "${med[lsf]}" "${med[sqf]}")x;" \
     "liteshift backup --full-check / sqlite3 .backup = $(ratio "${med[lsf]}" "${med[sq]}")x"
