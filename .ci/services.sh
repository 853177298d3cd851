#!/usr/bin/env bash
# Installs (once) and starts (when not running) the RabbitMQ broker that the distributed-mode integration tests use.
# Everything listens on loopback only: AMQP on 127.0.0.1:5672, epmd and Erlang distribution on 127.0.0.1, no
# management plugin. Idempotent: safe to run again on a machine where the broker is installed or already running.
# The S3 server (S3Proxy) is not started here: each integration test class starts its own on a free loopback port
# (it must stop and restart it to test recovery), from the jar Maven resolves during the build.
set -euo pipefail

RABBITMQ_NODE=rabbit@localhost
ENV_CONF=/etc/rabbitmq/rabbitmq-env.conf
CONF=/etc/rabbitmq/rabbitmq.conf

log() { echo "services.sh: $*"; }

write_config() {
  mkdir -p /etc/rabbitmq
  cat > "$ENV_CONF" <<'CONFEOF'
# Written by .ci/services.sh: loopback only.
NODENAME=rabbit@localhost
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=5672
SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
CTL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export ERL_EPMD_ADDRESS=127.0.0.1
CONFEOF
  cat > "$CONF" <<'CONFEOF'
# Written by .ci/services.sh: loopback only.
listeners.tcp.default = 127.0.0.1:5672
loopback_users.guest = true
CONFEOF
}

install_rabbitmq() {
  if command -v rabbitmq-server >/dev/null 2>&1; then
    return
  fi
  log "installing rabbitmq-server from Debian"
  write_config
  # Keep the package's maintainer scripts from starting the broker with its defaults: we start it ourselves below.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    created_policy=yes
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends rabbitmq-server
  if [ -n "$created_policy" ]; then
    rm -f "$policy"
  fi
}

broker_running() {
  rabbitmqctl -q -n "$RABBITMQ_NODE" status >/dev/null 2>&1
}

start_rabbitmq() {
  write_config
  export ERL_EPMD_ADDRESS=127.0.0.1
  if broker_running; then
    # stop_app by an earlier test run that died would leave the node up but the broker stopped
    rabbitmqctl -q -n "$RABBITMQ_NODE" start_app >/dev/null 2>&1 || true
    log "rabbitmq already running"
  else
    log "starting rabbitmq on 127.0.0.1:5672"
    rabbitmq-server -detached
  fi
  for _ in $(seq 1 60); do
    if rabbitmqctl -q -n "$RABBITMQ_NODE" await_startup >/dev/null 2>&1; then
      log "rabbitmq is up"
      return
    fi
    sleep 1
  done
  log "rabbitmq did not start within 60 s" >&2
  exit 1
}

install_rabbitmq
start_rabbitmq
