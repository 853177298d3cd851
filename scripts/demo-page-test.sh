#!/usr/bin/env bash
# Browser test of the demo page (DEMO_PAGE=true): starts the built ingress jar on a free loopback port with the page
# on and an access token required, and has Debian's chromium, headless and driven by playwright-core
# (tools/demo-page-test), open /, get the 401 without a token, paste the token, upload a photo and check that every
# face (box, 68 landmarks, age, gender, top expression) and the objects the service answered are drawn where they
# belong; then drop a second photo (similarity list) and a text file (the service's JSON error shown).
#
# The photo: the seed's sample-2.jpg (6 faces) when ../shared is there, else face-api's demo sample5.jpg that the
# build fetched. Screenshots and the service's log go to api-ingress/target/demo-page/.
#
# Needs the jar (mvn -B -q -DskipTests package; CI runs this after the test command, which builds it) and root or
# sudo to install chromium from Debian when it is missing. Stops the ingress it started, by its PID.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/api-ingress/target/demo-page
JAR=api-ingress/target/api-ingress.jar

log() { echo "demo-page-test: $*"; }
fail() { echo "demo-page-test: FAILED: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

started=$(date +%s)
[ -f "$JAR" ] || fail "$JAR not found: build first (mvn -B -q -DskipTests package)"
if ! command -v chromium >/dev/null 2>&1; then
  log "installing chromium from Debian"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium
fi
(cd tools/demo-page-test && npm ci --no-audit --no-fund --loglevel=error)

if [ -f ../shared/fixtures/seed/sample-2.jpg ]; then
  photo=$(realpath ../shared/fixtures/seed/sample-2.jpg)
  expect_faces=6
else
  photo=$(find . -path '*/target/face-api/package/demo/sample5.jpg' 2>/dev/null | sort | head -n 1)
  expect_faces=
  [ -n "$photo" ] || fail "no photo: neither ../shared/fixtures/seed/sample-2.jpg nor face-api's demo sample5.jpg (build first)"
  photo=$(realpath "$photo")
fi
second=$(find . -path '*/target/face-api/package/demo/sample1.jpg' 2>/dev/null | sort | head -n 1)
[ -n "$second" ] || fail "face-api's demo sample1.jpg not found under */target: build first"
second=$(realpath "$second")

rm -rf "$OUT"
mkdir -p "$OUT"
data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
# A token for this run only; the service never logs it.
token=demo-page-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
pid=

cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait 2>/dev/null || true
  rm -rf "$data"
}
trap cleanup EXIT

log "starting the ingress on 127.0.0.1:$port with DEMO_PAGE=true ($(basename "$photo"), then $(basename "$second"))"
DEMO_PAGE=true API_TOKENS=$token PORT=$port BIND_ADDRESS=127.0.0.1 DATA_DIR=$data \
  java -Xmx1g -XX:+UseSerialGC -jar "$JAR" > "$OUT/ingress.log" 2>&1 &
pid=$!

status=0
BASE_URL=http://127.0.0.1:$port SERVICE_PID=$pid TOKEN=$token PHOTO=$photo SECOND_PHOTO=$second \
  EXPECT_FACES=$expect_faces OUT_DIR=$OUT node tools/demo-page-test/demo-page.test.js || status=$?
if [ "$status" -ne 0 ]; then
  echo "---- last lines of $OUT/ingress.log"
  tail -n 20 "$OUT/ingress.log"
  fail "see above; screenshots (if any) in $OUT"
fi
log "passed in $(( $(date +%s) - started )) s; screenshots in $OUT"
