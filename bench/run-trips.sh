#!/usr/bin/env bash
# Measures the trip list (first page and a filtered page) and "Awaiting me" with 100,000 trips in
# the database against raw ADO.NET queries returning the same rows: builds Release, seeds the demo
# city and the trips into a fresh database, starts the app on a loopback port, signs in an approver
# and alternates page and raw query for several rounds. Prints requests/s, p50/p99 latency of each
# and the ratio page/raw. See bench/README.md.
#
# Settings (environment): BENCH_DB (sqlite | postgres), BENCH_PG (server connection string for
# postgres; WAISHI_TEST_PG when unset), TRIPS (100000), AWAITING (1000), STAFF (3000), ROUNDS (3), DURATION (10, seconds), WARMUP (60, most seconds of warm-up),
# CONNECTIONS (16), BENCH_USER (cqu.officer-exit), BENCH_FILTER (State=Approved&Country=JP), PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=${BENCH_DB:-sqlite}
trips=${TRIPS:-100000}
awaiting=${AWAITING:-1000}
user=${BENCH_USER:-cqu.officer-exit}
password=${BENCH_PASSWORD:-waishi-demo-2026}
filter=${BENCH_FILTER:-State=Approved&Country=JP}

log() { printf '== %s\n' "$*" >&2; }

log "building Release"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -nologo -v quiet >/dev/null
dotnet build bench/Waishi.Bench.Trips/Waishi.Bench.Trips.csproj -c Release -nologo -v quiet >/dev/null
web="$(pwd)/src/Waishi.Web/bin/Release/net10.0/Waishi.Web.dll"
tool="$(pwd)/bench/Waishi.Bench.Trips/bin/Release/net10.0/Waishi.Bench.Trips.dll"

work=$(mktemp -d /tmp/waishi-bench.XXXXXX)
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"
pid=""
pg_admin=""
pg_name=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ -n "$pg_name" ]; then
    dotnet "$tool" pg-drop --connection "$pg_admin" --name "$pg_name" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

case "$provider" in
  sqlite)
    connection="Data Source=$work/waishi.db"
    app_db=("--Database:Path=$work/waishi.db")
    ;;
  postgres)
    pg_admin=${BENCH_PG:-${WAISHI_TEST_PG:-}}
    [ -n "$pg_admin" ] || { echo "BENCH_DB=postgres needs BENCH_PG (or WAISHI_TEST_PG): a connection string of a user that may create databases" >&2; exit 2; }
    pg_name="waishi_bench_$$"
    dotnet "$tool" pg-create --connection "$pg_admin" --name "$pg_name"
    # The server's connection string on the new database, with pooling (as the app runs).
    connection="$(printf '%s' "$pg_admin" | tr ';' '\n' | grep -viE '^(Database|Pooling)=|^$' | paste -sd ';');Database=$pg_name"
    app_db=(--Database:Provider=Postgres "--Database:ConnectionString=$connection")
    ;;
  *) echo "BENCH_DB is '$provider': use sqlite or postgres" >&2; exit 2 ;;
esac

log "migrating and seeding the demo city"
(cd src/Waishi.Web && dotnet "$web" demo "${app_db[@]}" --Logging:LogLevel:Default=Warning >"$work/demo.log" 2>&1) \
  || { cat "$work/demo.log" >&2; exit 1; }
log "seeding $trips trips ($awaiting awaiting $user)"
dotnet "$tool" seed --provider "$provider" --connection "$connection" --approver "$user" --trips "$trips" --awaiting "$awaiting" \
  --staff "${STAFF:-3000}"

log "starting the app on $base"
(
  cd src/Waishi.Web
  exec dotnet "$web" --environment Production --urls "$base" "${app_db[@]}" \
    --Jobs:Enabled=false --Notifications:DispatcherEnabled=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning
) >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/health" >/dev/null || { echo "the app did not answer /health" >&2; cat "$work/app.log" >&2; exit 1; }

dotnet "$tool" measure --provider "$provider" --connection "$connection" --base "$base" \
  --user "$user" --password "$password" --filter "$filter" \
  --rounds "${ROUNDS:-3}" --duration "${DURATION:-10}" --warmup "${WARMUP:-60}" --connections "${CONNECTIONS:-16}"
