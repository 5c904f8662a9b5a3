#!/usr/bin/env bash
# Soak run (issue 7): 50 six-scene jobs (or the count given) across Kling, Luma and fal while the
# emulator answers 10% of submissions with a 429 or 503 and loses 10% of replies after billing them.
# Every job must complete with zero paid duplicates; prints the counts (also target/soak.txt).
# Usage: bench/soak.sh [jobs]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin/cutline validate >/dev/null
mvn -B -q -Dstyle.color=never -Dtest=GenerationSoakTest -Dsurefire.failIfNoSpecifiedTests=false -Dcutline.soak.jobs="${1:-50}" test
cat target/soak.txt
