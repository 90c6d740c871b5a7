#!/usr/bin/env bash
# Online rebuild benchmark: `liteshift push` offline and `push --online` on the same table while another process
# writes 500 times a second and another reads. Usage: bench/online.sh [--rows N] [--rate W] [--max-lock-ms M]
# (default 4,000,000 rows; see --help). Needs python3 with its sqlite3 module. Builds the liteshift jar first, so
# the build is never part of a timed run. Data goes to bench/work/ (not committed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v python3 >/dev/null || { echo "online.sh: python3 is required." >&2; exit 2; }
"$root/liteshift" --help >/dev/null
exec python3 "$root/bench/online/run.py" "$@"
