#!/usr/bin/env bash
# Many-channels benchmark (issue 13): CHANNELS channels (default 40) with five signal sources each and
# an LLM writer whose answers take MODEL_SECONDS (default 5), against the emulator: one poll of every
# source, then one job per channel until every brief and storyboard is written, each phase against
# the bound its configured concurrency allows, in one run.
# Usage: bench/many-channels.sh [CHANNELS] [MODEL_SECONDS] [FEED_SECONDS]. Also writes target/bench-many-channels.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Dstyle.color=never -DskipTests test-compile package
CUTLINE_BENCH_KEY=bench-key exec java -Dcutline.console.level=WARN -Dcutline.log.file=target/bench-logs/cutline.log \
  -cp "target/test-classes:target/classes:target/test-lib/*" io.cutline.bench.ManyChannelsBenchmark "$@"
