#!/usr/bin/env bash
# Proves that the vision worker runs, with the same answers, on an x86-64 CPU without AVX and on ARM64.
#
# Runs the worker's three analyses (faces, objects, embeddings; the worker's own Spring configuration, models and
# JPEG decoder, through gallery.vision.worker.portability.AnalyzeCommand) on a few photos three times:
#   native   the host's JVM on the host's CPU (the reference),
#   x86-64   the same JVM under qemu-x86_64 -cpu Westmere (SSE4.2, no AVX), so neither HotSpot nor ONNX Runtime can
#            pick AVX code (QEMU raises SIGILL on any instruction the CPU model lacks),
#   arm64    Debian's arm64 JDK 17 under qemu-aarch64, with ONNX Runtime's linux-aarch64 natives from its jar,
# and compares each emulated answer with the native one (gallery.vision.worker.portability.AnswerComparison):
# faces within the face parity tolerances, objects and embeddings within 1e-3. Exits non-zero on any mismatch.
#
# Needs the built worker jar (vision-worker/target/vision-worker.jar; `bash scripts/test.sh` or
# `mvn -B -q -DskipTests package` builds it). Installs Debian's qemu-user (root or sudo) and, once, adds the arm64
# architecture to dpkg to `apt-get download` the arm64 JDK and its libraries, which are unpacked with dpkg-deb
# (never installed) into a sysroot cached under $PORTABILITY_CACHE; reruns reuse it. Writes only there and under
# vision-worker/target/portability/.
#
# Usage: bash scripts/portability.sh [JPEG...]   (default: the seed's sample-2.jpg when present, and face-api's
#        demo sample1.jpg from the models build)
# Settings (environment):
#   PORTABILITY_TARGETS  which emulated runs, default "x86-64 arm64"
#   PORTABILITY_X86_CPU  QEMU CPU model without AVX for the x86-64 run, default Westmere
#   PORTABILITY_CACHE    sysroot cache, default ~/.cache/gallery-vision/portability
set -euo pipefail
shopt -s inherit_errexit  # a failing step inside $(...) stops the script too
cd "$(dirname "$0")/.."
repo=$PWD

targets=${PORTABILITY_TARGETS:-x86-64 arm64}
x86_cpu=${PORTABILITY_X86_CPU:-Westmere}
cache=${PORTABILITY_CACHE:-$HOME/.cache/gallery-vision/portability}
jar=$repo/vision-worker/target/vision-worker.jar
out=$repo/vision-worker/target/portability
entry=gallery.vision.worker.portability.AnalyzeCommand
comparison=gallery.vision.worker.portability.AnswerComparison
# The arm64 packages the JVM loads at run time (the JDK's other dependencies are for fonts, sound, printing, TLS).
arm64_packages=(openjdk-17-jre-headless libc6 zlib1g libgcc-s1 libstdc++6 libjpeg62-turbo liblcms2-2)

log() { echo "portability: $*"; }
fail() { echo "portability: FAILED: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

seconds_since() { echo $(( $(date +%s) - $1 )); }

install_qemu() {
  if command -v qemu-x86_64 >/dev/null 2>&1 && command -v qemu-aarch64 >/dev/null 2>&1; then
    return
  fi
  log "installing Debian's qemu-user"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends qemu-user
}

# The arm64 sysroot: the packages' files unpacked side by side (no maintainer scripts run, nothing installed).
# Built once; delete $PORTABILITY_CACHE to fetch the current versions again.
arm64_sysroot() {
  local sysroot=$cache/arm64-sysroot stamp=$cache/arm64-sysroot.stamp
  if [ -f "$stamp" ] && [ -x "$sysroot/usr/lib/jvm/java-17-openjdk-arm64/bin/java" ]; then
    echo "$sysroot"
    return
  fi
  if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    log "adding the arm64 architecture to dpkg (to download, not install, arm64 packages)" >&2
    as_root dpkg --add-architecture arm64
  fi
  local wanted=() p
  for p in "${arm64_packages[@]}"; do wanted+=("$p:arm64"); done
  if ! apt-cache show "${wanted[0]}" >/dev/null 2>&1; then
    as_root apt-get update -q >&2
  fi
  local debs
  debs=$(mktemp -d)
  if [ "$(id -u)" -eq 0 ] && id _apt >/dev/null 2>&1; then
    chown _apt "$debs"  # as root, apt downloads as its sandbox user _apt
  fi
  log "downloading ${wanted[*]}" >&2
  (cd "$debs" && apt-get download -q "${wanted[@]}" >&2)
  rm -rf "$sysroot.new"
  mkdir -p "$sysroot.new"
  local deb
  for deb in "$debs"/*.deb; do
    dpkg-deb -x "$deb" "$sysroot.new"
  done
  (cd "$debs" && ls ./*.deb) > "$sysroot.new/.packages"
  [ -x "$sysroot.new/usr/lib/jvm/java-17-openjdk-arm64/bin/java" ] \
    || fail "the arm64 packages did not contain usr/lib/jvm/java-17-openjdk-arm64/bin/java"
  rm -rf "$debs" "$sysroot"
  mv "$sysroot.new" "$sysroot"
  cp "$sysroot/.packages" "$stamp"
  echo "$sysroot"
}

# Runs the entry point once; $1 names the run, the rest is the command that starts java. Prints the entry point's
# timings and the run's wall-clock and CPU seconds (on a busy machine the CPU time says more).
# C1 only (TieredStopAtLevel=1): under emulation C2's compilations cost more CPU than they save in so short a run;
# the networks run in ONNX Runtime's native code either way.
analyze() {
  local name=$1; shift
  log "$name: analyzing ${#images[@]} image(s)"
  local TIMEFORMAT="%R s wall-clock, %U s user + %S s system CPU"
  if ! { time "$@" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp "$jar" \
      -Dloader.main=$entry org.springframework.boot.loader.launch.PropertiesLauncher \
      --out "$out/$name.json" "${images[@]}" > "$out/$name.log" 2>&1; } 2> "$out/$name.time"; then
    tail -n 40 "$out/$name.log" >&2
    fail "$name: the analysis did not run (log: $out/$name.log)"
  fi
  grep '^analyze:' "$out/$name.log" | sed "s/^analyze: /portability: $name: /" || true
  log "$name: done in $(cat "$out/$name.time") (JVM start included)"
}

[ "$(uname -m)" = x86_64 ] || fail "runs on an x86-64 host (the native run is the x86-64 reference)"
[ -f "$jar" ] || fail "$jar is missing: build first (mvn -B -q -DskipTests package)"
images=("$@")
if [ ${#images[@]} -eq 0 ]; then
  [ -f ../shared/fixtures/seed/sample-2.jpg ] && images+=("$(cd ../shared/fixtures/seed && pwd)/sample-2.jpg")
  demo=models/target/face-api/package/demo/sample1.jpg
  [ -f "$demo" ] && images+=("$repo/$demo")
  [ ${#images[@]} -gt 0 ] || fail "no images: neither ../shared/fixtures/seed/sample-2.jpg nor $demo exists"
fi

all_started=$(date +%s)
install_qemu
mkdir -p "$out"
rm -f "$out"/*.json "$out"/*.log

java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
analyze native "$java_home/bin/java"

status=0
for target in $targets; do
  case $target in
    x86-64)
      name=x86-64-$(echo "$x86_cpu" | tr '[:upper:]' '[:lower:]')
      analyze "$name" qemu-x86_64 -cpu "$x86_cpu" "$java_home/bin/java"
      # QEMU raises SIGILL on AVX instructions the CPU model lacks, so a finished run used none; HotSpot must also
      # have seen a CPU without AVX (otherwise the model named is not one without AVX).
      grep -q 'UseAVX=0"' "$out/$name.json" \
        || fail "$name: HotSpot did not run with UseAVX=0 under -cpu $x86_cpu: $(grep -m1 '"runtime"' "$out/$name.json")"
      ;;
    arm64)
      sysroot=$(arm64_sysroot)
      name=arm64
      analyze "$name" qemu-aarch64 -L "$sysroot" "$sysroot/usr/lib/jvm/java-17-openjdk-arm64/bin/java"
      ;;
    *) fail "unknown target '$target' in PORTABILITY_TARGETS (x86-64, arm64)" ;;
  esac
  if "$java_home/bin/java" -cp "$jar" -Dloader.main=$comparison \
      org.springframework.boot.loader.launch.PropertiesLauncher "$out/native.json" "$out/$name.json"; then
    log "$name: same answers as native"
  else
    status=1
    log "$name: answers DIFFER from native (see above; answers in $out)"
  fi
done

log "total $(seconds_since "$all_started") s"
[ $status -eq 0 ] || fail "emulated answers differ from the native ones"
log "passed: ${targets// /, } answer like native"
