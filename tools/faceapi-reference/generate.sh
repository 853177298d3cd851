#!/usr/bin/env bash
# Regenerates the parity fixtures. Run from anywhere; needs java 17, mvn, node >= 18, npm.
#   tools/faceapi-reference/generate.sh [--backend cpu|wasm] [--only e2e|models] [--names a,b]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
seed="${SEED_DIR:-$root/../shared/fixtures/seed}"
# registry dist.integrity of @vladmandic/face-api@1.7.15 (as face-api.integrity in the root pom.xml)
FACE_API_SHA512="WDMmK3CfNLo8jylWqMoQgf4nIst3M0fzx1dnac96wv/dvMTN4DxC/Pq1DGtduDk1lktCamQ3MIDXFnvrdHTXDw=="
work="$here/work"
out="$root/vision-worker/src/test/resources/parity/faces"
[ -f "$seed/sample-2.jpg" ] || { echo "seed images not found in $seed (set SEED_DIR)" >&2; exit 1; }

cd "$here"
[ -d node_modules ] || npm ci --no-audit --no-fund
mkdir -p "$work"
if [ ! -d "$work/package" ]; then
  (cd "$work" && npm pack @vladmandic/face-api@1.7.15 --silent >/dev/null)
  actual="$(openssl dgst -sha512 -binary "$work/vladmandic-face-api-1.7.15.tgz" | base64 -w0)"
  [ "$actual" = "$FACE_API_SHA512" ] || { echo "face-api tarball sha512 mismatch: $actual" >&2; exit 1; }
  tar xzf "$work/vladmandic-face-api-1.7.15.tgz" -C "$work"
fi

(cd "$root" && mvn -q -pl common -am -DskipTests package \
  && mvn -q -pl common dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$work/common.cp")
java -cp "$root/common/target/classes:$(cat "$work/common.cp")" "$here/RgbDump.java" \
  "$here/images.txt" "$seed" "$work/package/demo" "$work/rgb"

node "$here/generate.js" --rgb "$work/rgb" --images "$here/images.txt" --out "$out" "$@"
