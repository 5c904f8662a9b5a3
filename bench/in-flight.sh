#!/usr/bin/env bash
# In-flight scale benchmark (issue 7): 10,000 clips (or the count given) in flight at an emulated
# provider whose tasks take an hour, polled by the real poller route; reports heap (target < 512 MB;
# the JVM runs with -Xmx512m), live threads (target < 200) and coordinator CPU per scene and per poll.
# Usage: bench/in-flight.sh [clips] [steady-seconds] [warm-up clips, submitted first and not counted]. Also writes target/bench-in-flight.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin/cutline validate >/dev/null
mvn -B -q -Dstyle.color=never -DskipTests test-compile package
CUTLINE_BENCH_KEY=bench-key exec java -Xmx512m -Dcutline.console.level=WARN -Dcutline.log.file=target/bench-logs/cutline.log \
  -cp "target/test-classes:target/classes:target/test-lib/*" io.cutline.bench.InFlightBenchmark "$@"
