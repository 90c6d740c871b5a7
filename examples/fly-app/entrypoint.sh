#!/bin/sh
# The container's entrypoint: give the volume to the application's user, migrate, then run the application as
# that user. The image starts as root only for the first step (see the Dockerfile).
#
# Every setting is an environment variable, so the script runs outside Docker too (that is how it is tested):
#   DATA_DIR      the volume's mount point (default /data)
#   DATABASE_URL  the database (default file:$DATA_DIR/sqlite.db)
#   APP_USER      the user to run as, a name or a numeric uid (default app); APP_GROUP defaults to it
#   APP_JAR       the application (default /app/app.jar); JAVA the java command; JAVA_OPTS its options
# Started by a non-root user, the script changes no ownership and runs everything as that user.
#
# `entrypoint.sh` migrates, then serves. `entrypoint.sh migrate` only migrates and `entrypoint.sh serve` only
# serves: the two steps of litefs.yml, where only the primary candidate migrates.
set -eu

step="${1:-all}"
case "$step" in
  all|migrate|serve) ;;
  *) echo "usage: entrypoint.sh [migrate|serve]" >&2; exit 2 ;;
esac

DATA_DIR="${DATA_DIR:-/data}"
APP_USER="${APP_USER:-app}"
APP_GROUP="${APP_GROUP:-$APP_USER}"
APP_JAR="${APP_JAR:-/app/app.jar}"
JAVA="${JAVA:-java}"
JAVA_OPTS="${JAVA_OPTS:-}"
DATABASE_URL="${DATABASE_URL:-file:$DATA_DIR/sqlite.db}"
export DATABASE_URL

as_app=""
if [ "$(id -u)" = 0 ]; then
  # A new Fly.io volume is mounted owned by root, so the application's user could not create the database in it
  # ("attempt to write a readonly database"). Files restored or copied in as root (fly ssh sftp) need it too.
  mkdir -p "$DATA_DIR"
  chown -R "$APP_USER:$APP_GROUP" "$DATA_DIR"
  as_app="setpriv --reuid=$APP_USER --regid=$APP_GROUP --clear-groups --"
fi

# Migrating in its own process first means a refused or failing migration stops the boot here, with liteshift's
# message in the logs and the database as it was, before anything serves requests. The same command is the
# migration step of litefs.yml.
if [ "$step" != serve ]; then
  echo "entrypoint: migrating $DATABASE_URL"
  # shellcheck disable=SC2086 # JAVA_OPTS and as_app are word lists
  $as_app "$JAVA" $JAVA_OPTS -jar "$APP_JAR" migrate
  if [ "$step" = migrate ]; then exit 0; fi
fi

# exec: the JVM becomes the container's main process and gets Fly.io's stop signal itself. It does not migrate
# again: that was done above (or, under LiteFS, by the primary candidate; a replica must not write).
export MIGRATE_ON_BOOT=false
# shellcheck disable=SC2086
exec $as_app "$JAVA" $JAVA_OPTS -jar "$APP_JAR" serve
