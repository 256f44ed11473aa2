#!/usr/bin/env bash
# Evidence that no end-to-end file leans on another: runs each file in a test run of its own (its
# own database, nothing run before it) and prints PASS or FAIL per file with its duration, then a
# summary. Not part of `pnpm test` (it takes several times longer).
#   api: TEST_REDIS_URL=redis://localhost:6379/<db> bash scripts/each-alone.sh api [file ...]
#   web: WEB_E2E_REDIS_URL=redis://localhost:6379/<db> WEB_E2E_PORT=<port> \
#        bash scripts/each-alone.sh web [file ...]     (browser files, in reverse order)
# Needs `pnpm nx run-many -t build -p api web` first (some files start the API as a process; the
# browser tests serve the built SPA).
set -uo pipefail
cd "$(dirname "$0")/.."
suite=${1:?say api or web}
shift
case "$suite" in
  api)
    : "${TEST_REDIS_URL:?set TEST_REDIS_URL to a Redis db of your own}"
    dir=apps/api
    mapfile -t all < <(cd "$dir" && ls test/*.e2e-spec.ts)
    run() { pnpm exec jest --config jest.config.js --selectProjects e2e --runInBand "$1"; }
    ;;
  web)
    : "${WEB_E2E_REDIS_URL:?set WEB_E2E_REDIS_URL to a Redis db of your own}"
    : "${WEB_E2E_PORT:?set WEB_E2E_PORT to a port of your own}"
    dir=apps/web
    mapfile -t all < <(cd "$dir" && ls -r e2e/*.e2e.ts)
    run() { pnpm exec vitest run --config vitest.e2e.config.ts "$1"; }
    ;;
  *)
    echo "say api or web, not $suite" >&2
    exit 2
    ;;
esac
if [ "$#" -gt 0 ]; then files=("$@"); else files=("${all[@]}"); fi
logs=$(mktemp -d)
failed=()
cd "$dir"
for file in "${files[@]}"; do
  name=$(basename "$file")
  started=$(date +%s)
  if run "$file" >"$logs/$name.log" 2>&1; then
    status=PASS
  else
    status=FAIL
    failed+=("$name")
  fi
  printf '%s %-36s %4ss\n' "$status" "$name" "$(($(date +%s) - started))"
done
echo "${#files[@]} files, ${#failed[@]} failed${failed[*]:+: ${failed[*]}} (logs in $logs)"
[ "${#failed[@]}" = 0 ]
