#!/usr/bin/env bash
# Coverage-guided fuzzing of the JPEG input path (docs/fuzzing.md): runs each fuzz test of common's
# JpegInputFuzzTest in fuzzing mode for FUZZ_SECONDS (default 30: about a minute for both decoders, the CI step).
# A finding fails the run and is written to
# common/src/test/resources/gallery/vision/common/image/JpegInputFuzzTestInputs/<test>/; commit it with the fix
# and a regression test named for the bug. The growing corpus stays in common/.cifuzz-corpus/ (not committed).
# Usage: bash scripts/fuzz.sh [test...]   (tests: jpegJs imageIo; default both)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-30}"
tests=("$@")
[ ${#tests[@]} -gt 0 ] || tests=(jpegJs imageIo)

for test in "${tests[@]}"; do
  echo "fuzz: JpegInputFuzzTest#$test for ${seconds}s"
  # JUnit's own timeout is off while fuzzing (it would cover the whole run); Jazzer turns the
  # testtemplate default into libFuzzer's per-input limit.
  JAZZER_FUZZ=1 mvn -B -ntp -q -pl common test \
    -Dtest="JpegInputFuzzTest#$test" -Dsurefire.failIfNoSpecifiedTests=false \
    -Djazzer.max_duration="${seconds}s" -Djazzer.hooks=true \
    -Djunit.jupiter.execution.timeout.mode=disabled \
    -Djunit.jupiter.execution.timeout.testtemplate.method.default=10s \
    -DargLine="-Xmx1g"
done
