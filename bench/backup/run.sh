#!/usr/bin/env bash
# Backup while writes continue: builds Release, makes a fresh database (the demo city plus TRIPS
# trips written by bench/Waishi.Bench.Trips), starts a writer that commits one outbox message per
# transaction, and after a baseline runs the app's `backup` verb (SQLite online backup, or pg_dump
# on PostgreSQL). Prints the backup time and the writer's commit latency before, during and after
# the backup; then checks the backup (integrity_check on SQLite, pg_restore into a new database on
# PostgreSQL, with the restore time). See bench/README.md.
#
# Settings (environment): BENCH_DB (sqlite | postgres), BENCH_PG (server connection string for
# postgres; WAISHI_TEST_PG when unset), TRIPS (100000), STAFF (3000), BASELINE (10, seconds),
# AFTER (5, seconds), PAUSE (5, ms between writes).
set -euo pipefail
cd "$(dirname "$0")/../.."

provider=${BENCH_DB:-sqlite}
trips=${TRIPS:-100000}
log() { printf '== %s\n' "$*" >&2; }

log "building Release"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -nologo -v quiet >/dev/null
dotnet build bench/Waishi.Bench.Trips/Waishi.Bench.Trips.csproj -c Release -nologo -v quiet >/dev/null
dotnet build bench/backup/Waishi.Bench.Backup.csproj -c Release -nologo -v quiet >/dev/null
web="$(pwd)/src/Waishi.Web/bin/Release/net10.0/Waishi.Web.dll"
trips_tool="$(pwd)/bench/Waishi.Bench.Trips/bin/Release/net10.0/Waishi.Bench.Trips.dll"
tool="$(pwd)/bench/backup/bin/Release/net10.0/Waishi.Bench.Backup.dll"

work=$(mktemp -d /tmp/waishi-backup.XXXXXX)
pg_admin=""
pg_names=()
cleanup() {
  for name in "${pg_names[@]}"; do
    dotnet "$trips_tool" pg-drop --connection "$pg_admin" --name "$name" >/dev/null 2>&1 || true
  done
  rm -rf "$work"
}
trap cleanup EXIT

setting() { printf '%s' "$pg_admin" | tr ';' '\n' | grep -i "^$1=" | head -1 | cut -d= -f2- || true; }

case "$provider" in
  sqlite)
    connection="Data Source=$work/waishi.db"
    app_db=("--Database:Path=$work/waishi.db")
    backup_file="$work/backup.db"
    ;;
  postgres)
    pg_admin=${BENCH_PG:-${WAISHI_TEST_PG:-}}
    [ -n "$pg_admin" ] || { echo "BENCH_DB=postgres needs BENCH_PG (or WAISHI_TEST_PG): a connection string of a user that may create databases" >&2; exit 2; }
    pg_name="waishi_bench_$$"
    pg_names+=("$pg_name")
    dotnet "$trips_tool" pg-create --connection "$pg_admin" --name "$pg_name"
    connection="$(printf '%s' "$pg_admin" | tr ';' '\n' | grep -viE '^(Database|Pooling)=|^$' | paste -sd ';');Database=$pg_name"
    app_db=(--Database:Provider=Postgres "--Database:ConnectionString=$connection")
    backup_file="$work/backup.dump"
    ;;
  *) echo "BENCH_DB is '$provider': use sqlite or postgres" >&2; exit 2 ;;
esac

log "migrating and seeding the demo city"
(cd src/Waishi.Web && dotnet "$web" demo "${app_db[@]}" --Logging:LogLevel:Default=Warning >"$work/demo.log" 2>&1) \
  || { cat "$work/demo.log" >&2; exit 1; }
log "seeding $trips trips"
dotnet "$trips_tool" seed --provider "$provider" --connection "$connection" --approver cqu.officer-exit --trips "$trips" \
  --awaiting 100 --staff "${STAFF:-3000}" >/dev/null
if [ "$provider" = sqlite ]; then
  log "database: $(du -h "$work/waishi.db" | cut -f1)"
fi

log "writer running; backup after ${BASELINE:-10} s"
(cd src/Waishi.Web && dotnet "$tool" --provider "$provider" --connection "$connection" \
  --baseline "${BASELINE:-10}" --after "${AFTER:-5}" --pause "${PAUSE:-5}" \
  -- dotnet "$web" backup "$backup_file" "${app_db[@]}" --Logging:LogLevel:Default=Warning)

if [ "$provider" = sqlite ]; then
  printf 'integrity_check of the backup: %s\n' "$(sqlite3 "$backup_file" 'PRAGMA integrity_check;')"
  printf 'trips in the backup: %s\n' "$(sqlite3 "$backup_file" 'SELECT COUNT(*) FROM "Trip";')"
else
  restore_name="waishi_bench_restore_$$"
  pg_names+=("$restore_name")
  dotnet "$trips_tool" pg-create --connection "$pg_admin" --name "$restore_name"
  start=$(date +%s.%N)
  PGPASSWORD="$(setting Password)" pg_restore --no-owner --exit-on-error --host="$(setting Host)" \
    --port="$(setting Port | grep . || echo 5432)" --username="$(setting Username)" --dbname="$restore_name" "$backup_file"
  printf 'pg_restore into a new database: %.2f s\n' "$(echo "$(date +%s.%N) - $start" | bc)"
fi
