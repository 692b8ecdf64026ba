#!/usr/bin/env bash
# The production shape for ProductionShapeIT, with real processes instead of containers (no Docker
# engine on the build machines): PostgreSQL, an OpenSSH SFTP server with a password-only ERP user,
# and a standalone Artemis broker from the distribution Maven unpacked into target/.
#
#   production-shape.sh start WORK_DIR ARTEMIS_HOME   starts all three, writes WORK_DIR/env
#   production-shape.sh stop WORK_DIR                 stops them
#   production-shape.sh down WORK_DIR SERVICE         an outage: postgres, artemis or sftp dies at once
#   production-shape.sh up WORK_DIR SERVICE           ... and comes back with its data
#
# Needs root (Debian packages, a system user for SFTP). Missing packages are installed.
set -euo pipefail

PG_PORT=55433
SSH_PORT=2223
ARTEMIS_PORT=61617
ERP_USER=flashbridge-erp
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"

log() { echo "[production-shape] $*" >&2; }

secret() { head -c 18 /dev/urandom | base64 | tr -d '/+=' ; }

wait_for_port() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  log "nothing listens on port $1 after 60 s"; return 1
}

install_packages() {
  local missing=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
  [ -x /usr/sbin/sshd ] || missing+=(openssh-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq
    # A package's service may fail to start where no init system runs; only the binaries matter here.
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null || true
  fi
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { log "PostgreSQL could not be installed"; exit 1; }
  [ -x /usr/sbin/sshd ] || { log "openssh-server could not be installed"; exit 1; }
}

start_postgres() {
  local bin password=$1
  bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")
  PG_DIR=$(mktemp -d /tmp/flashbridge-pg.XXXXXX)
  chown postgres "$PG_DIR"
  su postgres -s /bin/sh -c "$bin/initdb -D $PG_DIR/data -U postgres --auth-local=trust --auth-host=scram-sha-256 >/dev/null"
  su postgres -s /bin/sh -c "$bin/pg_ctl -D $PG_DIR/data -l $PG_DIR/server.log -w \
    -o '-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1' start >/dev/null"
  su postgres -s /bin/sh -c "$bin/psql -q -h $PG_DIR -p $PG_PORT -U postgres \
    -c \"create role flashbridge login password '$password'\" -c 'create database flashbridge owner flashbridge'"
  echo "$bin" > "$WORK/pg.bin"
  echo "$PG_DIR" > "$WORK/pg.dir"
  log "PostgreSQL on 127.0.0.1:$PG_PORT"
}

start_sshd() {
  local password=$1 home="$WORK/erp-home"
  mkdir -p "$WORK/ssh" /run/sshd "$home/outbox/payouts" "$home/inbox"
  id "$ERP_USER" >/dev/null 2>&1 || useradd --no-create-home --shell /bin/sh "$ERP_USER"
  usermod --home "$home" "$ERP_USER"
  echo "$ERP_USER:$password" | chpasswd
  chown -R "$ERP_USER" "$home"
  ssh-keygen -q -t ecdsa -b 256 -N '' -f "$WORK/ssh/host_ecdsa"
  cat > "$WORK/ssh/sshd_config" <<EOF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $WORK/ssh/host_ecdsa
PidFile $WORK/ssh/sshd.pid
PasswordAuthentication yes
KbdInteractiveAuthentication no
PubkeyAuthentication no
UsePAM no
PermitRootLogin no
StrictModes no
AllowUsers $ERP_USER
Subsystem sftp internal-sftp
ForceCommand internal-sftp
EOF
  run_sshd
  # The bridge checks the host key strictly: give it a known_hosts with this server's key.
  mkdir -p "$WORK/bridge-home/.ssh"
  echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$WORK/ssh/host_ecdsa.pub")" > "$WORK/bridge-home/.ssh/known_hosts"
  echo "$home" > "$WORK/erp.home"
  log "OpenSSH SFTP on 127.0.0.1:$SSH_PORT (user $ERP_USER, password only)"
}

start_artemis() {
  local artemis_home=$1 password=$2
  bash "$artemis_home/bin/artemis" create "$WORK/broker" --silent --user flashbridge --password "$password" \
    --require-login --host 127.0.0.1 --default-port "$ARTEMIS_PORT" --no-web --no-autotune \
    --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor >"$WORK/artemis-create.log" 2>&1
  # The address settings the bridge needs (the embedded broker applies them itself), from the same
  # file docker-compose.yml gives its broker: Artemis reads etc/broker.properties on top of broker.xml.
  cp "$ROOT/deploy/artemis/broker.properties" "$WORK/broker/etc/broker.properties"
  run_artemis
  log "Artemis on 127.0.0.1:$ARTEMIS_PORT"
}

run_postgres() {
  su postgres -s /bin/sh -c "$(cat "$WORK/pg.bin")/pg_ctl -D $(cat "$WORK/pg.dir")/data -l $(cat "$WORK/pg.dir")/server.log -w \
    -o '-p $PG_PORT -k $(cat "$WORK/pg.dir") -c listen_addresses=127.0.0.1' start >/dev/null"
}

run_sshd() {
  /usr/sbin/sshd -f "$WORK/ssh/sshd_config" -E "$WORK/ssh/sshd.log"
}

run_artemis() {
  nohup bash "$WORK/broker/bin/artemis" run >>"$WORK/artemis.log" 2>&1 &
  echo $! > "$WORK/artemis.pid"
}

# An outage as a crash causes it: no graceful stop, open connections cut.
down() {
  WORK=$1
  case "$2" in
    postgres) su postgres -s /bin/sh -c "$(cat "$WORK/pg.bin")/pg_ctl -D $(cat "$WORK/pg.dir")/data -m immediate -w stop >/dev/null" ;;
    artemis) pkill -9 -f "artemis.instance=$WORK/broker" || true ;;
    sftp) pkill -9 -f "sshd -f $WORK/ssh/sshd_config" || true; pkill -9 -u "$ERP_USER" || true ;;
    *) echo "unknown service $2" >&2; exit 2 ;;
  esac
  log "$2 down"
}

up() {
  WORK=$1
  case "$2" in
    postgres) run_postgres; wait_for_port "$PG_PORT" ;;
    artemis) run_artemis; wait_for_port "$ARTEMIS_PORT" ;;
    sftp) run_sshd; wait_for_port "$SSH_PORT" ;;
    *) echo "unknown service $2" >&2; exit 2 ;;
  esac
  log "$2 up"
}

start() {
  WORK=$1
  local artemis_home=$2
  rm -rf "$WORK" && mkdir -p "$WORK"
  install_packages
  local db_password sftp_password artemis_password
  db_password=$(secret); sftp_password=$(secret); artemis_password=$(secret)
  start_postgres "$db_password"
  start_sshd "$sftp_password"
  start_artemis "$artemis_home" "$artemis_password"
  wait_for_port "$PG_PORT"; wait_for_port "$SSH_PORT"; wait_for_port "$ARTEMIS_PORT"
  cat > "$WORK/env" <<EOF
DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/flashbridge
DB_USERNAME=flashbridge
DB_PASSWORD=$db_password
ARTEMIS_URL=tcp://127.0.0.1:$ARTEMIS_PORT
ARTEMIS_USER=flashbridge
ARTEMIS_PASSWORD=$artemis_password
SFTP_HOST=127.0.0.1
SFTP_PORT=$SSH_PORT
SFTP_USERNAME=$ERP_USER
SFTP_PASSWORD=$sftp_password
BRIDGE_HOME=$WORK/bridge-home
ERP_HOME=$(cat "$WORK/erp.home")
EOF
}

stop() {
  WORK=$1
  if [ -f "$WORK/artemis.pid" ]; then
    bash "$WORK/broker/bin/artemis" stop >/dev/null 2>&1 || kill "$(cat "$WORK/artemis.pid")" 2>/dev/null || true
  fi
  if [ -f "$WORK/ssh/sshd.pid" ]; then kill "$(cat "$WORK/ssh/sshd.pid")" 2>/dev/null || true; fi
  if [ -f "$WORK/pg.dir" ]; then
    su postgres -s /bin/sh -c "$(cat "$WORK/pg.bin")/pg_ctl -D $(cat "$WORK/pg.dir")/data -m fast -w stop >/dev/null" || true
    rm -rf "$(cat "$WORK/pg.dir")"
  fi
}

case "${1:-}" in
  start) start "$2" "$3" ;;
  stop) stop "$2" ;;
  down) down "$2" "$3" ;;
  up) up "$2" "$3" ;;
  *) echo "usage: $0 start WORK_DIR ARTEMIS_HOME | stop WORK_DIR | down|up WORK_DIR postgres|artemis|sftp" >&2; exit 2 ;;
esac
