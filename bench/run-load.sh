#!/usr/bin/env bash
# Load benchmarks of issue 7: six pages against raw ADO.NET endpoints running the same queries.
# Builds the benchmark build (-p:WaishiBench=true), starts it on 127.0.0.1 against an EXISTING
# database (a city made with `demo --scale`), measures the cold start, signs in the demo users,
# checks that every page shows the rows of its raw endpoint, then alternates wrk runs against each
# page and its raw endpoint at 8 and 32 connections. Prints one table (and writes it as Markdown
# to OUT) with req/s, p50/p99 and the ratio app/raw, the peak memory and the cold start.
# See bench/README.md ("run-load.sh").
#
# Settings (environment): BENCH_DB (sqlite|postgres), BENCH_SQLITE (the .db file), BENCH_PG
# (Npgsql connection string), ROUNDS (3), DURATION (10s), WARMUP (60, the most seconds of warm-up per page), THREADS (2),
# CONNECTIONS ("8 32"), TARGETS (all six), OUT (a Markdown file), PORT, BENCH_PASSWORD,
# BENCH_FILTER (State=Approved&Country=JP), PARTNER_Q (university).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

db_kind=${BENCH_DB:-sqlite}
rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
warmup=${WARMUP:-60}
warmup=${warmup%s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-8 32}
targets=${TARGETS:-trips trips-filtered home case partners api stats}
password=${BENCH_PASSWORD:-waishi-demo-2026}
filter=${BENCH_FILTER:-State=Approved&Country=JP}
partner_q=${PARTNER_Q:-university}
out=${OUT:-}

log() { printf '== %s\n' "$*" >&2; }
die() { echo "run-load: $*" >&2; exit 1; }

command -v wrk >/dev/null || die "wrk is missing: apt-get install wrk"
case "$db_kind" in
  sqlite)
    [ -n "${BENCH_SQLITE:-}" ] && [ -f "$BENCH_SQLITE" ] || die "BENCH_SQLITE must name an existing SQLite file (a city made with demo --scale)"
    db_file=$(cd "$(dirname "$BENCH_SQLITE")" && pwd)/$(basename "$BENCH_SQLITE")
    db_args=("--Database:Path=$db_file")
    sql() { sqlite3 -batch -noheader "$db_file" "$1"; }
    ;;
  postgres)
    [ -n "${BENCH_PG:-}" ] || die "BENCH_PG must be the connection string of an existing database (a city made with demo --scale)"
    db_args=(--Database:Provider=Postgres "--Database:ConnectionString=$BENCH_PG")
    # psql reads the same settings from PG* variables.
    eval "$(python3 - "$BENCH_PG" <<'PY'
import shlex, sys
names = {"host": "PGHOST", "server": "PGHOST", "port": "PGPORT", "username": "PGUSER", "user id": "PGUSER", "userid": "PGUSER",
         "user": "PGUSER", "password": "PGPASSWORD", "database": "PGDATABASE"}
for part in sys.argv[1].split(";"):
    if "=" in part:
        key, value = part.split("=", 1)
        if key.strip().lower() in names:
            print(f"export {names[key.strip().lower()]}={shlex.quote(value.strip())}")
PY
)"
    sql() { psql -X -A -t -q -v ON_ERROR_STOP=1 -c "$1"; }
    ;;
  *) die "BENCH_DB is sqlite or postgres, not $db_kind" ;;
esac
lower() { tr '[:upper:]' '[:lower:]'; }

log "building the benchmark build (Release, -p:WaishiBench=true)"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -p:WaishiBench=true -nologo -v quiet >/dev/null
dll="$root/src/Waishi.Web/bin/Bench/Release/net10.0/Waishi.Web.dll"

work=$(mktemp -d /tmp/waishi-load.XXXXXX)
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"
pid=""
sampler=""
cleanup() {
  [ -n "$sampler" ] && kill "$sampler" 2>/dev/null || true
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log "starting the app on $base ($db_kind)"
start_ns=$(date +%s%N)
(
  cd src/Waishi.Web
  exec dotnet "$dll" --environment Production --urls "$base" "${db_args[@]}" \
    "--DataProtection:KeysPath=$work/keys" --Jobs:Enabled=false --Notifications:DispatcherEnabled=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning
) >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 2400); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "$base/Account/SignIn" 2>/dev/null)" = 200 ] && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; die "the app stopped"; }
  sleep 0.05
done
cold_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/Account/SignIn")" = 200 ] || { cat "$work/app.log" >&2; die "no sign-in page"; }
log "cold start to the first served sign-in page: $cold_ms ms"

# Peak resident memory: sampled VmRSS, and the kernel's high-water mark VmHWM at the end.
(
  peak=0
  while kill -0 "$pid" 2>/dev/null; do
    rss=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || echo 0)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss && echo "$peak" >"$work/rss"
    sleep 0.5
  done
) &
sampler=$!

sign_in() { # user -> cookie header value
  local jar="$work/$1.jar" form token status
  form=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/SignIn")
  token=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
  [ -n "$token" ] || die "no antiforgery token in the sign-in form"
  status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" --data-urlencode "Form.UserName=$1" \
    --data-urlencode "Form.Password=$password" --data-urlencode "__RequestVerificationToken=$token" "$base/Account/SignIn")
  [ "$status" = 302 ] || die "sign-in of $1 answered $status, not a redirect"
  awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar"
}

officer=cqu.officer-exit
fao=cqfao.fao-officer
log "signing in $officer and $fao"
officer_cookie=$(sign_in "$officer")
fao_cookie=$(sign_in "$fao")

log "creating an API token for $officer (Account/Tokens)"
tokens_form=$(curl -fsS -H "Cookie: $officer_cookie" "$base/Account/Tokens")
csrf=$(printf '%s' "$tokens_form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
api_token=$(curl -fsS -H "Cookie: $officer_cookie" --data-urlencode "Form.Name=load benchmark" --data-urlencode "Form.ExpiresInDays=7" \
  --data-urlencode "__RequestVerificationToken=$csrf" "$base/Account/Tokens?handler=Create" \
  | grep -o 'data-testid="token-secret">[^<]*<' | sed 's/.*>\([^<]*\)</\1/')
[ -n "$api_token" ] || die "no API token was created"

q_user="\"UserName\" = '$officer'"
tenant=$(sql "SELECT \"TenantId\" FROM \"AspNetUsers\" WHERE $q_user" | lower)
user=$(sql "SELECT \"Id\" FROM \"AspNetUsers\" WHERE $q_user" | lower)
# The trip case with the longest history of the institution (most timeline entries).
case_id=$(sql "SELECT e.\"CaseId\" FROM \"WorkflowEntry\" e JOIN \"WorkflowCase\" c ON c.\"Id\" = e.\"CaseId\" WHERE c.\"TenantId\" = '$(sql "SELECT \"TenantId\" FROM \"AspNetUsers\" WHERE $q_user")' AND c.\"CaseType\" = 'trip' GROUP BY e.\"CaseId\" ORDER BY COUNT(*) DESC, e.\"CaseId\" LIMIT 1" | lower)
[ -n "$tenant" ] && [ -n "$user" ] && [ -n "$case_id" ] || die "could not read the tenant, user and case ids"
log "tenant $tenant, user $user, case $case_id"

api_filter=$(printf '%s' "$filter" | sed 's/State=/state=/; s/Country=/country=/')
# name | page path | raw path | who | check kind
target_line() {
  case "$1" in
    trips) echo "/Trips|/bench/raw/trips?tenant=$tenant|officer|trips" ;;
    trips-filtered) echo "/Trips?$filter|/bench/raw/trips?tenant=$tenant&$filter|officer|trips" ;;
    home) echo "/|/bench/raw/home?tenant=$tenant&user=$user&figure=1|officer|home" ;;
    case) echo "/Workflow/Case/$case_id|/bench/raw/case/$case_id?tenant=$tenant|officer|case" ;;
    partners) echo "/Partners?Q=$partner_q|/bench/raw/partners?tenant=$tenant&Q=$partner_q|officer|partners" ;;
    api) echo "/api/v1/trips?$api_filter|/bench/raw/api/trips?tenant=$tenant&$api_filter|token|api" ;;
    stats) echo "/Partners/Statistics|/bench/raw/stats|fao|stats" ;;
    *) die "unknown target $1 (trips trips-filtered home case partners api stats)" ;;
  esac
}
auth_header() {
  case "$1" in
    officer) echo "Cookie: $officer_cookie" ;;
    fao) echo "Cookie: $fao_cookie" ;;
    token) echo "Authorization: Bearer $api_token" ;;
  esac
}

log "checking that every page shows the rows of its raw endpoint"
for name in $targets; do
  IFS='|' read -r page raw who kind <<<"$(target_line "$name")"
  header=$(auth_header "$who")
  python3 -c 'import json, sys; print(json.dumps({"name": sys.argv[1], "kind": sys.argv[2], "page": sys.argv[3], "raw": sys.argv[4],
    "headers": dict([sys.argv[5].split(": ", 1)])}))' "$name" "$kind" "$base$page" "$base$raw" "$header"
done | python3 bench/Waishi.Bench.Load/check.py || die "a page and its raw endpoint differ (see above)"

to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'; }
# Five-second runs at 16 connections, for at least 30 s and then until two in a row serve within 5%
# of each other (at most WARMUP seconds): the runtime recompiles hot code with its optimising
# compiler in bursts for tens of seconds under load; a page served 130 req/s in its first five
# seconds, 140 for the next ten and 390 after thirty.
warm() { # url header -> "r1, r2, ... req/s in N s"
  local url=$1 header=$2 rates=() rate prev="" spent=0
  while :; do
    if [ -n "$header" ]; then
      rate=$(wrk -t "$threads" -c 16 -d 5s -H "$header" "$url" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
    else
      rate=$(wrk -t "$threads" -c 16 -d 5s "$url" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
    fi
    rates+=("$rate"); spent=$((spent + 5))
    if [ "$spent" -ge 30 ] && [ -n "$prev" ] && awk -v a="$prev" -v b="$rate" 'BEGIN { d = a - b; if (d < 0) d = -d; m = a > b ? a : b; exit !(d <= 0.05 * m) }'; then
      break
    fi
    [ $((spent + 5)) -le "$warmup" ] || break
    prev=$rate
  done
  local IFS=,
  echo "${rates[*]} req/s in $spent s"
}

measure() { # connections url header -> "rps p50 p99"
  local c=$1 url=$2 header=$3 result
  if [ -n "$header" ]; then
    result=$(wrk -t "$threads" -c "$c" -d "$duration" --latency -H "$header" "$url")
  else
    result=$(wrk -t "$threads" -c "$c" -d "$duration" --latency "$url")
  fi
  if printf '%s' "$result" | grep -q 'Non-2xx'; then
    printf '%s\n' "$result" >&2
    die "non-2xx answers while measuring $url"
  fi
  echo "$(printf '%s\n' "$result" | awk '/^Requests\/sec:/ { printf "%.1f", $2 }') \
$(to_ms "$(printf '%s\n' "$result" | awk '$1 == "50%" { print $2 }')") \
$(to_ms "$(printf '%s\n' "$result" | awk '$1 == "99%" { print $2 }')")"
}

results="$work/results"
: >"$results"
for name in $targets; do
  IFS='|' read -r page raw who kind <<<"$(target_line "$name")"
  header=$(auth_header "$who")
  log "$name: warming up $page: $(warm "$base$page" "$header")"
  log "$name: warming up $raw: $(warm "$base$raw" "")"
  for c in $connections; do
    for round in $(seq 1 "$rounds"); do
      read -r ar ap50 ap99 < <(measure "$c" "$base$page" "$header")
      read -r rr rp50 rp99 < <(measure "$c" "$base$raw" "")
      printf '%s %s %s %s %s %s %s %s %s\n' "$name" "$c" "$round" "$ar" "$ap50" "$ap99" "$rr" "$rp50" "$rp99" >>"$results"
      log "$name c=$c round $round: app $ar req/s (p50 $ap50, p99 $ap99 ms), raw $rr req/s (p50 $rp50, p99 $rp99 ms)"
    done
  done
done

hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid/status")
rss_kb=$(cat "$work/rss" 2>/dev/null || echo 0)
peak_mb=$(( ( (hwm_kb > rss_kb ? hwm_kb : rss_kb) + 1023) / 1024 ))

table=$(awk -v db="$db_kind" '
  { key = $1 " " $2; if (!(key in n)) order[++k] = key; n[key]++; ar[key] += $4; ap50[key] += $5; ap99[key] += $6; rr[key] += $7; rp50[key] += $8; rp99[key] += $9 }
  END {
    print "| target | conn. | app req/s | raw req/s | app/raw | app p50 ms | app p99 ms | raw p50 ms | raw p99 ms |"
    print "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
    for (i = 1; i <= k; i++) {
      key = order[i]; split(key, part, " "); c = n[key]
      printf "| %s | %s | %.0f | %.0f | %.2f | %.1f | %.1f | %.1f | %.1f |\n", part[1], part[2], ar[key] / c, rr[key] / c,
        (rr[key] > 0 ? ar[key] / rr[key] : 0), ap50[key] / c, ap99[key] / c, rp50[key] / c, rp99[key] / c
    }
  }' "$results")
summary="Database: $db_kind; $rounds round(s) of $duration per page and raw endpoint, wrk -t$threads, means of the rounds. Cold start to the first served sign-in page: $cold_ms ms. Peak resident memory of the app: $peak_mb MB."
printf '\n%s\n\n%s\n' "$table" "$summary"
if [ -n "$out" ]; then
  printf '%s\n\n%s\n' "$table" "$summary" >"$out"
  log "written to $out"
fi
