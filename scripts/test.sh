#!/usr/bin/env bash
# Runs every test project: the integration suite on SQLite and again on a throwaway PostgreSQL
# server on a loopback port, then the browser journeys in Chromium. Installs Debian's chromium,
# postgresql and nginx (the two-instance test puts it in front of the app) when they are missing
# and the script runs as root. Ends with one line:
# "N passed, N failed" (", N skipped" when any were skipped).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

log() { printf '== %s\n' "$*" >&2; }

# --- what the tests need ---------------------------------------------------------------------
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || need+=(nginx)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    log "missing ${need[*]}: install them (apt-get install ${need[*]}) or run as root"
  fi
fi

# --- a throwaway PostgreSQL on loopback ------------------------------------------------------
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
pgdir=$(mktemp -d /tmp/waishi-pg.XXXXXX)
pgport=""
stop_pg() {
  if [ -n "$pgport" ]; then
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  rm -rf "$pgdir"
}
trap stop_pg EXIT
as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [ -n "$pgbin" ]; then
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir "$pgdir" postgres
    chown postgres "$pgdir"
  fi
  printf 'waishi\n' > "$pgdir/pw" && chmod 644 "$pgdir/pw"
  if as_pg "$pgbin/initdb" -D "$pgdir/data" -U waishi --pwfile="$pgdir/pw" -A scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1; then
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      port=$((20000 + RANDOM % 30000))
      if as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w -t 30 \
          -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
          start >/dev/null 2>&1; then
        pgport=$port
        break
      fi
    done
  else
    cat "$pgdir/initdb.log" >&2
  fi
fi
if [ -n "$pgport" ]; then
  log "PostgreSQL on 127.0.0.1:$pgport"
  export WAISHI_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=waishi;Password=waishi;Database=postgres;Pooling=false"
else
  log "PostgreSQL could not be started: the PostgreSQL run will fail"
fi

# --- build once, then run ----------------------------------------------------------------------
log "building"
if ! dotnet build Waishi.slnx -c Release -nologo -v quiet >"$results/build.log" 2>&1; then
  cat "$results/build.log" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

run() { # name, project, extra env...
  local name=$1 project=$2
  shift 2
  log "tests: $name"
  env "$@" dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" \
    --results-directory "$results" 2>&1 | grep -vE '^\s*$' >&2
}

run sqlite tests/Waishi.Tests/Waishi.Tests.csproj WAISHI_TEST_PROVIDER=sqlite
run postgres tests/Waishi.Tests/Waishi.Tests.csproj WAISHI_TEST_PROVIDER=postgres
if [ -d tests/Waishi.BrowserTests ]; then
  run browser tests/Waishi.BrowserTests/Waishi.BrowserTests.csproj WAISHI_TEST_PROVIDER=sqlite
fi

# --- one line of totals --------------------------------------------------------------------------
passed=0; failed=0; skipped=0
for name in sqlite postgres browser; do
  [ -d tests/Waishi.BrowserTests ] || [ "$name" != browser ] || continue
  trx="$results/$name.trx"
  if [ ! -f "$trx" ]; then
    log "$name: no results (the run crashed or did not start)"
    failed=$((failed + 1))
    continue
  fi
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  get() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  total=$(get total); p=$(get passed); f=$(get failed); e=$(get error); t=$(get timeout)
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0} + ${e:-0} + ${t:-0}))
  skipped=$((skipped + ${total:-0} - ${p:-0} - ${f:-0} - ${e:-0} - ${t:-0}))
done
line="$passed passed, $failed failed"
[ "$skipped" -gt 0 ] && line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
