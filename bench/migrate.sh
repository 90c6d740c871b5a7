#!/usr/bin/env bash
# Migrate benchmark: liteshift against Flyway on the same N generated migrations, whole process.
# Usage: bench/migrate.sh [--migrations N] [--rounds R]     (default 500 migrations, 3 rounds; see --help)
# Builds what it needs first, so no build is ever timed: the liteshift jar (through the launcher) and Flyway
# (bench/flyway, Maven profile bench). Migrations and databases go to bench/work/ (not committed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v python3 >/dev/null || { echo "migrate.sh: python3 is required." >&2; exit 2; }

if [[ " $* " != *" -h "* && " $* " != *" --help "* ]]; then
  if [[ " $* " != *" --tools flyway "* ]]; then
    "$root/liteshift" --help >/dev/null   # the launcher builds the jar when it is missing or stale
  fi
  fw="$root/bench/flyway/target"
  if [ ! -f "$fw/flyway-migrate.jar" ] || [ ! -f "$fw/flyway.classpath" ] \
      || [ -n "$(find "$root/pom.xml" "$root/bench/flyway/pom.xml" "$root/bench/flyway/src" -newer "$fw/flyway-migrate.jar" -print -quit)" ]; then
    echo "migrate.sh: building Flyway's side (mvn -P bench -pl bench/flyway package)..." >&2
    (cd "$root" && mvn -q -B -P bench -pl bench/flyway package)
  fi
  if [[ " $* " == *" --profile "* ]]; then
    echo "migrate.sh: building bench/jmh/target/benchmarks.jar (mvn -P bench) for the in-process timers..." >&2
    (cd "$root" && mvn -q -B -P bench -DskipTests -pl bench/jmh -am package)
  fi
fi

exec python3 "$root/bench/migrate/run.py" "$@"
