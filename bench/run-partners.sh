#!/usr/bin/env bash
# Measures the ROR import of a generated 120,000-record dump (wall time, peak memory, records/s, and
# an idempotent re-import) and then the registry search (/Ror?Q=) and the partner list search
# (/Partners?Q=) on that data against raw ADO.NET queries returning the same rows: builds Release,
# migrates a fresh database with the demo city, imports with the app's own ror-import verb, gives two
# tenants partners from the registry, starts the app on a loopback port and alternates page and raw
# query for several rounds, rotating the search strings. Prints requests/s, p50/p99 and the ratio
# page/raw. See bench/README.md.
#
# Settings (environment): BENCH_DB (sqlite | postgres), BENCH_PG (server connection string for
# postgres; WAISHI_TEST_PG when unset), RECORDS (120000), PARTNERS (300, for cqu), LARGE (5000, for
# cqupt), ROUNDS (3), DURATION (10, seconds), WARMUP (60, most seconds of warm-up), CONNECTIONS (16), QUERIES (comma-separated,
# normalised), SKIP_IMPORT_TIMING (1 to skip the re-import), PLAN (1 to print the search's query
# plans), NO_SEARCH_INDEX (1 to measure without the registry's search index), PORT.
set -euo pipefail
cd "$(dirname "$0")/.."

provider=${BENCH_DB:-sqlite}
records=${RECORDS:-120000}
partners=${PARTNERS:-300}
large=${LARGE:-5000}

log() { printf '== %s\n' "$*" >&2; }

[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time): it measures the import's peak memory" >&2; exit 1; }

log "building Release"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -nologo -v quiet >/dev/null
dotnet build bench/Waishi.Bench.Partners/Waishi.Bench.Partners.csproj -c Release -nologo -v quiet >/dev/null
web="$(pwd)/src/Waishi.Web/bin/Release/net10.0/Waishi.Web.dll"
tool="$(pwd)/bench/Waishi.Bench.Partners/bin/Release/net10.0/Waishi.Bench.Partners.dll"

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
    connection="$(printf '%s' "$pg_admin" | tr ';' '\n' | grep -viE '^(Database|Pooling)=|^$' | paste -sd ';');Database=$pg_name"
    app_db=(--Database:Provider=Postgres "--Database:ConnectionString=$connection")
    ;;
  *) echo "BENCH_DB is '$provider': use sqlite or postgres" >&2; exit 2 ;;
esac

log "migrating and seeding the demo city"
(cd src/Waishi.Web && dotnet "$web" demo "${app_db[@]}" --Logging:LogLevel:Default=Warning >"$work/demo.log" 2>&1) \
  || { cat "$work/demo.log" >&2; exit 1; }

if [ "${NO_SEARCH_INDEX:-0}" = 1 ]; then
  dotnet "$tool" drop-search-index --provider "$provider" --connection "$connection"
fi

log "generating a ROR dump of $records records"
dotnet "$tool" generate --out "$work/ror.json" --records "$records"

# Runs the app's ror-import verb under /usr/bin/time and prints wall time, peak memory and records/s.
run_import() { # label
  local label=$1 out="$work/import-$1.log"
  (cd src/Waishi.Web && /usr/bin/time -v dotnet "$web" ror-import "$work/ror.json" "${app_db[@]}" --Logging:LogLevel:Default=Warning) >"$out" 2>&1 \
    || { cat "$out" >&2; exit 1; }
  local wall rss done
  wall=$(awk -F ': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$out")
  rss=$(awk -F ': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$out")
  done=$(grep '^Done:' "$out" || true)
  printf '%-10s wall %7.1f s   peak RSS %5s MiB   %8.0f records/s   %s\n' "$label" "$wall" "$rss" \
    "$(awk -v n="$records" -v s="$wall" 'BEGIN { print (s > 0 ? n / s : 0) }')" "$done"
}
log "importing (fresh registry), then importing the same dump again"
run_import import
if [ "${SKIP_IMPORT_TIMING:-0}" != 1 ]; then
  run_import re-import
fi

log "partners from the registry: $partners for cqu, $large for cqupt"
dotnet "$tool" partners --provider "$provider" --connection "$connection" --tenant CQU --count "$partners"
dotnet "$tool" partners --provider "$provider" --connection "$connection" --tenant CQUPT --count "$large"

if [ "${PLAN:-0}" = 1 ]; then
  log "plans of the registry search's raw statements"
  dotnet "$tool" plan --provider "$provider" --connection "$connection" ${QUERIES:+--queries "$QUERIES"}
fi

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

extra=()
[ -n "${QUERIES:-}" ] && extra=(--queries "$QUERIES")
dotnet "$tool" measure --provider "$provider" --connection "$connection" --base "$base" \
  --targets "ror=cqu.officer-global,partners=cqu.officer-global,partners=cqupt.officer-global" \
  --rounds "${ROUNDS:-3}" --duration "${DURATION:-10}" --warmup "${WARMUP:-60}" --connections "${CONNECTIONS:-16}" "${extra[@]}"
