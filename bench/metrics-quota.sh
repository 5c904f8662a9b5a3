#!/usr/bin/env bash
# Metrics quota benchmark (issue 15): what the feedback loop's metrics collection asks of YouTube,
# TikTok and Instagram at PER_DAY publications a day on each (default 1000), on a simulated clock
# over DAYS days (default 11: the checkpoints' whole horizon, so the last day is the steady state),
# with YouTube's analytics LAG_HOURS late (default 48), against the emulator's metrics endpoints.
# Reports the last day's calls per endpoint, YouTube Data API quota units and samples stored, per day
# and per 1,000 publications a day. Leaves nothing behind (an in-memory ledger); also writes
# target/bench-metrics-quota.txt.
# Usage: bench/metrics-quota.sh [PER_DAY] [DAYS] [LAG_HOURS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mvn -B -q -Dstyle.color=never -DskipTests test-compile package
CUTLINE_TEST_API_KEY=bench-key java -Dcutline.console.level=WARN -Dcutline.log.file=target/bench-logs/cutline.log \
  -cp "target/test-classes:target/classes:target/test-lib/*" io.cutline.bench.MetricsQuotaBenchmark "$@" | tee target/bench-metrics-quota.txt
