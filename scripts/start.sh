#!/usr/bin/env bash
# Runs the product from a fresh clone: install, build, migrate, seed the demo data into an empty
# database, then the API (which serves the SPA on the same origin) and one queue worker.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_pnpm
install_dependencies
ensure_services || exit 1

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

say "Building"
pnpm nx run-many -t build -p contracts api web --outputStyle=static >/dev/null
say "Migrating and seeding"
node apps/api/dist/cli.js prepare

node apps/api/dist/main.js &
api=$!
node apps/api/dist/worker.js &
worker=$!
trap 'kill $api $worker 2>/dev/null; wait' INT TERM EXIT

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
