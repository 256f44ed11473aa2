# Shared by start.sh, test.sh and .ci/run: get a fresh machine to the point where it can run us.
# shellcheck shell=bash

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false}

say() { printf '\033[1m» [%s] %s\033[0m\n' "$(date +%T)" "$*"; }

ensure_pnpm() {
  if ! command -v pnpm >/dev/null 2>&1; then
    say "Installing pnpm"
    npm install -g pnpm@10 >/dev/null
  fi
}

# Quiet when all is well; a warning pnpm draws in a box is shown whole (not cut), a failure in full.
install_dependencies() {
  say "Installing dependencies"
  local log status=0
  log=$(mktemp)
  pnpm install --frozen-lockfile --reporter=append-only >"$log" 2>&1 || status=$?
  if [ "$status" != 0 ]; then cat "$log" >&2; else sed -n '/╭/,/╰/p' "$log" && tail -n 1 "$log"; fi
  rm -f "$log"
  return "$status"
}

pg_url() { echo "${DATABASE_URL:-postgres://postgres@localhost:5432/mindsp}"; }
redis_url() { echo "${REDIS_URL:-redis://localhost:6379}"; }

# Answers on host:port of a URL?
reachable() {
  node -e '
    const u = new URL(process.argv[1]);
    const s = require("net").connect(Number(u.port || process.argv[2]), u.hostname);
    s.setTimeout(2000, () => process.exit(1));
    s.on("connect", () => process.exit(0)).on("error", () => process.exit(1));' "$1" "$2"
}

# Does the URL name this machine's server on its usual port (so a stopped one is ours to start)?
is_local_default() {
  node -e '
    const u = new URL(process.argv[1]);
    const local = ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
    process.exit(local && (u.port || process.argv[2]) === process.argv[2] ? 0 : 1);' "$1" "$2"
}

# PostgreSQL and Redis must answer. On a machine where they are installed but stopped (Debian
# packages, as on CI), start them; otherwise say how. We give them SERVICE_WAIT seconds (8 by
# default) to open their port: time for one just started, and a missing one is named within 15 s.
ensure_services() {
  if ! reachable "$(pg_url)" 5432 && is_local_default "$(pg_url)" 5432; then
    if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
      say "Starting PostgreSQL"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    fi
  fi
  if ! reachable "$(redis_url)" 6379 && is_local_default "$(redis_url)" 6379; then
    if command -v redis-server >/dev/null 2>&1; then
      say "Starting Redis"
      mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
      redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
        --dir /var/lib/redis --logfile /var/log/redis/ci.log || redis-server --daemonize yes --save ""
    fi
  fi
  local deadline=$((SECONDS + ${SERVICE_WAIT:-8}))
  while :; do
    reachable "$(pg_url)" 5432 && reachable "$(redis_url)" 6379 && return 0
    [ "$SECONDS" -lt "$deadline" ] || break
    sleep 1
  done
  reachable "$(pg_url)" 5432 || echo "PostgreSQL does not answer at $(pg_url): start it (docker compose -f docker/compose.yaml up -d postgres) or set DATABASE_URL." >&2
  reachable "$(redis_url)" 6379 || echo "Redis does not answer at $(redis_url): start it (docker compose -f docker/compose.yaml up -d redis) or set REDIS_URL." >&2
  return 1
}

# A Debian package, installed as root: from the cached lists first, refreshed only when they are stale.
apt_install() {
  (apt-get install -y --no-install-recommends "$@" >/dev/null 2>&1) ||
    (apt-get update >/dev/null && apt-get install -y --no-install-recommends "$@" >/dev/null)
}

# The browser tests drive Debian's chromium; we never download a browser of our own.
ensure_chromium() {
  [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's chromium"
    apt_install chromium
  else
    echo "Browser tests need chromium at ${CHROMIUM_PATH:-/usr/bin/chromium} (apt-get install chromium)." >&2
    return 1
  fi
}

# The scale-out tests run Debian's HAProxy before the API instances and Debian's PgBouncer before
# PostgreSQL (/usr/sbin, as the packages put them), installed the way chromium is. The packages'
# own services are not started: the tests start their own on free ports.
ensure_debian_daemon() {
  local package=$1
  [ -x "/usr/sbin/$package" ] || command -v "$package" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's $package"
    apt_install "$package"
  else
    echo "The scale-out tests need $package (apt-get install $package)." >&2
    return 1
  fi
}
ensure_haproxy() { ensure_debian_daemon haproxy; }
ensure_pgbouncer() { ensure_debian_daemon pgbouncer; }

# Debian's docker-compose (v1) checks docker/compose.yaml without a Docker engine; installed the way
# chromium is, so the test command validates the compose route the README gives.
ensure_docker_compose() {
  command -v docker-compose >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "Installing Debian's docker-compose"
    apt_install docker-compose
  else
    echo "The compose check needs docker-compose (apt-get install docker-compose)." >&2
    return 1
  fi
}
