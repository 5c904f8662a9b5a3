#!/usr/bin/env bash
# Upload heap benchmark (issue 14): one video of GIB gibibytes (default 2) published to YouTube,
# TikTok and Instagram by the real publishers with the shipped chunk sizes, against the provider
# emulator in a process of its own, from a JVM limited to HEAP (default 64m) of heap: finishing shows
# the upload fits in it; the report gives per platform the time, the throughput, the most heap seen in
# use and the most left in use after a collection. The sparse video file is deleted at the end.
# Also writes target/bench-upload-heap.txt.
# Usage: bench/upload-heap.sh [GIB] [HEAP]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
GIB=${1:-2}
HEAP=${2:-64m}
mvn -B -q -Dstyle.color=never -DskipTests package

free_port() {
  local port=$((20000 + RANDOM % 20000))
  while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
  echo "$port"
}
PORT=$(free_port)
KEY=bench-key-$RANDOM$RANDOM
mkdir -p target/bench-logs
CUTLINE_JAVA_OPTS="-Xmx1g" bin/cutline emulator --port "$PORT" --key "$KEY" --seed 1 >target/bench-logs/upload-emulator.log 2>&1 &
EMULATOR_PID=$!
trap 'kill "$EMULATOR_PID" 2>/dev/null || true; wait 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$EMULATOR_PID" 2>/dev/null || { echo "upload-heap: the emulator did not start; see target/bench-logs/upload-emulator.log" >&2; exit 1; }
  sleep 0.1
done
CUTLINE_TEST_API_KEY=$KEY java "-Xmx$HEAP" -Dcutline.console.level=WARN -Dcutline.log.file=target/bench-logs/cutline.log \
  -cp "target/test-classes:target/classes:target/test-lib/*" io.cutline.bench.UploadHeapBenchmark "http://127.0.0.1:$PORT" "$GIB" \
  | tee target/bench-upload-heap.txt
