#!/usr/bin/env bash
# Load benchmark of attache-server: 500 devices syncing concurrently on loopback.
#   bench/server/run-load.sh BUILD_DIR sqlite|postgres [driver options, e.g. --ramp-ms 2000]
# postgres needs ATTACHE_TEST_PG_URL (run under scripts/with-postgres).
set -euo pipefail
build=${1:?build dir}; backend=${2:?sqlite or postgres}; shift 2
server="$build/server/attache-server"
driver="$build/bench/server/attache-loaddriver"
users=${USERS:-25}
tmp=$(mktemp -d /tmp/attache-load.XXXXXX)
if [[ $backend == postgres ]]; then
  storage=(--database "${ATTACHE_TEST_PG_URL:?run under scripts/with-postgres}" --schema "load_$RANDOM$RANDOM")
else
  storage=(--data-dir "$tmp/data")
fi
pid=""
cleanup() { [[ -n $pid ]] && kill -INT "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
org=$("$server" admin "${storage[@]}" create-org --name "Load test")
for ((i = 0; i < users; i++)); do
  u=$("$server" admin "${storage[@]}" create-user --org "$org" --username "load$i" \
      --password load-password --full-name "Load $i" --role member)
  "$server" admin "${storage[@]}" create-mission --org "$org" --title "Mission $i" \
      --start 2026-01-01 --end 2026-01-10 --leader "$u" >/dev/null
done
# SERVER_ARGS adds server options (e.g. SERVER_ARGS="--pool 8"); SERVER_WRAPPER profiles the server, e.g. SERVER_WRAPPER="perf record -g -o /tmp/server.perf"; SERVER_ERR=FILE keeps the server's log.
${SERVER_WRAPPER:-} "$server" "${storage[@]}" --listen 127.0.0.1:0 --threads "${THREADS:-64}" ${SERVER_ARGS:-} >"$tmp/out" 2>"${SERVER_ERR:-$tmp/err}" &
pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$tmp/out")
echo "backend $backend, server threads ${THREADS:-64}, $users users"
if [[ -n ${PROFILE:-} ]]; then
  # Profile the server during the timed phase only: PROFILE=/tmp/server.perf
  LOAD_HOLD_MS=1500 "$driver" --port "$port" --users "$users" "$@" 2>"$tmp/driver.err" &
  dpid=$!
  until grep -q "setup done" "$tmp/driver.err" 2>/dev/null; do sleep 0.2; done
  perf record -F 999 -g -p "$pid" -o "$PROFILE" 2>/dev/null &
  ppid=$!
  wait "$dpid" || true
  kill -INT "$ppid"; wait "$ppid" || true
else
  # CPU seconds the server (and PostgreSQL's processes) used during the timed phase: on a shared
  # machine the latencies depend on others' load, the CPU spent per sync much less.
  cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
  pgcpu() {
    local t=0 p
    for p in $(pgrep -u postgres 2>/dev/null); do
      t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
    done
    echo "$t"
  }
  "$driver" --port "$port" --users "$users" "$@" 2>"$tmp/driver.err" &
  dpid=$!
  until grep -q "setup done" "$tmp/driver.err" 2>/dev/null || ! kill -0 "$dpid" 2>/dev/null; do sleep 0.05; done
  # The push writer (one thread: pushes are written one group at a time) is the burst's critical
  # path: its CPU time, and its time runnable but waiting for a core (/proc/…/schedstat).
  writer=$(grep -lx push-writer /proc/"$pid"/task/*/comm 2>/dev/null | head -1 || true)
  writer=${writer%/comm}
  sched() { [[ -n $writer && -r $writer/schedstat ]] && cat "$writer/schedstat" || echo "0 0 0"; }
  read -r w0 q0 _ < <(sched)
  c0=$(cpu "$pid"); p0=$(pgcpu)
  status=0
  wait "$dpid" || status=$?
  c1=$(cpu "$pid"); p1=$(pgcpu)
  read -r w1 q1 _ < <(sched)
  cat "$tmp/driver.err" >&2
  echo "server CPU in the timed phase: $(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.2f", b - a}') s (PostgreSQL processes: $(awk -v a="$p0" -v b="$p1" 'BEGIN {printf "%.2f", (b - a) / 100}') s)"
  if [[ -n $writer ]]; then
    echo "push writer in the timed phase: ran $(((w1 - w0) / 1000000)) ms, waited for a core $(((q1 - q0) / 1000000)) ms"
  fi
  exit "$status"
fi
