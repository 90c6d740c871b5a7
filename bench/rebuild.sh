#!/usr/bin/env bash
# Rebuild benchmark: `liteshift push` versus the sqlite3 CLI running the same 12-step rebuild by hand.
# Usage: bench/rebuild.sh [--rows N] [--rounds R]     (default 4,000,000 rows, 3 rounds; see --help)
# Needs python3 and the sqlite3 CLI (installed with apt-get when run as root). Builds the liteshift jar first,
# so the build is never part of a timed run. Data goes to bench/work/ (not committed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

if ! command -v sqlite3 >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "rebuild.sh: installing the sqlite3 CLI (apt-get install -y sqlite3)..." >&2
    apt-get install -y sqlite3 >/dev/null || { apt-get update >/dev/null && apt-get install -y sqlite3 >/dev/null; }
  else
    echo "rebuild.sh: the sqlite3 command line shell is missing; install it (e.g. apt-get install sqlite3) and run again." >&2
    exit 2
  fi
fi
command -v python3 >/dev/null || { echo "rebuild.sh: python3 is required." >&2; exit 2; }

# The launcher builds the jar when it is missing or stale; do it now, outside the timing.
"$root/liteshift" --help >/dev/null

# --profile and --jdbc also need the in-process timers from the benchmarks jar (bench/jmh).
if [[ " $* " == *" --profile "* || " $* " == *" --jdbc "* ]] && [ ! -f "$root/bench/jmh/target/benchmarks.jar" ]; then
  echo "rebuild.sh: building bench/jmh/target/benchmarks.jar (mvn -P bench)..." >&2
  (cd "$root" && mvn -q -B -P bench -DskipTests -pl bench/jmh -am package)
fi

exec python3 "$root/bench/rebuild/run.py" "$@"
