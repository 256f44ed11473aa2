import { connect } from 'node:net';

/** What node-postgres's Client knows of its server session (set at connect, untyped in @types/pg). */
export interface ServerSession {
  host: string;
  port: number;
  processID: number | null;
  secretKey: number | null;
}

/** The protocol's CancelRequest code (PostgreSQL frontend/backend protocol, "CancelRequest"). */
const CANCEL_REQUEST_CODE = 80877102;

/**
 * Asks PostgreSQL to cancel whatever statement `session` is running, as psql does on Ctrl-C: a
 * CancelRequest on a connection of its own, authenticated by the session's secret key. The app
 * role could not `pg_cancel_backend` a session whose login is another role, and a client that
 * merely drops its socket leaves the statement running until it tries to send its rows.
 * Best effort: a request the server never gets leaves the statement to its statement_timeout.
 */
export function cancelStatement(session: ServerSession): Promise<void> {
  const { processID, secretKey } = session;
  if (processID === null || secretKey === null) return Promise.resolve();
  const message = Buffer.alloc(16);
  message.writeInt32BE(16, 0);
  message.writeInt32BE(CANCEL_REQUEST_CODE, 4);
  message.writeInt32BE(processID, 8);
  message.writeInt32BE(secretKey, 12);
  return new Promise((resolve) => {
    const socket = session.host.startsWith('/')
      ? connect(`${session.host}/.s.PGSQL.${session.port}`)
      : connect(session.port, session.host);
    socket.once('connect', () => socket.end(message));
    // The server closes the connection once it has read the request.
    socket.once('close', () => resolve());
    socket.once('error', () => resolve());
    socket.setTimeout(5_000, () => socket.destroy());
  });
}
