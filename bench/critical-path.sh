#!/usr/bin/env bash
# Generation critical-path benchmark (issue 7): the 12-scene bench job through an emulated provider
# with latency L seconds (default 8) and at most C clips in flight (default 4), against the ideal
# ceil(clips/C)*L + assembly and against sequential dispatch, in one run.
# Usage: bench/critical-path.sh [L] [C]. Also writes target/bench-critical-path.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin/cutline validate >/dev/null
mvn -B -q -Dstyle.color=never -DskipTests test-compile package
CUTLINE_BENCH_KEY=bench-key exec java -Dcutline.console.level=WARN -Dcutline.log.file=target/bench-logs/cutline.log \
  -cp "target/test-classes:target/classes:target/test-lib/*" io.cutline.bench.CriticalPathBenchmark "$@"
