#!/usr/bin/env bash
# Two app instances on one PostgreSQL database behind nginx, on loopback: builds Release, seeds the
# demo city into a fresh database, starts both instances at once (same database, same temporary
# data-protection key directory, recurring jobs on in both) and nginx as an ordinary process with
# bench/nginx/waishi.conf.template, then checks with curl that
#   - a sign-in through instance A is a signed-in session on B;
#   - a form rendered by A (its antiforgery token) is accepted by B;
#   - a file uploaded through A downloads through B, and one uploaded through B through A;
#   - round robin through nginx serves signed-in requests with no error, from both instances;
#   - every recurring job ran its due point once although both schedulers started together.
# Prints what it checked; stops nginx and both instances by pid and drops the database.
#
# Settings (environment): BENCH_PG (connection string of a user that may create databases; the
# development server on 127.0.0.1:55432 by default), ROUNDS (200 round-robin requests),
# BENCH_USER (cqu.officer-global), BENCH_PASSWORD. See bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

pg=${BENCH_PG:-Host=127.0.0.1;Port=55432;Username=waishi;Password=waishi;Database=postgres}
rounds=${ROUNDS:-200}
user=${BENCH_USER:-cqu.officer-global}
password=${BENCH_PASSWORD:-waishi-demo-2026}

log() { printf '== %s\n' "$*" >&2; }
fail() { printf 'FAILED: %s\n' "$*" >&2; exit 1; }
ok() { printf 'ok   %s\n' "$*"; }

need=()
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v psql >/dev/null 2>&1 || need+=(postgresql-client)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    log "installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    fail "missing ${need[*]}: apt-get install ${need[*]} (or run as root)"
  fi
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

# The .NET connection string as psql settings (Host, Port, Username, Password, Database).
pg_get() { printf '%s' "$pg" | tr ';' '\n' | awk -F= -v k="$1" 'tolower($1) == tolower(k) { sub(/^[^=]*=/, ""); print; exit }'; }
export PGTZ=UTC PGHOST=$(pg_get Host) PGPORT=$(pg_get Port) PGUSER=$(pg_get Username) PGPASSWORD=$(pg_get Password)
case "$PGHOST" in 127.*|localhost|::1) ;; *) fail "BENCH_PG must name a loopback server, not $PGHOST" ;; esac
PGPORT=${PGPORT:-5432}
admin_db=$(pg_get Database); admin_db=${admin_db:-postgres}
name="waishi_instances_$$"
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$name"

log "building Release"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -nologo -v quiet >/dev/null
web="$root/src/Waishi.Web/bin/Release/net10.0/Waishi.Web.dll"

work=$(mktemp -d /tmp/waishi-instances.XXXXXX)
chmod 755 "$work" # nginx started as root serves with an unprivileged worker that needs its temp paths
mkdir -p "$work/keys" "$work/nginx"
pids=()
created=""
cleanup() {
  local p
  for p in "${pids[@]}"; do
    kill -TERM "$p" 2>/dev/null || true
  done
  for p in "${pids[@]}"; do
    wait "$p" 2>/dev/null || true
  done
  if [ -n "$created" ]; then
    psql -q -d "$admin_db" -c "DROP DATABASE IF EXISTS \"$name\" WITH (FORCE)" >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port_a=$(free_port); port_b=$(free_port); port_lb=$(free_port); port_pa=$(free_port); port_pb=$(free_port)

log "creating database $name on $PGHOST:$PGPORT and seeding the demo city"
psql -q -d "$admin_db" -c "CREATE DATABASE \"$name\"" >/dev/null
created=1
app_db=(--Database:Provider=Postgres "--Database:ConnectionString=$connection")
(cd src/Waishi.Web && dotnet "$web" demo "${app_db[@]}" --Logging:LogLevel:Default=Warning >"$work/demo.log" 2>&1) \
  || { cat "$work/demo.log" >&2; fail "seeding"; }

start_instance() { # label port; sets started_pid
  (
    cd src/Waishi.Web
    exec dotnet "$web" --environment Production --urls "http://127.0.0.1:$2" "${app_db[@]}" \
      "--DataProtection:KeysPath=$work/keys" --Jobs:Enabled=true --Jobs:TickInterval=00:00:01 \
      --Demo:SeedOnEmpty=false --Notifications:DispatcherEnabled=false \
      --Logging:LogLevel:Default=Warning --Logging:LogLevel:Microsoft.AspNetCore=Warning
  ) >"$work/$1.log" 2>&1 &
  started_pid=$!
  pids+=("$started_pid")
}
wait_for() { # url pid log
  for _ in $(seq 1 240); do
    curl -fsS "$1/health" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; fail "the process behind $1 stopped"; }
    sleep 0.25
  done
  fail "$1 did not answer /health"
}

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
log "starting instances A (:$port_a) and B (:$port_b) together, jobs on in both"
start_instance a "$port_a"; pid_a=$started_pid
start_instance b "$port_b"; pid_b=$started_pid
wait_for "http://127.0.0.1:$port_a" "$pid_a" "$work/a.log"
wait_for "http://127.0.0.1:$port_b" "$pid_b" "$work/b.log"

log "starting nginx on :$port_lb (round robin), :$port_pa (A only), :$port_pb (B only)"
sed -e "s|@PREFIX@|$work/nginx|g" -e "s|@INSTANCE_A@|127.0.0.1:$port_a|g" -e "s|@INSTANCE_B@|127.0.0.1:$port_b|g" \
  -e "s|@PORT_A@|$port_pa|g" -e "s|@PORT_B@|$port_pb|g" -e "s|@PORT@|$port_lb|g" \
  bench/nginx/waishi.conf.template >"$work/nginx/nginx.conf"
"$nginx_bin" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/error.log" &
pid_nginx=$!
pids+=("$pid_nginx")
lb="http://127.0.0.1:$port_lb"; via_a="http://127.0.0.1:$port_pa"; via_b="http://127.0.0.1:$port_pb"
for _ in $(seq 1 40); do
  curl -fsS "$lb/health" >/dev/null 2>&1 && curl -fsS "$via_a/health" >/dev/null 2>&1 && curl -fsS "$via_b/health" >/dev/null 2>&1 && break
  kill -0 "$pid_nginx" 2>/dev/null || { cat "$work/nginx/error.log" >&2; fail "nginx stopped"; }
  sleep 0.25
done

jar="$work/cookies.txt"
c() { curl -sS -b "$jar" -c "$jar" -H 'Accept-Language: en' "$@"; }
token_of() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="\([^"]*\)"/\1/'; }

printf 'Checks (nginx pinned to A: %s, pinned to B: %s, round robin: %s)\n' "$via_a" "$via_b" "$lb"

# 1. Sign in through A.
token=$(c "$via_a/Account/SignIn" | token_of)
status=$(c -o /dev/null -w '%{http_code}' --data-urlencode "Form.UserName=$user" --data-urlencode "Form.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "$via_a/Account/SignIn")
[ "$status" = 302 ] || fail "sign-in through A answered $status"
ok "signed in as $user through A"

# 2. The same cookie on B.
page=$(c -w '\n%{http_code}' "$via_b/Agreements")
[ "$(printf '%s' "$page" | tail -n 1)" = 200 ] && printf '%s' "$page" | grep -q '/Account/SignOut' \
  || fail "B did not take A's sign-in cookie"
ok "B serves /Agreements to the cookie issued by A"

# 3. An agreement to attach files to (JSON API through A, with the cookie).
partner=$(c -f -H 'Content-Type: application/json' \
  -d '{"nameEn":"University of Leeds","countryCode":"GB","type":"University","city":"Leeds","createAnyway":true}' \
  "$via_a/api/v1/partners" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || fail "creating a partner through A"
today=$(date -u +%Y-%m-%d); later=$(date -u -d '+5 years' +%Y-%m-%d)
agreement=$(c -f -H 'Content-Type: application/json' \
  -d "{\"title\":\"Two-instance check\",\"type\":\"StudentExchange\",\"effectiveOn\":\"$today\",\"expiresOn\":\"$later\",\"subjectAreas\":\"0610 Computer science\",\"parties\":[{\"partnerId\":\"$partner\"}]}" \
  "$via_a/api/v1/agreements" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])') || fail "creating an agreement through A"
ok "agreement $agreement created through A"

upload() { # form-from post-to file -> status
  local tok
  tok=$(c "$1/Agreements/Details/$agreement" | token_of)
  [ -n "$tok" ] || fail "no upload form on $1/Agreements/Details/$agreement"
  c -o /dev/null -w '%{http_code}' -F Kind=Other -F "__RequestVerificationToken=$tok" \
    -F "Document=@$3;type=application/pdf;filename=$(basename "$3")" "$2/Agreements/Details/$agreement?handler=Upload"
}
download_check() { # via file: finds the document by its name in the API list, downloads it from the page
  local id
  id=$(c -f "$1/api/v1/agreements/$agreement/documents" | python3 -c '
import json, sys
print(next((d["id"] for d in json.load(sys.stdin) if d["fileName"] == sys.argv[1]), ""))' "$(basename "$2")")
  [ -n "$id" ] || fail "$(basename "$2") is not listed through $1"
  c -f -o "$work/downloaded.pdf" "$1/Agreements/Details/$agreement?handler=Document&documentId=$id"
  cmp -s "$2" "$work/downloaded.pdf" || fail "$(basename "$2") downloaded through $1 differs from what was uploaded"
}
printf '%%PDF-1.7\n%% uploaded through A %s\n%%%%EOF\n' "$$" >"$work/through-a.pdf"
printf '%%PDF-1.7\n%% uploaded through B %s\n%%%%EOF\n' "$$" >"$work/through-b.pdf"
[ "$(upload "$via_a" "$via_a" "$work/through-a.pdf")" = 302 ] || fail "upload through A"
download_check "$via_b" "$work/through-a.pdf"
ok "a file uploaded through A downloads through B, byte for byte"
[ "$(upload "$via_a" "$via_b" "$work/through-b.pdf")" = 302 ] || fail "B refused a form rendered by A"
download_check "$via_a" "$work/through-b.pdf"
ok "a form rendered by A (its antiforgery token) is accepted by B; its file downloads through A"

# 4. Round robin, signed in, no stickiness.
before=$(wc -l <"$work/nginx/access.log")
errors=0
for i in $(seq 1 "$rounds"); do
  case $((i % 3)) in
    0) url="$lb/Agreements/Details/$agreement" ;;
    1) url="$lb/Agreements" ;;
    2) url="$lb/api/v1/agreements/$agreement" ;;
  esac
  s=$(c -o /dev/null -w '%{http_code}' "$url")
  [ "$s" = 200 ] || errors=$((errors + 1))
done
served=$(tail -n +"$((before + 1))" "$work/nginx/access.log" | awk '{ print $NF }' | sort | uniq -c | awk '{ printf "%s%s by %s", sep, $1, $2; sep=", " }')
[ "$errors" = 0 ] || fail "$errors of $rounds round-robin requests were not 200 ($served)"
tail -n +"$((before + 1))" "$work/nginx/access.log" | awk '{ print $NF }' | sort -u | grep -q ":$port_a$" || fail "A served none of the round robin"
tail -n +"$((before + 1))" "$work/nginx/access.log" | awk '{ print $NF }' | sort -u | grep -q ":$port_b$" || fail "B served none of the round robin"
ok "$rounds signed-in requests through round robin, all 200 ($served)"

# 5. Jobs: both schedulers started together; each due point ran once.
sleep 3
printf '\nRecurring jobs (both instances started at %s; the holder names the process that ran the last due point)\n' "$started"
jobs=$(psql -d "$name" -At -F '|' -c "SELECT \"Name\", \"Runs\", to_char(\"LastDueUtc\", 'YYYY-MM-DD\"T\"HH24:MI:SS'), split_part(\"Holder\", '/', 2), coalesce(\"LastError\", '') FROM \"JobLease\" ORDER BY \"Name\"")
[ -n "$jobs" ] || fail "no job ran"
printf '%-34s %5s  %-20s %8s\n' job runs "last due (UTC)" "pid"
bad=0
while IFS='|' read -r job runs due holder error; do
  printf '%-34s %5s  %-20s %8s %s\n' "$job" "$runs" "$due" "$holder" "$error"
  # A fresh database: the first run is the latest due point at start; a due point before the
  # start that ran more than once was run twice.
  if [ "$runs" != 1 ] && [[ "$due" < "${started%Z}" ]]; then bad=$((bad + 1)); fi
done <<<"$jobs"
[ "$bad" = 0 ] || fail "$bad job(s) ran a due point more than once"
by=$(printf '%s\n' "$jobs" | awk -F'|' -v a="$pid_a" -v b="$pid_b" '$4 == a { na++ } $4 == b { nb++ } END { printf "A (pid %s) ran %d, B (pid %s) ran %d", a, na, b, nb }')
ok "every job ran its due point once across both instances: $by"
printf '\nAll checks passed.\n'
