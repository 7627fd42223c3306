#!/usr/bin/env bash
# Measures a signed-in page against /health: builds Release, starts the app on a fresh SQLite
# database with the demo city on a loopback port, signs in a demo user with curl and runs wrk
# against both, alternating, for several rounds. Prints requests/s and p50/p99 latency of each
# round and the ratio page/health. See bench/README.md.
#
# Settings (environment): ROUNDS (3), DURATION (10s), THREADS (2), CONNECTIONS (16),
# BENCH_USER (cqu.tenant-admin), BENCH_PAGE (/), PORT (a free one).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

rounds=${ROUNDS:-3}
duration=${DURATION:-10s}
threads=${THREADS:-2}
connections=${CONNECTIONS:-16}
user=${BENCH_USER:-cqu.tenant-admin}
password=${BENCH_PASSWORD:-waishi-demo-2026}
page=${BENCH_PAGE:-/}

log() { printf '== %s\n' "$*" >&2; }

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    log "installing wrk"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends wrk >/dev/null
  else
    echo "wrk is missing: apt-get install wrk (or run as root)" >&2
    exit 1
  fi
fi

log "building Release"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d /tmp/waishi-bench.XXXXXX)
port=${PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
base="http://127.0.0.1:$port"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

log "starting the app on $base (first start seeds the demo city)"
(
  cd src/Waishi.Web
  exec dotnet bin/Release/net10.0/Waishi.Web.dll --environment Production --urls "$base" \
    "--Database:Path=$work/waishi.db" --Jobs:Enabled=false --Notifications:DispatcherEnabled=false \
    --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning
) >"$work/app.log" 2>&1 &
pid=$!
for _ in $(seq 1 240); do
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "$base/health" >/dev/null || { echo "the app did not answer /health" >&2; cat "$work/app.log" >&2; exit 1; }

log "signing in as $user"
jar="$work/cookies.txt"
form=$(curl -fsS -c "$jar" -b "$jar" "$base/Account/SignIn")
token=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/')
[ -n "$token" ] || { echo "no antiforgery token in the sign-in form" >&2; exit 1; }
status=$(curl -sS -o /dev/null -w '%{http_code}' -c "$jar" -b "$jar" \
  --data-urlencode "Form.UserName=$user" --data-urlencode "Form.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "$base/Account/SignIn")
[ "$status" = 302 ] || { echo "sign-in answered $status, not a redirect" >&2; exit 1; }
# The cookie jar as one request header for wrk (HttpOnly cookies are marked by a prefix).
cookie=$(awk -F '\t' 'NF >= 7 && ($1 !~ /^#/ || $1 ~ /^#HttpOnly_/) { printf "%s%s=%s", sep, $6, $7; sep="; " }' "$jar")
check=$(curl -sS -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base$page")
[ "$check" = 200 ] || { echo "$page answered $check to the signed-in cookie" >&2; exit 1; }

# wrk prints latencies as 812.00us, 3.41ms or 1.02s: convert to milliseconds.
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
measure() { # url, extra wrk args... -> "rps p50 p99"
  local url=$1 out
  shift
  out=$(wrk -t "$threads" -c "$connections" -d "$duration" --latency "$@" "$url")
  if printf '%s' "$out" | grep -q 'Non-2xx'; then
    printf '%s\n' "$out" >&2
    echo "non-2xx answers while measuring $url" >&2
    exit 1
  fi
  local rps p50 p99
  rps=$(printf '%s\n' "$out" | awk '/^Requests\/sec:/ { printf "%.0f", $2 }')
  p50=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "50%" { print $2 }')")
  p99=$(to_ms "$(printf '%s\n' "$out" | awk '$1 == "99%" { print $2 }')")
  echo "$rps $p50 $p99"
}

log "warming up"
# The first requests compile queries and tier up the JIT: warm the page as long as one round.
wrk -t "$threads" -c "$connections" -d "$duration" -H "Cookie: $cookie" "$base$page" >/dev/null
wrk -t 1 -c 4 -d 3s "$base/health" >/dev/null

printf '%-6s %-8s %12s %10s %10s\n' round target "requests/s" "p50 ms" "p99 ms"
page_sum=0; health_sum=0
for round in $(seq 1 "$rounds"); do
  read -r prps pp50 pp99 < <(measure "$base$page" -H "Cookie: $cookie")
  printf '%-6s %-8s %12s %10s %10s\n' "$round" page "$prps" "$pp50" "$pp99"
  read -r hrps hp50 hp99 < <(measure "$base/health")
  printf '%-6s %-8s %12s %10s %10s\n' "$round" health "$hrps" "$hp50" "$hp99"
  page_sum=$((page_sum + prps)); health_sum=$((health_sum + hrps))
done
awk -v p="$page_sum" -v h="$health_sum" -v n="$rounds" -v path="$page" 'BEGIN {
  printf "mean: page %s %.0f req/s, /health %.0f req/s, ratio page/health %.3f\n", path, p / n, h / n, (h > 0 ? p / h : 0) }'
