import type { Ack } from '@mindsp/contracts';
import type { TestSocket } from './sockets';

/** Ack ids of our own, far from the ones socket.io-client hands out. */
let nextAckId = 1_000_000;

/**
 * Emits `event` with a payload given as JSON text and resolves with the server's ack. For payloads
 * socket.io-client cannot send itself: it walks them recursively (20,000 levels overflow its stack).
 */
export function emitJson(
  client: TestSocket,
  event: string,
  payloadJson: string,
): Promise<Ack<unknown>> {
  const id = nextAckId++;
  const engine = client.socket.io.engine;
  const ackPrefix = `3${id}[`; // socket.io ACK packet, inside an engine.io message
  return new Promise((resolve, reject) => {
    const onPacket = (packet: { type: string; data?: unknown }) => {
      if (typeof packet.data !== 'string' || !packet.data.startsWith(ackPrefix)) return;
      done();
      resolve(JSON.parse(packet.data.slice(ackPrefix.length - 1))[0]);
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`${event}: no ack within 5000 ms`));
    }, 5000);
    const done = () => {
      clearTimeout(timer);
      engine.off('packet', onPacket);
    };
    engine.on('packet', onPacket);
    // A socket.io EVENT packet with an ack id, default namespace: 2<id>["event",payload]
    engine.write(`2${id}[${JSON.stringify(event)},${payloadJson}]`);
  });
}

/** `{"a":{"a":...1...}}`, `depth` levels, written as text (building it as an object is the problem). */
export function nestedJson(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}
