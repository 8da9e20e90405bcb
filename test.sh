#!/usr/bin/env bash
# The one test command: installs what is missing, restores, builds and runs every test, and ends with
# a line "N passed, N failed". CI (.ci/run) calls exactly this script.
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# --- Chromium for the end-to-end tests, and a CJK font so screenshots show Chinese names (Debian packages) ---
if ! command -v chromium >/dev/null 2>&1 || [ ! -d /usr/share/fonts/truetype/wqy ]; then
  echo "== installing Chromium"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei >/dev/null
fi

# --- A throw-away PostgreSQL 15 cluster on 127.0.0.1 for the data-layer tests ---
PG_BIN=/usr/lib/postgresql/15/bin
if [ ! -x "$PG_BIN/initdb" ]; then
  echo "== installing PostgreSQL 15"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
PG_DIR=$(mktemp -d /tmp/registry-pg-XXXXXX)
PG_PORT=${REGISTRY_PG_PORT:-55432}
while (exec 3<>/dev/tcp/127.0.0.1/$PG_PORT) 2>/dev/null; do PG_PORT=$((PG_PORT + 1)); done
if [ "$(id -u)" = 0 ]; then
  chown postgres "$PG_DIR"
  pg() { su postgres -c "$*"; }
else
  pg() { bash -c "$*"; }
fi
stop_pg() { pg "$PG_BIN/pg_ctl -D $PG_DIR/data -m fast -w stop" >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap stop_pg EXIT
echo "== starting PostgreSQL on 127.0.0.1:$PG_PORT"
pg "$PG_BIN/initdb -D $PG_DIR/data -A trust -U postgres" >/dev/null || { echo "initdb failed"; exit 1; }
pg "$PG_BIN/pg_ctl -D $PG_DIR/data -l $PG_DIR/log -o \"-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off\" -w start" >/dev/null \
  || { cat "$PG_DIR/log"; echo "PostgreSQL did not start"; exit 1; }
export REGISTRY_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Pooling=true"

# --- Restore, build, test ---
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
echo "== restoring and building"
dotnet tool restore >/dev/null && dotnet restore SpecialistRegistry.sln >/dev/null \
  && dotnet build SpecialistRegistry.sln -c Release --no-restore -v q -nologo \
  || { echo "0 passed, 1 failed"; exit 1; }
# The process-level tests (two nodes, the deployment's settings, backup and restore) run the app as deployed.
export REGISTRY_PUBLISHED_APP="$root/artifacts/publish"
dotnet publish src/SpecialistRegistry -c Release --no-build -o "$REGISTRY_PUBLISHED_APP" -v q -nologo >/dev/null \
  || { echo "0 passed, 1 failed"; exit 1; }

log=$(mktemp)
status=0
for project in tests/*/; do
  ls "$project"*.csproj >/dev/null 2>&1 || continue
  case "$project" in *Benchmarks*) continue ;; esac
  echo "== testing $project"
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=minimal" 2>&1 | tee -a "$log"
  [ "${PIPESTATUS[0]}" = 0 ] || status=1
done

# Sum the "Passed!/Failed!  - Failed: N, Passed: N" summary line of each test project.
read -r passed failed < <(grep -E '^(Passed|Failed)!' "$log" \
  | awk -F'[:,]' '{ f += $2; p += $4 } END { print p + 0, f + 0 }')
rm -f "$log"
[ "$failed" -gt 0 ] && status=1
[ "$passed" -eq 0 ] && status=1
echo "$passed passed, $failed failed"
exit $status
