#!/usr/bin/env bash
# Builds and runs the sync benchmark (RelWithDebInfo) and prints one JSON line per figure.
#   bench/sync/run.sh [BUILD_DIR] [--push N] [--pull N]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build/bench}
shift || true
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DATTACHE_BUILD_APP=OFF >/dev/null
cmake --build "$build" --target attache-syncbench attache-server -j2
"$build/bench/sync/attache-syncbench" "$@"
