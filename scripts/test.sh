#!/usr/bin/env bash
# The test command (see README): installs and starts the services the integration tests need, on loopback only,
# then builds every module and runs all tests. Safe to run again: installs are skipped when present.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -f .ci/services.sh ]; then
  bash .ci/services.sh
fi

mvn -B -ntp verify "$@"
