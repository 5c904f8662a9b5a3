#!/usr/bin/env bash
# Assembly benchmark (issue 5): a 60 s, 12-scene 1080x1920 video with narration, music and captions,
# against a bare single-pass FFmpeg encode of the same length and resolution, in one run.
# Prints both times, the ratio (target <= 1.3x) and the peak memory of FFmpeg; also in target/bench-assembly.txt.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin/cutline validate >/dev/null
mvn -B -q -Dstyle.color=never -DskipTests test-compile package
exec java -Dcutline.console.level=WARN -Dcutline.tools.log.level=DEBUG -Dcutline.log.file=target/bench-logs/cutline.log \
  -cp "target/test-classes:target/classes:target/test-lib/*" io.cutline.bench.AssemblyBenchmark
