#!/usr/bin/env bash
# What `pnpm start` shows a user, checked: a PostgreSQL that does not answer is named within 15 s,
# and Ctrl+C (SIGINT to the whole foreground process group, as a terminal sends it) stops the API
# and the worker and exits 0, without pnpm's "ELIFECYCLE Command failed". Runs on its own port,
# database and Redis db, so it collides with nothing (START_CHECK_PORT, default 3300).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib.sh

port=${START_CHECK_PORT:-3300}
out=$(mktemp -d)
with_path() { node -p 'const u = new URL(process.argv[1]); u.pathname = process.argv[2]; u.href' "$1" "$2"; }
database_url=$(with_path "$(pg_url)" /mindsp_start_check)
redis_db_url=$(with_path "$(redis_url)" /13)
export JWT_SECRET=${JWT_SECRET:-start-check-secret-of-at-least-32-characters}

fail() {
  echo "pnpm start: $*" >&2
  echo "--- its output ---" >&2
  cat "$out/start.log" >&2 || true
  exit 1
}
drop_database() {
  (cd apps/api && node -e '
    const { Client } = require("pg");
    const url = new URL(process.argv[1]);
    url.pathname = "/postgres";
    const client = new Client({ connectionString: url.href });
    client.connect()
      .then(() => client.query("DROP DATABASE IF EXISTS mindsp_start_check WITH (FORCE)"))
      .finally(() => client.end());' "$database_url") || true
}
trap 'drop_database; rm -rf "$out"' EXIT

say "pnpm start with PostgreSQL unreachable"
began=$(date +%s.%N)
status=0
DATABASE_URL=postgres://postgres@127.0.0.1:1/mindsp PORT=$port pnpm start >"$out/start.log" 2>&1 || status=$?
elapsed=$(node -p "($(date +%s.%N) - $began).toFixed(1)")
[ "$status" != 0 ] || fail "exited 0 with PostgreSQL unreachable"
grep -q 'PostgreSQL does not answer at postgres://postgres@127.0.0.1:1/mindsp' "$out/start.log" ||
  fail "did not name PostgreSQL and where it looked"
echo "named the unreachable PostgreSQL after ${elapsed} s (exit $status)"
node -e 'process.exit(Number(process.argv[1]) < 15 ? 0 : 1)' "$elapsed" || fail "took ${elapsed} s, more than 15 s"

say "pnpm start, then Ctrl+C"
DATABASE_URL=$database_url REDIS_URL=$redis_db_url PORT=$port setsid pnpm start >"$out/start.log" 2>&1 &
leader=$!
for _ in $(seq 1 600); do
  grep -q 'is running at' "$out/start.log" && break
  kill -0 "$leader" 2>/dev/null || fail "stopped before it was running"
  sleep 0.5
done
grep -q 'is running at' "$out/start.log" || { kill -TERM -- "-$leader"; fail "not running after 300 s"; }
curl -fs "http://localhost:$port/api/health" >/dev/null || fail "says it is running but /api/health does not answer"
# What a newcomer reads first is the URL and the logins, not Nest's route mapping.
! grep -q 'Mapped {' "$out/start.log" || fail "printed Nest's route mapping before its banner"
before_banner=$(sed -n '/is running at/q;p' "$out/start.log" | wc -l)
[ "$before_banner" -le 20 ] || fail "printed $before_banner lines before its banner (20 at most)"
echo "the banner came after $before_banner lines"

kill -INT -- "-$leader"
status=0
wait "$leader" || status=$?
[ "$status" = 0 ] || fail "Ctrl+C made it exit $status, not 0"
! grep -q 'ELIFECYCLE' "$out/start.log" || fail "Ctrl+C printed pnpm's ELIFECYCLE"
! grep -q 'Ignored build scripts' "$out/start.log" || fail "pnpm warned about ignored build scripts"
for _ in $(seq 1 20); do kill -0 -- "-$leader" 2>/dev/null || break; sleep 0.5; done
! kill -0 -- "-$leader" 2>/dev/null || fail "the API or the worker is still running after Ctrl+C"
! curl -fs "http://localhost:$port/api/health" >/dev/null 2>&1 || fail "the API still answers after Ctrl+C"
echo "Ctrl+C stopped the API and the worker; exit 0, no ELIFECYCLE. Its last lines:"
tail -n 4 "$out/start.log"
