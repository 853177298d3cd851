#!/usr/bin/env bash
# Logs never carry credentials: scans the logs of a full test run for the S3 secret keys and access tokens that the
# run used, and fails if any of them appears. Run by .ci/run after the tests and scripts/no-call-home.sh.
#
#   bash scripts/check-logs-for-secrets.sh TEST_OUTPUT [MORE_LOG_FILES...]
#
# Scans TEST_OUTPUT (the Maven output of the test run), every module's target/surefire-reports (the reports hold
# each test class's output, the services' logs included) and the further files named (CI names the ingress and
# worker logs of scripts/no-call-home.sh: the services at their default INFO level, with tokens and S3 on). The secrets are read from where the
# tests define them, so the list cannot go stale: a secret that can no longer be found there fails the check.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-logs-for-secrets: FAILED: $*" >&2; exit 1; }

[ $# -ge 1 ] || fail "usage: $0 TEST_OUTPUT [MORE_LOG_FILES...]"
test_output=$1
shift
[ -s "$test_output" ] || fail "$test_output is missing or empty: run the tests first"
grep -q 'Tests run:' "$test_output" || fail "$test_output is not the output of a test run (no 'Tests run:')"

# secret_from FILE SED_EXPRESSION DESCRIPTION: the one value the expression prints from FILE.
secret_from() {
  local value
  value=$(sed -n "$2" "$1" | head -n 1)
  [ -n "$value" ] || fail "cannot find $3 in $1: update this script with the test"
  [ "${#value}" -ge 8 ] || fail "$3 in $1 is too short to search for reliably"
  printf '%s\n' "$value"
}

# add_secret FILE SED_EXPRESSION DESCRIPTION: a failure to find one stops the check (a failure inside a plain
# command substitution would not, and an empty pattern would then match every line).
secrets=()
add_secret() {
  local value
  value=$(secret_from "$@") || exit 1
  secrets+=("$value")
}
add_secret common/src/test/java/gallery/vision/common/storage/S3ProxyServer.java \
  's/.*SECRET_KEY = "\([^"]*\)";.*/\1/p' "the S3 secret of the S3Proxy-based tests"
add_secret api-ingress/src/test/java/gallery/vision/ingress/access/AccessTokenHttpTest.java \
  's/.* TOKEN = "\([^"]*\)";.*/\1/p' "the access token of the token tests"
add_secret scripts/no-call-home.sh 's/^NCH_S3_SECRET=\(.*\)$/\1/p' "the S3 secret of the no-call-home run"
add_secret scripts/no-call-home.sh 's/^NCH_TOKEN=\(.*\)$/\1/p' "the access token of the no-call-home run"

for extra in "$@"; do
  [ -f "$extra" ] || fail "$extra is not a file"
done
files=("$test_output" "$@")
while IFS= read -r -d '' file; do
  files+=("$file")
done < <(find . -path '*/target/surefire-reports/*' -type f -print0)
reports=$(printf '%s\n' "${files[@]}" | grep -c 'surefire-reports' || true)
[ "$reports" -gt 0 ] || fail "no surefire reports found: run the tests first"

patterns=$(mktemp)
planted=$(mktemp)
trap 'rm -f "$patterns" "$planted"' EXIT
printf '%s\n' "${secrets[@]}" > "$patterns"

# search FILE...: the files that contain any of the secrets (exact, case-sensitive, binary files included); a file
# grep cannot read counts as a finding.
search() {
  local status=0
  grep -lF -f "$patterns" -- "$@" || status=$?
  [ "$status" -le 1 ] || echo "(grep failed with status $status)"
}

# The scan must be able to fail: each secret, planted in a log line, has to be found by the very same search.
for secret in "${secrets[@]}"; do
  printf '12:00:00.000 INFO something logged %s here\n' "$secret" > "$planted"
  [ -n "$(search "$planted")" ] || fail "the search does not find a planted secret"
done

found=$(search "${files[@]}")
if [ -n "$found" ]; then
  echo "check-logs-for-secrets: a secret appears in:" >&2
  echo "$found" >&2
  fail "credentials were logged (search these files for the S3 secret keys and tokens the tests define)"
fi
echo "check-logs-for-secrets: ${#secrets[@]} secrets, ${#files[@]} files ($reports surefire reports): none found"
