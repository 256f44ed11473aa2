import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { APP_ROLE } from '../database/migrations/1733000000000-tenant-wall';
import { TenantDatabase } from '../database/tenant-database';
import { mediumSuite, seedTenant } from '../../test/medium/medium';
import { ConversationMembersRepository } from './conversation-members.repository';
import { ConversationsModule } from './conversations.module';
import { ConversationsRepository } from './conversations.repository';
import { ConversationsService } from './conversations.service';
import { MessageSearchRepository } from './message-search.repository';
import { MessagesRepository } from './messages.repository';
import { MessagesService } from './messages.service';

/**
 * The second wall stands alone: the repositories are called directly, under tenant A's
 * transaction, with tenant B's ids and with B's tenant id where a method filters on one (the
 * application's own tenant check deliberately defeated). Row-level security still returns nothing
 * of B's and changes nothing of B's. The suite runs as the app role, as the API does.
 */
describe('tenant wall under the repositories (medium)', () => {
  const suite = mediumSuite([ConversationsModule]);
  let alice: AuthenticatedUser, bob: AuthenticatedUser;
  let dave: AuthenticatedUser, erin: AuthenticatedUser;
  const word = `zorglub${randomUUID().slice(0, 6)}`;
  let ofB: string;

  /** A unit of work of tenant A. */
  const asA = <T>(work: Parameters<TenantDatabase['transaction']>[1]) =>
    suite().get(TenantDatabase).transaction(alice.tenantId, work) as Promise<T>;

  beforeAll(async () => {
    [alice, bob] = await seedTenant(suite().owner, 'Alice', 'Bob');
    [dave, erin] = await seedTenant(suite().owner, 'Dave', 'Erin');
    const { view } = await suite()
      .get(ConversationsService)
      .create(dave, { kind: 'group', title: `Garde ${word}`, memberIds: [erin.id] });
    ofB = view.id;
    await suite()
      .get(MessagesService)
      .send(dave, ofB, { body: `Secret ${word}`, clientMessageId: randomUUID() });
  });

  it("reads none of another tenant's conversations, members, messages or search hits", async () => {
    const conversations = suite().get(ConversationsRepository);
    const members = suite().get(ConversationMembersRepository);
    const messages = suite().get(MessagesRepository);
    const searches = suite().get(MessageSearchRepository);
    const b = { userId: dave.id, tenantId: dave.tenantId };
    const searchOfB = (conversationId: string | null) =>
      ({ text: word, ...b, conversationId, limit: 10, offset: 0 }) as const;
    const seen = await asA(async (tx) => ({
      view: await conversations.viewRows(tx, [ofB]),
      forMember: await conversations.findForMember(tx, { conversationId: ofB, ...b }),
      changeCounters: await conversations.changeCounters(tx, { ids: [ofB], ...b }),
      list: await conversations.list(tx, { ...b, limit: 10 }),
      roomsOfDave: await members.conversationIdsOf(tx, dave.id),
      page: await messages.page(tx, ofB, {}, 10),
      catchUp: await messages.page(tx, ofB, { after: 0 }, 10),
      hits: await searches.search(tx, searchOfB(null)),
      hitsInB: await searches.search(tx, searchOfB(ofB)),
    }));
    expect(seen).toEqual({
      view: { conversations: [], people: [], lastMessages: [] },
      forMember: null,
      changeCounters: [],
      list: [],
      roomsOfDave: [],
      page: [],
      catchUp: [],
      hits: [],
      hitsInB: [],
    });
    // The same calls under B's own transaction do find them: the wall, not the query, said no.
    const own = await suite()
      .get(TenantDatabase)
      .transaction(dave.tenantId, async (tx) => ({
        page: await messages.page(tx, ofB, {}, 10),
        hits: await searches.search(tx, searchOfB(null)),
      }));
    expect(own.page).toHaveLength(1);
    expect(own.hits.map((hit) => hit.message.conversationId)).toEqual([ofB]);
    // As the API runs: the app role, which the wall holds (the tables' owner here would bypass it).
    expect(await asA((tx) => tx.query(`SELECT current_user AS role`))).toEqual([
      { role: APP_ROLE },
    ]);
  });

  it("changes none of another tenant's rows", async () => {
    const conversations = suite().get(ConversationsRepository);
    const members = suite().get(ConversationMembersRepository);
    const messages = suite().get(MessagesRepository);
    const [message] = await suite().owner.query(
      `SELECT id FROM messages WHERE conversation_id = $1`,
      [ofB],
    );
    const before = await stateOf(ofB);
    const changed = await asA(async (tx) => ({
      sent: await messages.send(tx, {
        conversationId: ofB,
        tenantId: dave.tenantId,
        senderId: dave.id,
        clientMessageId: 'c0ffee00-0000-4000-8000-000000000001',
        body: 'Intrusion',
        replyToId: null,
      }),
      edited: await messages.edit(tx, {
        messageId: message.id,
        conversationId: ofB,
        senderId: dave.id,
        body: 'Pris par un autre service',
        changeSeq: 99,
      }),
      erased: await messages.erase(tx, {
        messageId: message.id,
        conversationId: ofB,
        userId: dave.id,
        asAdmin: true,
        changeSeq: 99,
      }),
      read: await members.moveReadWatermark(tx, {
        conversationId: ofB,
        userId: erin.id,
        tenantId: dave.tenantId,
        seq: 1,
      }),
      left: await members.moveToFormerMembers(tx, {
        conversationId: ofB,
        userId: erin.id,
        leftAtSeq: 1,
      }),
    }));
    expect(changed).toEqual({
      sent: { missing: 'conversation' },
      edited: null,
      erased: null,
      read: null,
      left: false,
    });
    // Nor can A put a row into B's conversation: its tenant comes from a parent A cannot see.
    await expect(
      asA((tx) => members.addMembers(tx, { conversationId: ofB, userIds: [bob.id], lastSeq: 0 })),
    ).rejects.toThrow();
    await expect(asA((tx) => conversations.rename(tx, ofB, 'Volé'))).resolves.toBeUndefined();
    expect(await stateOf(ofB)).toEqual(before);
  });

  /** B's conversation as its owner sees it: the conversation, members and messages rows. */
  async function stateOf(conversationId: string) {
    const owner = suite().owner;
    return {
      conversation: await owner.query(`SELECT * FROM conversations WHERE id = $1`, [
        conversationId,
      ]),
      members: await owner.query(
        `SELECT * FROM conversation_members WHERE conversation_id = $1 ORDER BY user_id`,
        [conversationId],
      ),
      formerMembers: await owner.query(
        `SELECT * FROM conversation_former_members WHERE conversation_id = $1`,
        [conversationId],
      ),
      messages: await owner.query(`SELECT * FROM messages WHERE conversation_id = $1`, [
        conversationId,
      ]),
    };
  }
});
