/**
 * What the profiles showed for each scenario whose target this machine misses, and what would move
 * it: the report prints the entry of every scenario with a MISS. Written from the profiling (see
 * bench/README.md: BENCH_ONLY, BENCH_PROFILE, BENCH_TIMELINE); keep it true when the product or the
 * figures change.
 */
export const MISSES: Record<string, string> = {
  admission:
    'Each handshake verifies the access token, checks the session, claims a socket slot, reads its ' +
    'rooms from the Redis cache and records presence: about 2 ms of the API process, whose one ' +
    'event loop is the limit. Would move it: one Lua script for slot and presence (one Redis round ' +
    'trip instead of three), and a second API instance (`pnpm cluster`).',
  latency:
    'p50 is a few ms: the p99 is set by stalls of 100-500 ms every few seconds (BENCH_TIMELINE), ' +
    'on a machine the product, PostgreSQL and the load client keep about two-thirds busy at 200 ' +
    'msg/s (API about half a core, PostgreSQL 40%). Per message the API makes three PostgreSQL ' +
    'round trips (START with the tenant, the send statement, COMMIT), each costing ~0.15 ms of CPU ' +
    'on each side here, plus the limiters and the notification presence check in Redis. Found and ' +
    'removed: the per-message notification job (p50 1.5 s → 6 ms), the heartbeat that refreshed ' +
    'every socket in one pipeline, the pool closing idle connections. Would move it: the send in ' +
    'one round trip (a SQL function in autocommit, events ordered by seq instead of by lock turn) ' +
    'and an API instance per core.',
  throughput:
    'The send holds its conversation row lock for the statement and the COMMIT: with 20 groups the ' +
    'ladder meets the same per-conversation ceiling as P0. Would move it: the send in one round trip.',
  'fan-out':
    'T0 itself needs about 300 ms to reach the last of 5,000 sockets: one load-client process ' +
    'receives every copy on a 2-core machine that also runs the server, so 250 ms is below what ' +
    'this client can measure here. The product stays within about 1.0-1.5× T0 over the runs. Would move it: ' +
    'receivers spread over several client processes (or machines).',
  'reconnect storm':
    "socket.io-client's backoff (1 s doubling to 5 s, ±50%) brings clients back 0-7.5 s after the " +
    'API answers; the restarted API must then admit 2,000 sockets and answer 2,000 syncs while ' +
    'traffic goes on, in what is left of the 10 s. Found and removed: a notification for every ' +
    'member cut off during the outage (now MESSAGE_NOTIFY_DELAY later, after most are back), ' +
    "sync's per-conversation queries, connect timeouts of 20 s. Would move it: a second instance " +
    'to share the handshakes, and sync pages in one query.',
  memory:
    'What a connection holds beyond Socket.IO: its rooms (tenant, user, session, conversations), ' +
    'its limiter counters and handshake data. Would move it: fewer per-socket rooms.',
  jobs:
    'Each deliver job writes a notification, claims an email and queues it; the email job then ' +
    'renders and writes it (here to a file), all in the one worker process, which the profile ' +
    'shows busy (socket and file writes about 30%, TypeORM 7%, nodemailer 5%). The deliveries ' +
    'that run at the same moment now share one transaction (215 → 317-328 jobs/s); more ' +
    'concurrency does not help (354 at 32). Q0 does none of this work. Would move it: more worker ' +
    'processes (WORKERS), which share the queue, and the email rendering off the delivery worker.',
};
