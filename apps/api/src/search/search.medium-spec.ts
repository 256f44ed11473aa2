import { randomUUID } from 'node:crypto';
import type { AuthenticatedUser } from '../common/authenticated-user';
import { mediumSuite, seedTenant } from '../../test/medium/medium';
import { ConversationsModule } from '../conversations/conversations.module';
import { ConversationsService } from '../conversations/conversations.service';
import { MessagesService } from '../conversations/messages.service';
import { SearchModule } from './search.module';
import { SearchService } from './search.service';

/** Search finds words in the caller's own conversations only. */
describe('search service (medium)', () => {
  const suite = mediumSuite([ConversationsModule, SearchModule]);
  let alice: AuthenticatedUser, bob: AuthenticatedUser, carol: AuthenticatedUser;
  let dave: AuthenticatedUser, erin: AuthenticatedUser;
  const word = `zorglub${randomUUID().slice(0, 6)}`;
  let mine: string, notMine: string, otherTenant: string;

  const search = (who: AuthenticatedUser, q: string, conversationId?: string) =>
    suite().get(SearchService).search(who, { q, conversationId });

  beforeAll(async () => {
    [alice, bob, carol] = await seedTenant(suite().owner, 'Alice', 'Bob', 'Carol');
    [dave, erin] = await seedTenant(suite().owner, 'Dave', 'Erin');
    const conversations = suite().get(ConversationsService);
    const messages = suite().get(MessagesService);
    const open = async (a: AuthenticatedUser, b: AuthenticatedUser, body: string) => {
      const { view } = await conversations.create(a, { kind: 'direct', memberIds: [b.id] });
      await messages.send(a, view.id, { body, clientMessageId: randomUUID() });
      return view.id;
    };
    mine = await open(alice, bob, `Réunion ${word} à 18h`);
    notMine = await open(bob, carol, `Secret ${word} entre Bob et Carol`);
    otherTenant = await open(dave, erin, `Autre service ${word}`);
  });

  it("finds a word in the caller's conversations, ignoring accents", async () => {
    const page = await search(alice, `reunion ${word}`);
    expect(page.items.map((hit) => hit.conversation.id)).toEqual([mine]);
  });

  it('never returns a conversation the caller is not in, of their tenant or another', async () => {
    const ids = (await search(alice, word)).items.map((hit) => hit.conversation.id);
    expect(ids).toEqual([mine]);
    expect(ids).not.toContain(notMine);
    expect(ids).not.toContain(otherTenant);
    expect((await search(alice, word, notMine)).items).toEqual([]);
    expect((await search(alice, word, otherTenant)).items).toEqual([]);
    expect((await search(dave, word)).items.map((hit) => hit.conversation.id)).toEqual([
      otherTenant,
    ]);
  });
});
