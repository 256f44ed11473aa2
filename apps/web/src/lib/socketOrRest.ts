import { SocketUnavailableError } from './socket';

/**
 * Over the socket with an ack, or over REST when the socket is down or the ack is late. Only
 * for requests safe to repeat (idempotent by id or clientMessageId): both may reach the server.
 */
export async function socketOrRest<T>(
  overSocket: () => Promise<T>,
  overRest: () => Promise<T>,
): Promise<T> {
  try {
    return await overSocket();
  } catch (error) {
    if (!(error instanceof SocketUnavailableError)) throw error;
    return overRest();
  }
}
