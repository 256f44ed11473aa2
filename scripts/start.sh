#!/usr/bin/env bash
# Runs the product from a fresh clone: install, build, migrate, seed the demo data into an empty
# database, then the API (which serves the SPA on the same origin) and one queue worker.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_pnpm
# Services first: a missing one is named in seconds, before a minute of install and build.
ensure_services || exit 1
install_dependencies

# Secrets only come from the environment; for a local run we make one and keep it, so that
# restarting does not sign everybody out.
if [ -z "${JWT_SECRET:-}" ]; then
  mkdir -p .data
  [ -s .data/jwt-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(48).toString("base64url"))' > .data/jwt-secret
  JWT_SECRET=$(cat .data/jwt-secret)
  export JWT_SECRET
fi
export NODE_ENV=${NODE_ENV:-production}
export PORT=${PORT:-3000}
# Warnings and errors only: Nest's hundred lines of route mapping would bury the banner below
# (the routes are in Swagger). LOG_LEVEL=log brings them back.
export LOG_LEVEL=${LOG_LEVEL:-warn}

say "Building"
pnpm nx run-many -t build -p contracts api web --outputStyle=static >/dev/null
say "Migrating and seeding"
node apps/api/dist/cli.js prepare

node apps/api/dist/main.js &
api=$!
node apps/api/dist/worker.js &
worker=$!

# Stops both processes and waits for their shutdown hooks (connections closed, jobs handed back).
# Signals are ignored meanwhile, not reset: pnpm passes the terminal's Ctrl+C on to us a second
# time, and dying of it mid-stop is what made pnpm print "ELIFECYCLE Command failed".
stop() {
  trap '' INT TERM
  trap - EXIT
  kill -TERM "$api" "$worker" 2>/dev/null || true
  wait "$api" "$worker" 2>/dev/null || true
}
# Ctrl+C (or a TERM) is how one stops us: a clean stop exits 0, so pnpm prints no ELIFECYCLE.
# (package.json runs us with `exec`: the `sh -c` pnpm puts in between would die of the SIGINT.)
trap 'echo; say "Stopping the API and the worker"; stop; exit 0' INT TERM
# Any other way out (a process that failed to boot) still leaves nothing running behind us.
trap stop EXIT

for _ in $(seq 1 60); do
  curl -fs "http://localhost:$PORT/api/health" >/dev/null 2>&1 && break
  kill -0 $api 2>/dev/null || exit 1
  sleep 0.5
done
cat <<MSG

  MindSP Messaging is running at http://localhost:$PORT
  API docs: http://localhost:$PORT/api/docs
  Demo logins (password demo1234): organisation "demo": alice@demo.test (admin), bob@demo.test,
  carol@demo.test; organisation "other": dave@other.test (admin).
  Ctrl+C stops the API and the worker.

MSG
wait -n $api $worker
