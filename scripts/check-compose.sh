#!/usr/bin/env bash
# Validates docker/compose.yaml the two ways the README uses it, without a Docker engine (Debian's
# docker-compose resolves and checks the file offline): the services alone with no environment at
# all, and the whole stack with the JWT_SECRET the README sets.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

compose() { env -i PATH="$PATH" HOME="${HOME:-/tmp}" "$@" docker-compose -f docker/compose.yaml config; }
fail() {
  echo "docker/compose.yaml: $*" >&2
  exit 1
}

say "Checking docker/compose.yaml (services only, no environment)"
services_only=$(compose) || fail "does not resolve with no environment, so \`docker compose -f docker/compose.yaml up -d postgres redis\` would not start"
# `pnpm start`'s default DATABASE_URL has no password: the compose PostgreSQL must not ask for one.
grep -q 'POSTGRES_HOST_AUTH_METHOD: trust' <<<"$services_only" ||
  fail "PostgreSQL asks for a password that pnpm start's default DATABASE_URL ($(DATABASE_URL='' pg_url)) does not carry"
for port in 5432 6379; do
  grep -q "127.0.0.1:$port:$port" <<<"$services_only" || fail "port $port should be published on 127.0.0.1 only"
done

say "Checking docker/compose.yaml (whole stack, JWT_SECRET set)"
secret=compose-check-secret-of-at-least-32-characters
stack=$(compose JWT_SECRET="$secret") || fail "does not resolve with JWT_SECRET set"
[ "$(grep -c "JWT_SECRET: $secret" <<<"$stack")" = 3 ] || fail "api, worker and migrate should all get JWT_SECRET"
services=$(env -i PATH="$PATH" JWT_SECRET="$secret" docker-compose -f docker/compose.yaml config --services | sort | tr '\n' ' ')
[ "$services" = "api haproxy migrate postgres redis web worker " ] || fail "unexpected services: $services"
# The API runs as replicas behind HAProxy, which alone publishes :3000; nginx proxies to HAProxy.
grep -q 'replicas: 2' <<<"$stack" || fail "the API should run as 2 replicas by default"
grep -q 'haproxy.cfg' <<<"$stack" || fail "HAProxy should run the repository's docker/haproxy/haproxy.cfg"
grep -q 'proxy_pass http://haproxy:3000' docker/nginx.conf || fail "nginx should proxy to HAProxy"
haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
"$haproxy_bin" -c -q -f docker/haproxy/haproxy.cfg -f docker/haproxy/compose-servers.cfg ||
  fail "docker/haproxy/ is not a valid HAProxy configuration"
echo "docker/compose.yaml resolves both ways: $services"
