#!/usr/bin/env bash
# Every test, from a fresh clone: install, reach the services, then lint, typecheck, unit tests,
# the compose file and `pnpm start` itself, API end-to-end tests (real PostgreSQL and Redis, a
# database created for the run) and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

ensure_pnpm
install_dependencies
ensure_services
ensure_chromium
ensure_haproxy
ensure_pgbouncer
ensure_docker_compose

say "Lint, typecheck, unit tests"
pnpm prettier --check . --log-level warn
pnpm nx run-many -t lint typecheck test --outputStyle=static
say "docker/compose.yaml as the README uses it; pnpm start's messages and Ctrl+C"
bash scripts/check-compose.sh
bash scripts/check-start.sh
say "Builds, and service tests on PostgreSQL (medium)"
pnpm nx run-many -t build medium --outputStyle=static
say "The SPA's REST types match the API's OpenAPI document (regenerate: pnpm nx run web:api-client)"
pnpm nx run web:api-client-check --outputStyle=static

# End to end. The API's suites and the browser's each spend most of their time waiting (for events,
# timers, a page) and share nothing (each has its own database, Redis db and port), so they run side
# by side: one after the other they took 18 of CI's 20 minutes. The suites that load both cores on
# their own (1,000 sockets at once, a 5,000-member group, floods, fuzzing) run after, alone: beside
# Chromium, the connection storm missed its bound.
heavy=(presence-storm group-members limits fuzz search-flood)
browser_log=$(mktemp)
say "End-to-end: API suites (all but ${heavy[*]}) and browser tests side by side"
(cd apps/web && pnpm exec vitest run --config vitest.e2e.config.ts >"$browser_log" 2>&1) &
browser=$!
api_status=0
(cd apps/api && pnpm exec jest --config jest.config.js --selectProjects e2e --runInBand \
  --testPathIgnorePatterns "${heavy[@]/%/.e2e-spec.ts}") || api_status=$?
browser_status=0
wait "$browser" || browser_status=$?
say "Browser tests (exit $browser_status)"
cat "$browser_log"
rm -f "$browser_log"
[ "$api_status" = 0 ] || { echo "API end-to-end tests failed (exit $api_status)" >&2; exit 1; }
[ "$browser_status" = 0 ] || { echo "Browser tests failed (exit $browser_status)" >&2; exit 1; }
say "End-to-end: the heaviest API suites, alone"
(cd apps/api && pnpm exec jest --config jest.config.js --selectProjects e2e --runInBand \
  "${heavy[@]/%/.e2e-spec.ts}")
say "All tests passed"
