#!/usr/bin/env bash
# No call home, proved. Runs the built service in both modes inside a network namespace that has only a loopback
# interface (unshare -n), with every Java process of ours under strace, and checks that
#   1. every analysis still answers: POST a JPEG to /faces, /objects and /embeddings (with an access token) -> 200,
#      in embedded mode (api-ingress.jar alone) and in distributed mode (api-ingress.jar + vision-worker.jar, with a
#      private RabbitMQ node and S3Proxy started inside the same namespace);
#   2. no process of ours even tries to reach anything but loopback: strace -f records every connect(), accept() and
#      addressed send (sendto/sendmsg/sendmmsg) of the ingress and the worker, and every address in them must be a
#      unix socket or 127.0.0.0/8 / ::1 (a DNS lookup, a telemetry ping or a download would show up as a connect()
#      to the name server or a remote address, even though it fails in the namespace).
# The traces must also show the test's own requests being accepted from loopback, so a tracer that saw nothing fails.
#
# Needs the jars (mvn -B -q -DskipTests package) and root (as in CI; otherwise it tries a user namespace). Installs
# strace, iproute2 and curl from Debian when missing. Every process it starts is stopped by its PID at the end.
# Logs and traces stay in target/no-call-home/ (the CI log scan reads the service logs there).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/target/no-call-home

# Secrets of this run, searched for in its logs by scripts/check-logs-for-secrets.sh: they must never appear there.
NCH_TOKEN=nch-token-6f2b8e4d1a9c7035d4e1
NCH_S3_SECRET=nch-s3-secret-3d9a7c51e2b84f60

log() { echo "no-call-home: $*"; }
fail() { echo "no-call-home: FAILED: $*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

if [ "${1:-}" != --inside ]; then
  started=$(date +%s)
  missing=()
  command -v strace >/dev/null 2>&1 || missing+=(strace)
  command -v ip >/dev/null 2>&1 || missing+=(iproute2)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  command -v unshare >/dev/null 2>&1 || missing+=(util-linux)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  fi
  for jar in api-ingress/target/api-ingress.jar vision-worker/target/vision-worker.jar; do
    [ -f "$jar" ] || fail "$jar not found: build first (mvn -B -q -DskipTests package)"
  done
  s3proxy_version=$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' pom.xml)
  s3proxy_jar=api-ingress/target/s3proxy/s3proxy.jar
  [ -f "$s3proxy_jar" ] || s3proxy_jar=$HOME/.m2/repository/org/gaul/s3proxy/$s3proxy_version/s3proxy-$s3proxy_version-jar-with-dependencies.jar
  [ -f "$s3proxy_jar" ] || fail "S3Proxy $s3proxy_version not found (the Maven build resolves it)"
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] && command -v epmd >/dev/null 2>&1 \
    || fail "RabbitMQ is not installed: run bash .ci/services.sh first"
  # A photo with faces that the build fetched (face-api's demo pictures, in the npm package the models module unpacks).
  jpeg=$(find . -path '*/target/*' -path '*face-api/package/demo/*' -name '*.jpg' 2>/dev/null | sort | head -n 1)
  [ -n "$jpeg" ] || fail "no face-api demo JPEG under */target: build first (mvn -B -q -DskipTests package)"

  rm -rf "$OUT"
  mkdir -p "$OUT"
  if [ "$(id -u)" -eq 0 ]; then
    netns=(unshare --net)
  else
    netns=(unshare --map-root-user --net)
  fi
  log "running both modes in a network namespace with loopback only ($(basename "$jpeg"))"
  status=0
  S3PROXY_JAR=$(realpath "$s3proxy_jar") JPEG=$(realpath "$jpeg") "${netns[@]}" bash "$0" --inside || status=$?
  if [ "$status" -ne 0 ]; then
    for file in "$OUT"/*.log "$OUT"/infra/*.log; do
      if [ -s "$file" ]; then echo "---- last lines of $file"; tail -n 15 "$file"; fi
    done
    fail "see the logs in $OUT"
  fi
  log "passed in $(( $(date +%s) - started )) s"
  exit 0
fi

# ---------------------------------------------------------------- inside the namespace
ip link set lo up
[ "$(ip -o link show up | grep -vc ': lo:')" -eq 0 ] || fail "the namespace has an interface besides loopback"

# The namespace has a loopback of its own: these ports are free whatever runs on the host.
INGRESS_PORT=3000 AMQP_PORT=5672 S3_PORT=9000
TRACE=(strace -f --seccomp-bpf -qq -s 0 -e trace=connect,accept,accept4,sendto,sendmsg,sendmmsg)
JAVA_OPTS=(-Xmx1g -XX:+UseSerialGC)
SHA1=$(sha1sum "$JPEG" | cut -d' ' -f1)
pids=()
declare -A tracer

stop_pid() {
  local pid=$1
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  kill -KILL "$pid" 2>/dev/null || true
}

cleanup() {
  local i
  for (( i=${#pids[@]}-1; i>=0; i-- )); do
    stop_pid "${pids[i]}"
  done
  wait 2>/dev/null || true
  rm -rf "$OUT/data"
}
trap cleanup EXIT

# start_traced NAME ENV=VALUE... -- java args: a JVM of ours under strace; its PID (the JVM's, not strace's) is
# remembered for the clean-up; the trace goes to NAME.strace, the output to NAME.log.
start_traced() {
  local name=$1; shift
  local env=()
  while [ "$1" != -- ]; do env+=("$1"); shift; done
  shift
  "${TRACE[@]}" -o "$OUT/$name.strace" env "${env[@]}" bash -c 'echo $$ > "$0"; exec "$@"' "$OUT/$name.pid" \
    java "${JAVA_OPTS[@]}" "$@" > "$OUT/$name.log" 2>&1 &
  pids+=($!)
  tracer[$name]=$!
  for _ in $(seq 1 50); do
    [ -s "$OUT/$name.pid" ] && break
    sleep 0.1
  done
  pids+=("$(cat "$OUT/$name.pid")")
}

# start_plain NAME command...: a helper server (broker, S3) that is not ours, so not traced.
start_plain() {
  local name=$1; shift
  "$@" > "$OUT/infra/$name.log" 2>&1 &
  pids+=($!)
}

await() {
  local what=$1 seconds=$2; shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 0.25
  done
  fail "$what not ready within $seconds s"
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
http_ok() { curl -fsS -m 2 "http://127.0.0.1:$1/health"; }

# Every analysis answers 200 for the photo (and its sha1); without a token the same route answers 401.
check_analyses() {
  local mode=$1 route code
  code=$(curl -sS -m 60 -o /dev/null -w '%{http_code}' -H 'Content-Type: image/jpeg' --data-binary "@$JPEG" \
    "http://127.0.0.1:$INGRESS_PORT/faces")
  [ "$code" = 401 ] || fail "$mode: POST /faces without a token answered $code, not 401"
  for route in faces objects embeddings; do
    code=$(curl -sS -m 60 -o "$OUT/$mode-$route.json" -w '%{http_code}' -H "Authorization: Bearer $NCH_TOKEN" \
      -H 'Content-Type: image/jpeg' --data-binary "@$JPEG" "http://127.0.0.1:$INGRESS_PORT/$route")
    [ "$code" = 200 ] || fail "$mode: POST /$route answered $code: $(head -c 300 "$OUT/$mode-$route.json")"
    grep -q "\"srcSha1sum\":\"$SHA1\"" "$OUT/$mode-$route.json" || fail "$mode: /$route answered another image"
    grep -q '"data":\[.' "$OUT/$mode-$route.json" || fail "$mode: /$route answered no data"
    log "$mode: POST /$route -> 200 ($(wc -c < "$OUT/$mode-$route.json") bytes)"
  done
}

stop_traced() {
  local name
  for name in "$@"; do
    stop_pid "$(cat "$OUT/$name.pid")"
    wait "${tracer[$name]}" || true   # strace ends with its process, once the trace is written
  done
}

mkdir -p "$OUT/infra" "$OUT/data"
started=$(date +%s)

# ---- for distributed mode: a private RabbitMQ node and S3Proxy in the namespace, booting while embedded mode runs
rabbit=$OUT/data/rabbitmq
mkdir -p "$rabbit/mnesia" "$rabbit/log"
: > "$rabbit/rabbitmq-env.conf"
echo '[].' > "$rabbit/enabled_plugins"
printf 'listeners.tcp.default = 127.0.0.1:%s\nloopback_users.guest = true\n' "$AMQP_PORT" > "$rabbit/rabbitmq.conf"
start_plain epmd env ERL_EPMD_ADDRESS=127.0.0.1 epmd
start_plain rabbitmq env HOME="$rabbit" ERL_EPMD_ADDRESS=127.0.0.1 \
  RABBITMQ_CONF_ENV_FILE="$rabbit/rabbitmq-env.conf" RABBITMQ_CONFIG_FILE="$rabbit/rabbitmq.conf" \
  RABBITMQ_ADVANCED_CONFIG_FILE="$rabbit/advanced.config" \
  RABBITMQ_ENABLED_PLUGINS_FILE="$rabbit/enabled_plugins" RABBITMQ_NODENAME=no-call-home@localhost \
  RABBITMQ_NODE_IP_ADDRESS=127.0.0.1 RABBITMQ_NODE_PORT="$AMQP_PORT" RABBITMQ_DIST_PORT=25672 \
  RABBITMQ_MNESIA_BASE="$rabbit/mnesia" RABBITMQ_LOG_BASE="$OUT/infra" RABBITMQ_PID_FILE="$rabbit/rabbit.pid" \
  RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}" \
  /usr/lib/rabbitmq/bin/rabbitmq-server
mkdir -p "$OUT/data/s3/blobs"
cat > "$OUT/data/s3/s3proxy.conf" <<EOF
s3proxy.endpoint=http://127.0.0.1:$S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=nch-access
s3proxy.credential=$NCH_S3_SECRET
jclouds.provider=filesystem
jclouds.filesystem.basedir=$OUT/data/s3/blobs
EOF
start_plain s3proxy java -Xmx256m -jar "$S3PROXY_JAR" --properties "$OUT/data/s3/s3proxy.conf"

# ---- embedded mode: the ingress alone, models in-process
start_traced embedded-ingress PORT=$INGRESS_PORT BIND_ADDRESS=127.0.0.1 DATA_DIR="$OUT/data/embedded" \
  API_TOKENS="$NCH_TOKEN" -- -jar api-ingress/target/api-ingress.jar
await "embedded ingress" 120 http_ok "$INGRESS_PORT"
check_analyses embedded
stop_traced embedded-ingress
log "embedded mode done in $(( $(date +%s) - started )) s"

# ---- distributed mode: a worker and the ingress, with the broker and S3 started above
await "RabbitMQ" 150 port_open "$AMQP_PORT"
pids+=("$(cat "$rabbit/rabbit.pid")")   # the Erlang VM itself, in case its wrapper script dies first
await "S3Proxy" 60 port_open "$S3_PORT"

shared=(SPRING_RABBITMQ_HOST=127.0.0.1 SPRING_RABBITMQ_PORT=$AMQP_PORT S3_ENDPOINT=http://127.0.0.1:$S3_PORT
  S3_ACCESS_KEY=nch-access S3_SECRET_KEY="$NCH_S3_SECRET" S3_BUCKET=gallery-vision DATA_DIR="$OUT/data/distributed")
start_traced worker "${shared[@]}" -- -jar vision-worker/target/vision-worker.jar
start_traced ingress "${shared[@]}" SPRING_PROFILES_ACTIVE=distributed PORT=$INGRESS_PORT BIND_ADDRESS=127.0.0.1 \
  API_TOKENS="$NCH_TOKEN" -- -jar api-ingress/target/api-ingress.jar
await "distributed ingress" 120 http_ok "$INGRESS_PORT"
await "worker" 120 grep -q "Started VisionWorkerApplication" "$OUT/worker.log"
check_analyses distributed
stop_traced ingress worker
log "distributed mode done in $(( $(date +%s) - started )) s"

# ---- the traces: every address must be loopback or a unix socket; each trace must have seen traffic
loopback='AF_UNIX|AF_UNSPEC|AF_NETLINK|inet_addr\("127\.|"::1"|"::ffff:127\.'
# outside_addresses TRACE: every socket address in the trace that is neither loopback nor local to the machine.
outside_addresses() { grep -o 'sa_family=[^}]*' "$1" | grep -Ev "$loopback" || true; }

# The check must be able to fail: a DNS query and an IPv6 connection, planted in a trace, are found.
planted=$OUT/planted.strace
cat > "$planted" <<'TRACE'
101 connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = -1 ENETUNREACH
102 connect(8, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH
103 connect(9, {sa_family=AF_INET, sin_port=htons(5672), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
TRACE
[ "$(outside_addresses "$planted" | wc -l)" -eq 2 ] || fail "the trace check misses planted outside addresses"
rm -f "$planted"

for name in embedded-ingress worker ingress; do
  trace=$OUT/$name.strace
  [ -s "$trace" ] || fail "$name: strace recorded nothing"
  outside=$(outside_addresses "$trace")
  if [ -n "$outside" ]; then
    echo "$outside" | sort | uniq -c >&2
    fail "$name tried to reach an address outside loopback (trace: $trace)"
  fi
  connects=$(grep -Ec 'connect\(.*(inet_addr\("127\.|"::1"|"::ffff:127\.)' "$trace" || true)
  accepts=$(grep -E 'accept4?(\(| resumed>)' "$trace" | grep -Ec 'inet_addr\("127\.|"::1"|"::ffff:127\.' || true)
  log "$name: $connects loopback connect(s), $accepts accepted loopback connection(s), nothing else"
done
# The tracer must have seen the JVMs' own threads: the ingresses accepted our requests, the worker reached the broker.
[ "$(grep -E 'accept4?(\(| resumed>)' "$OUT/embedded-ingress.strace" | grep -c '127\.0\.0\.1')" -ge 4 ] \
  || fail "the embedded ingress' trace shows fewer accepted connections than requests sent: strace missed threads"
[ "$(grep -E 'accept4?(\(| resumed>)' "$OUT/ingress.strace" | grep -c '127\.0\.0\.1')" -ge 4 ] \
  || fail "the distributed ingress' trace shows fewer accepted connections than requests sent"
grep -Eq "connect\(.*htons\($AMQP_PORT\)" "$OUT/worker.strace" || fail "the worker's trace shows no connection to the broker"
