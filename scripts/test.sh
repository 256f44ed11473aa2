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
ensure_docker_compose

say "Lint, typecheck, unit tests"
pnpm prettier --check . --log-level warn
pnpm nx run-many -t lint typecheck test --outputStyle=static
say "docker/compose.yaml as the README uses it; pnpm start's messages and Ctrl+C"
bash scripts/check-compose.sh
bash scripts/check-start.sh
say "Service tests on PostgreSQL (medium), end-to-end tests (API and browser side by side)"
# Two at a time: the API's suites and the browser's each spend most of their time waiting (for
# events, timers, a page), and they share nothing (each has its own database, Redis db and port).
# One after the other took 18 of CI's 20 minutes.
pnpm nx run-many -t medium e2e --parallel=2 --outputStyle=static
say "All tests passed"
