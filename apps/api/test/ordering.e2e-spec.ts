import { randomUUID } from 'node:crypto';
import type { TestApp } from './app';
import { createGroup, demoSuite, SEND_IN_BURSTS, socketOf, type Person } from './messaging';

const SENDERS = 8;
const PER_SENDER = 100;
const TOTAL = SENDERS * PER_SENDER;

describe('live events of a conversation arrive in seq order', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_IN_BURSTS, (suite) => ({ t, alice, bob, carol } = suite));

  it(`${SENDERS} senders in flight, ${TOTAL} messages: a receiver sees seqs 1..${TOTAL} in order, no gap`, async () => {
    const group = await createGroup(t, alice, [bob, carol]);
    const receiver = await socketOf(t, carol);
    const people = [alice, bob, alice, bob, alice, bob, alice, bob];
    const senders = await Promise.all(people.map((who) => socketOf(t, who)));

    // Each sender sends its next message as soon as the last one is acknowledged: 8 always in flight.
    await Promise.all(
      senders.map(async (socket, s) => {
        for (let i = 1; i <= PER_SENDER; i++) {
          await socket.ok('message:send', {
            conversationId: group.id,
            clientMessageId: randomUUID(),
            body: `sender ${s} message ${i}`,
          });
        }
      }),
    );

    const seqs = (
      await receiver.waitForCount(
        'message:new',
        TOTAL,
        (m) => m.conversationId === group.id,
        60_000,
      )
    ).map((m) => m.seq);
    const outOfOrder = seqs.filter((seq, i) => seq !== i + 1);
    expect({ outOfOrder: outOfOrder.length, first: outOfOrder.slice(0, 5) }).toEqual({
      outOfOrder: 0,
      first: [],
    });
    expect(seqs).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    // A cursor taken from the newest seq held is then the gap-free one.
    await receiver.settle();
    expect(receiver.all('message:new', (m) => m.conversationId === group.id)).toHaveLength(TOTAL);
  }, 120_000);
});
