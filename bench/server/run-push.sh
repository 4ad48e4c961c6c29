#!/usr/bin/env bash
# The server's half of a first push (issue 4): one device pushes N new contacts in batches of B
# to an attache-server on loopback; prints records/s and the server's CPU time for the pushes.
#   bench/server/run-push.sh BUILD_DIR sqlite|postgres [--records 10000] [--batch 500]
# postgres needs ATTACHE_TEST_PG_URL (run under scripts/with-postgres).
# PROFILE=/tmp/push.perf records the server with perf during the timed phase.
set -euo pipefail
build=${1:?build dir}; backend=${2:?sqlite or postgres}; shift 2
server="$build/server/attache-server"
bench="$build/bench/server/attache-pushbench"
tmp=$(mktemp -d /tmp/attache-push.XXXXXX)
if [[ $backend == postgres ]]; then
  storage=(--database "${ATTACHE_TEST_PG_URL:?run under scripts/with-postgres}" --schema "push_$RANDOM$RANDOM")
else
  storage=(--data-dir "$tmp/data")
fi
pid=""
cleanup() { [[ -n $pid ]] && kill -INT "$pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
org=$("$server" admin "${storage[@]}" create-org --name "Push bench")
u=$("$server" admin "${storage[@]}" create-user --org "$org" --username push0 \
    --password push-password --full-name "Push 0" --role member)
"$server" admin "${storage[@]}" create-mission --org "$org" --title "Mission" \
    --start 2026-01-01 --end 2026-01-10 --leader "$u" >/dev/null
"$server" "${storage[@]}" --listen 127.0.0.1:0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
for _ in $(seq 100); do grep -q listening "$tmp/out" && break; sleep 0.1; done
port=$(grep -o '[0-9]*$' "$tmp/out")
cpu() { awk '{printf "%.2f", ($14 + $15) / 100}' "/proc/$1/stat"; }
"$bench" --port "$port" "$@" >"$tmp/result" 2>"$tmp/bench.err" &
bpid=$!
until grep -q "setup done" "$tmp/bench.err" 2>/dev/null || ! kill -0 "$bpid" 2>/dev/null; do sleep 0.02; done
c0=$(cpu "$pid")
if [[ -n ${PROFILE:-} ]]; then
  perf record -F 999 ${PERF_CALLGRAPH:--g} -p "$pid" -o "$PROFILE" 2>/dev/null &
  ppid=$!
fi
status=0
wait "$bpid" || status=$?
c1=$(cpu "$pid")
[[ -n ${PROFILE:-} ]] && { kill -INT "$ppid"; wait "$ppid" || true; }
cat "$tmp/bench.err" >&2
cat "$tmp/result"
echo "backend $backend, server CPU for the pushes: $(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.2f", b - a}') s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
