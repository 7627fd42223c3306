#!/usr/bin/env bash
# Crash loop: start the app, write through it (staff import, approvals, passport check-outs and
# returns), kill -9 it at a random moment, then check the database (PRAGMA integrity_check, every
# acknowledged write present, no transaction half applied, audit chain) and that it starts and serves.
#
#   bench/crash/run.sh                         # 200 iterations on SQLite
#   ITERATIONS=20 SEED=7 bench/crash/run.sh
#   BENCH_DB=postgres ITERATIONS=50 bench/crash/run.sh   # PostgreSQL: PG_ADMIN names a server to create a database on
#
# Settings: ITERATIONS (200), SEED (1), PORT (5391), AUDIT_EVERY (5: `audit verify` after every n-th
# kill and at the end), START_TIMEOUT (300 s), WORK (a new temporary directory), KEEP=1 keeps it, NO_BUILD=1 skips the build.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ITERATIONS="${ITERATIONS:-200}"
SEED="${SEED:-1}"
PORT="${PORT:-5391}"
AUDIT_EVERY="${AUDIT_EVERY:-5}"
BENCH_DB="${BENCH_DB:-sqlite}"
PG_ADMIN="${PG_ADMIN:-Host=127.0.0.1;Port=55432;Username=waishi;Password=waishi;Database=postgres;Pooling=false}"
WORK="${WORK:-$(mktemp -d -t waishi-crash.XXXXXX)}"
URL="http://127.0.0.1:$PORT"
APP_DIR="$ROOT/src/Waishi.Web/bin/Release/net10.0"
TOOL="$ROOT/bench/crash/Waishi.Bench.Crash/bin/Release/net10.0/Waishi.Bench.Crash.dll"

if [[ "${NO_BUILD:-}" != 1 ]]; then
  dotnet build -c Release "$ROOT/src/Waishi.Web" -nologo -v q >/dev/null
  dotnet build -c Release "$ROOT/bench/crash/Waishi.Bench.Crash" -nologo -v q >/dev/null
fi

mkdir -p "$WORK/keys"
JOURNAL="$WORK/journal.tsv"
STATE="$WORK/tokens.json"
LOG="$WORK/app.log"
: >"$JOURNAL"

if [[ "$BENCH_DB" == postgres ]]; then
  DBNAME="waishi_crash_$$"
  psql "$(echo "$PG_ADMIN" | sed -E 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/Pooling=[a-z]+//')" \
    -qc "CREATE DATABASE $DBNAME" >/dev/null
  # The app pools its connections as in production (a test server's "Pooling=false" is dropped).
  CONN="$(echo "$PG_ADMIN" | sed -E "s/Database=[^;]*/Database=$DBNAME/; s/;?Pooling=[a-zA-Z]+//")"
  DB_ARGS=(--Database:Provider=Postgres "--Database:ConnectionString=$CONN")
  TOOL_DB=(--provider postgres --connection "$CONN")
else
  DB="$WORK/crash.db"
  DB_ARGS=("--Database:Path=$DB")
  TOOL_DB=(--provider sqlite --connection "Data Source=$DB")
fi
APP_ARGS=(--urls "$URL" "${DB_ARGS[@]}" "--DataProtection:KeysPath=$WORK/keys" --Security:SignInAttemptsPerMinute=100000
  --Demo:SeedOnEmpty=false --Logging:LogLevel:Default=Warning)

APP_PID=""
cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; fi
  if [[ "$BENCH_DB" == postgres ]]; then
    psql "$(echo "$PG_ADMIN" | sed -E 's/;/ /g; s/Host=/host=/; s/Port=/port=/; s/Username=/user=/; s/Password=/password=/; s/Database=/dbname=/; s/Pooling=[a-z]+//')" \
      -qc "DROP DATABASE IF EXISTS $DBNAME WITH (FORCE)" >/dev/null || true
  fi
  [[ "${KEEP:-}" == 1 ]] || rm -rf "$WORK"
}
trap cleanup EXIT

start_app() {
  (cd "$APP_DIR" && exec dotnet Waishi.Web.dll "${APP_ARGS[@]}" >>"$LOG" 2>&1) &
  APP_PID=$!
  local t0=$SECONDS
  until curl -sf -o /dev/null "$URL/health"; do
    if ! kill -0 "$APP_PID" 2>/dev/null; then echo "the app exited at start; see $LOG" >&2; return 1; fi
    if (( SECONDS - t0 > ${START_TIMEOUT:-300} )); then echo "the app did not serve within ${START_TIMEOUT:-300} s" >&2; return 1; fi
    sleep 0.1
  done
}

audit_verify() {
  (cd "$APP_DIR" && dotnet Waishi.Web.dll audit verify "${DB_ARGS[@]}" --Logging:LogLevel:Default=Warning) >"$WORK/audit.txt" 2>&1
}

echo "seeding the small demo city into $BENCH_DB ($WORK)"
(cd "$APP_DIR" && dotnet Waishi.Web.dll demo --scale small --seed 1 "${DB_ARGS[@]}" --Logging:LogLevel:Default=Warning) >"$WORK/seed.txt"
start_app
dotnet "$TOOL" tokens --url "$URL" --state "$STATE"

RANDOM=$SEED
failures=0; kills=0; start_all=$SECONDS
done_iterations=0
for (( i = 1; i <= ITERATIONS; i++ )); do
  # A file named "stop" in the work directory ends the loop after the current iteration.
  [[ -f "$WORK/stop" ]] && break
  t0=$(date +%s.%N)
  [[ -n "$APP_PID" ]] || start_app
  # The restarted app: every acknowledged write so far present, invariants hold, a signed-in page serves.
  if ! out=$(dotnet "$TOOL" verify "${TOOL_DB[@]}" --journal "$JOURNAL" --url "$URL"); then
    failures=$((failures + 1)); echo "$out"
  fi
  before=$(grep -cv '^try' "$JOURNAL" || true)
  rm -f "$WORK/ready"
  dotnet "$TOOL" write --url "$URL" --state "$STATE" --journal "$JOURNAL" --iteration "$i" --seed "$((SEED * 1000 + i))" \
    "${TOOL_DB[@]}" --ready "$WORK/ready" --max-seconds 120 >"$WORK/write.txt" 2>&1 &
  WRITER=$!
  until [[ -f "$WORK/ready" ]] || ! kill -0 "$WRITER" 2>/dev/null; do sleep 0.05; done
  delay_ms=$(( 200 + RANDOM % 2801 ))
  sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
  kill -9 "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""; kills=$((kills + 1))
  if ! wait "$WRITER"; then failures=$((failures + 1)); echo "writer failed:"; cat "$WORK/write.txt"; fi
  after=$(grep -cv '^try' "$JOURNAL" || true)
  integrity="n/a"
  if [[ "$BENCH_DB" != postgres ]]; then
    integrity=$(sqlite3 "$DB" "PRAGMA integrity_check" | head -1)
    [[ "$integrity" == ok ]] || { failures=$((failures + 1)); echo "integrity_check: $integrity"; }
  fi
  audit="-"
  if (( i % AUDIT_EVERY == 0 )); then
    if audit_verify; then audit=ok; else audit=FAIL; failures=$((failures + 1)); cat "$WORK/audit.txt"; fi
  fi
  printf 'iteration %3d  kill after %4d ms  acknowledged %3d (total %5d)  integrity %s  audit %s  %s  %.1f s\n' \
    "$i" "$delay_ms" "$((after - before))" "$after" "$integrity" "$audit" "${out##*$'\n'}" "$(echo "$(date +%s.%N) - $t0" | bc)"
  done_iterations=$i
done

# After the last kill: start once more and check everything.
start_app
final=$(dotnet "$TOOL" verify "${TOOL_DB[@]}" --journal "$JOURNAL" --url "$URL") || failures=$((failures + 1))
echo "$final"
audit_verify || { failures=$((failures + 1)); cat "$WORK/audit.txt"; }
kill "$APP_PID"; wait "$APP_PID" 2>/dev/null || true; APP_PID=""
acknowledged=$(grep -cv '^try' "$JOURNAL" || true)
verified=$(echo "$final" | sed -nE 's/.*verified ([0-9]+).*/\1/p')
elapsed=$((SECONDS - start_all))
echo "summary: iterations $done_iterations, kills $kills, writes acknowledged $acknowledged, writes verified ${verified:-0}, failures $failures," \
  "$(echo "scale=1; $elapsed / $(( done_iterations > 0 ? done_iterations : 1 ))" | bc) s per iteration ($elapsed s), $BENCH_DB"
echo "by kind: $(grep -v '^try' "$JOURNAL" | cut -f1 | sort | uniq -c | awk '{printf "%s %s  ", $2, $1}')"
(( failures == 0 ))
