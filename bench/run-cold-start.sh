#!/usr/bin/env bash
# Cold start on SQLite: process start to the first served sign-in page (HTTP 200 of /Account/SignIn),
# with the compiled EF Core model (the default) against the model built at start-up
# (--Database:CompiledModel=false), alternating, on one demo database made by the first start.
# Measures the Release build and, with PUBLISH=1 (default), a ReadyToRun publish as the README
# describes. Prints every start and, per build, the median and range of each and the gain.
# See bench/README.md ("run-cold-start.sh").
#
# Settings (environment): ROUNDS (5 starts of each), PUBLISH (1: also the ReadyToRun publish), PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
rounds=${ROUNDS:-5}
publish=${PUBLISH:-1}

log() { printf '== %s\n' "$*" >&2; }
die() { echo "run-cold-start: $*" >&2; exit 1; }

work=$(mktemp -d /tmp/waishi-cold.XXXXXX)
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

log "building the web project (Release)"
dotnet build src/Waishi.Web/Waishi.Web.csproj -c Release -nologo -v quiet >/dev/null
builds=("build:$root/src/Waishi.Web/bin/Release/net10.0/Waishi.Web.dll")
if [ "$publish" = 1 ]; then
  log "publishing with ReadyToRun (linux-x64), from a clean intermediate folder"
  # An incremental ReadyToRun publish once copied the packages' plain IL beside a precompiled
  # Waishi.Web.dll, and that mix aborted at start; a clean publish has not.
  rm -rf src/Waishi.Web/obj/Release/net10.0/linux-x64 src/Waishi.Web/bin/Release/net10.0/linux-x64
  dotnet publish src/Waishi.Web/Waishi.Web.csproj -c Release -r linux-x64 -p:PublishReadyToRun=true \
    -o "$work/publish" -nologo -v quiet >/dev/null
  builds+=("readytorun:$work/publish/Waishi.Web.dll")
fi

# Starts the app, waits for the sign-in page, prints the milliseconds, stops the app.
start() {
  local dll=$1; shift
  local t0 code
  t0=$(date +%s%N)
  (
    cd "$(dirname "$dll")"
    exec dotnet "$dll" --environment Production --urls "$base" "--Database:Path=$work/waishi.db" \
      "--DataProtection:KeysPath=$work/keys" --Jobs:Enabled=false --Notifications:DispatcherEnabled=false \
      --Logging:LogLevel:Default=Warning "$@"
  ) >"$work/app.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 6000); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$base/Account/SignIn" 2>/dev/null || true)
    [ "$code" = 200 ] && break
    kill -0 "$pid" 2>/dev/null || { cat "$work/app.log" >&2; die "the app stopped"; }
    sleep 0.01
  done
  [ "$code" = 200 ] || { cat "$work/app.log" >&2; die "no sign-in page"; }
  echo $(( ($(date +%s%N) - t0) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

log "first start: migrating and seeding the demo database"
start "${builds[0]#*:}" >/dev/null
# One start of each build unmeasured, so that every measured start finds the files in the page cache.
for b in "${builds[@]}"; do start "${b#*:}" >/dev/null; done

stats() { sort -n | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, v[1], v[NR] }'; }
summary=()
for b in "${builds[@]}"; do
  name=${b%%:*}; dll=${b#*:}
  compiled=(); built=()
  for r in $(seq 1 "$rounds"); do
    c=$(start "$dll"); m=$(start "$dll" --Database:CompiledModel=false)
    compiled+=("$c"); built+=("$m")
    log "$name round $r: compiled model $c ms, model built at start-up $m ms"
  done
  read -r cm cl ch < <(printf '%s\n' "${compiled[@]}" | stats)
  read -r bm bl bh < <(printf '%s\n' "${built[@]}" | stats)
  summary+=("$(printf '%-11s compiled model: median %5d ms (%d–%d)   built at start-up: median %5d ms (%d–%d)   gain %d ms' \
    "$name" "$cm" "$cl" "$ch" "$bm" "$bl" "$bh" $((bm - cm)))")
done
echo
echo "Cold start to the first served sign-in page, SQLite demo database, $rounds alternating starts each ($(nproc) cores):"
printf '%s\n' "${summary[@]}"
