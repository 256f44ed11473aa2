import { randomUUID } from 'node:crypto';
import type { SearchHit, SearchPage } from '@mindsp/contracts';
import { type TestApp } from './app';
import {
  as,
  createGroup,
  send,
  type Person,
  demoSuite,
  SEND_FREELY,
  freshTenant,
} from './messaging';

describe('message search', () => {
  let t: TestApp, alice: Person, bob: Person, carol: Person;
  demoSuite(SEND_FREELY, (suite) => ({ t, alice, bob, carol } = suite));

  const search = async (who: Person, query: Record<string, string | number>) =>
    (await as(t, who).get('/api/search/messages').query(query).expect(200)).body as SearchPage;
  const bodies = async (who: Person, query: Record<string, string | number>) =>
    (await search(who, query)).items.map((hit) => hit.message.body);

  it('ignores accents and case, and marks the matched words with « »', async () => {
    const group = await createGroup(t, alice, [bob], 'Garde');
    const first = await send(t, alice, group.id, 'Réunion de garde demain à 8h');
    const second = await send(t, bob, group.id, 'La réunion est reportée');
    await send(t, bob, group.id, 'Planning du mois');

    for (const q of ['reunion', 'REUNION', 'réunion', 'Réunions']) {
      const hits = (await search(bob, { q, conversationId: group.id })).items;
      expect({ q, ids: hits.map((hit) => hit.message.id).sort() }).toEqual({
        q,
        ids: [first.id, second.id].sort(),
      });
    }
    const hits = (await search(alice, { q: 'reunion', conversationId: group.id })).items;
    const byId = new Map(hits.map((hit) => [hit.message.id, hit]));
    expect(byId.get(first.id)).toEqual<SearchHit>({
      // A hit is a preview: it leaves the reactions out (MessageView.reactions says so).
      message: { ...first, reactions: undefined },
      conversation: { id: group.id, title: 'Garde', kind: 'group', otherName: null },
      senderName: 'Alice Martin',
      highlight: '«Réunion» de garde demain à 8h',
    });
    // The whole body, matched word marked: nothing cut before or after it.
    expect(byId.get(second.id)!.highlight).toBe('La «réunion» est reportée');
    // A long body comes back as an excerpt around the match, still marked.
    const long = await send(
      t,
      alice,
      group.id,
      `${'Bilan de la semaine et consignes diverses. '.repeat(10)}La réunion de secteur aura lieu lundi. ${'Merci à tous. '.repeat(10)}`,
    );
    const excerpt = (await search(alice, { q: 'reunion secteur', conversationId: group.id }))
      .items[0]!;
    expect(excerpt.message.id).toBe(long.id);
    expect(excerpt.highlight).toContain('«réunion» de «secteur»');
    expect(excerpt.highlight.length).toBeLessThan(long.body.length);
    expect(
      (await search(alice, { q: 'garde demain', conversationId: group.id })).items.map(
        (hit) => hit.highlight,
      ),
    ).toEqual(['Réunion de «garde» «demain» à 8h']);
  });

  it('ranks a message where the word is denser above one where it is lost among others', async () => {
    const group = await createGroup(t, alice, [bob]);
    // Sent best first: newest-first ordering would give exactly the reverse.
    const twice = await send(
      t,
      alice,
      group.id,
      "Point incendie : l'incendie du secteur nord est maîtrisé",
    );
    const short = await send(t, alice, group.id, 'Incendie maîtrisé');
    const once = await send(
      t,
      alice,
      group.id,
      'Rapport de la journée avec un incendie signalé près de la caserne et du matériel à vérifier',
    );
    const ids = (await search(bob, { q: 'incendie', conversationId: group.id })).items.map(
      (hit) => hit.message.id,
    );
    expect(ids).toEqual([twice.id, short.id, once.id]);
  });

  it('searches only the caller’s conversations, or the one named', async () => {
    const withBob = await createGroup(t, alice, [bob]);
    const withCarol = await createGroup(t, alice, [carol]);
    const word = `caserne${Date.now().toString(36)}`;
    const a = await send(t, alice, withBob.id, `Rendez-vous ${word} nord`);
    const b = await send(t, alice, withCarol.id, `Rendez-vous ${word} sud`);
    const ids = async (who: Person, query: Record<string, string>) =>
      (await search(who, { q: word, ...query })).items.map((hit) => hit.message.id).sort();

    expect(await ids(alice, {})).toEqual([a.id, b.id].sort());
    expect(await ids(alice, { conversationId: withCarol.id })).toEqual([b.id]);
    expect(await ids(bob, {})).toEqual([a.id]);
    expect(await ids(carol, {})).toEqual([b.id]);
    expect(await ids(bob, { conversationId: withCarol.id })).toEqual([]);
  });

  describe('across all conversations, with filters', () => {
    const word = `citerne${Date.now().toString(36)}`;
    let direct: { id: string }, garde: { id: string }, secret: { id: string };
    let early: string, late: string, fromBob: string, inDirect: string;
    let dave: Person;

    beforeAll(async () => {
      direct = (
        await as(t, alice)
          .post('/api/conversations')
          .send({ kind: 'direct', memberIds: [bob.id] })
          .expect((res) => expect([200, 201]).toContain(res.status))
      ).body;
      garde = await createGroup(t, alice, [bob, carol], 'Garde du week-end');
      secret = await createGroup(t, bob, [carol], 'Sans Alice');
      early = (await send(t, alice, garde.id, `Plein de la ${word} samedi`)).id;
      fromBob = (await send(t, bob, garde.id, `La ${word} est pleine`)).id;
      inDirect = (await send(t, bob, direct.id, `Ta ${word} est prête`)).id;
      await send(t, bob, secret.id, `${word} réservée à Bob et Carol`);
      // Dated a day later than the others, as if sent tomorrow.
      late = (await send(t, carol, garde.id, `Vidange ${word} dimanche`)).id;
      await t.db.query(
        `UPDATE messages SET created_at = created_at + interval '1 day' WHERE id = $1`,
        [late],
      );
      // Another tenant, the same word: never found from demo.
      const [erin, frank] = await freshTenant(t, 'Erin Other', 'Frank Other');
      dave = erin!;
      const theirs = await createGroup(t, erin!, [frank!]);
      await send(t, erin!, theirs.id, `Leur ${word} à eux`);
    });

    const hitsOf = async (who: Person, query: Record<string, string> = {}) =>
      (await search(who, { q: word, ...query })).items;
    const idsOf = async (who: Person, query: Record<string, string> = {}) =>
      (await hitsOf(who, query)).map((hit) => hit.message.id).sort();

    it("finds the caller's messages in every conversation, named and with the sender", async () => {
      const hits = await hitsOf(alice);
      expect(hits.map((hit) => hit.message.id).sort()).toEqual(
        [early, fromBob, inDirect, late].sort(),
      );
      const inDirectHit = hits.find((hit) => hit.message.id === inDirect)!;
      expect(inDirectHit.conversation).toEqual({
        id: direct.id,
        title: null,
        kind: 'direct',
        otherName: 'Bob Durand',
      });
      expect(inDirectHit.senderName).toBe('Bob Durand');
      expect(inDirectHit.highlight).toContain(`«${word}»`);
      const groupHit = hits.find((hit) => hit.message.id === early)!;
      expect(groupHit.conversation).toMatchObject({ title: 'Garde du week-end', kind: 'group' });
    });

    it('filters by person, by conversation and by date, alone or together', async () => {
      expect(await idsOf(alice, { senderId: bob.id })).toEqual([fromBob, inDirect].sort());
      expect(await idsOf(alice, { conversationId: garde.id })).toEqual(
        [early, fromBob, late].sort(),
      );
      expect(await idsOf(alice, { conversationId: garde.id, senderId: bob.id })).toEqual([fromBob]);
      const tomorrow = new Date(Date.now() + 12 * 3600_000).toISOString();
      expect(await idsOf(alice, { since: tomorrow })).toEqual([late]);
      expect(await idsOf(alice, { until: tomorrow })).toEqual([early, fromBob, inDirect].sort());
      expect(
        await idsOf(alice, {
          since: new Date(Date.now() - 3600_000).toISOString(),
          until: tomorrow,
          senderId: alice.id,
        }),
      ).toEqual([early]);
    });

    it("never returns a non-member's or another tenant's messages, whatever the filters", async () => {
      // Alice is not in "Sans Alice": naming it, or its sender, finds nothing of it.
      expect(await idsOf(alice, { conversationId: secret.id })).toEqual([]);
      expect(await idsOf(alice, { senderId: bob.id })).not.toContain(secret.id);
      for (const hit of await hitsOf(alice)) expect(hit.conversation.id).not.toBe(secret.id);
      // The other tenant's person finds only their own, and nothing of demo by naming it.
      expect((await hitsOf(dave)).map((hit) => hit.message.body)).toEqual([`Leur ${word} à eux`]);
      expect(await idsOf(dave, { conversationId: garde.id })).toEqual([]);
      expect(await idsOf(dave, { senderId: bob.id })).toEqual([]);
      expect(await idsOf(alice, { senderId: dave.id })).toEqual([]);
    });

    it('finds only the messages with files when asked', async () => {
      const fileWord = `extincteur${word}`;
      const upload = await as(t, bob)
        .post(`/api/conversations/${garde.id}/attachments`)
        .attach('file', Buffer.from('Contrôle annuel des extincteurs\n'), {
          filename: 'controle.txt',
          contentType: 'text/plain',
        })
        .expect(201);
      const withFile = await as(t, bob)
        .post(`/api/conversations/${garde.id}/messages`)
        .send({
          body: `Rapport ${fileWord} joint`,
          clientMessageId: randomUUID(),
          attachmentIds: [upload.body.id],
        })
        .expect(201);
      const withoutFile = await send(t, bob, garde.id, `Rapport ${fileWord} à venir`);
      const found = async (query: Record<string, string>) =>
        (await search(alice, { q: fileWord, ...query })).items.map((hit) => hit.message.id).sort();
      expect(await found({})).toEqual([withFile.body.id, withoutFile.id].sort());
      expect(await found({ hasFile: 'true' })).toEqual([withFile.body.id]);
      expect(await found({ hasFile: 'false' })).toEqual([withFile.body.id, withoutFile.id].sort());
    });

    it('refuses a malformed filter with 400 naming it', async () => {
      for (const [query, field] of [
        [{ senderId: 'bob' }, 'senderId'],
        [{ since: 'hier' }, 'since'],
        [{ until: '2025-13-45' }, 'until'],
        [{ hasFile: 'maybe' }, 'hasFile'],
        // Forms IsISO8601 accepted but Date cannot read (each was a 500), impossible dates (Date
        // rolled them over to another day) and a time without its offset (the server's zone).
        [{ since: '2026-W01-1' }, 'since'],
        [{ until: '2026-W01' }, 'until'],
        [{ since: '2026001' }, 'since'],
        [{ until: '2026-001' }, 'until'],
        [{ since: '20260101T000000Z' }, 'since'],
        [{ since: '2026-02-30' }, 'since'],
        [{ until: '2026-02-29T10:00:00Z' }, 'until'],
        [{ since: '2026-01-01T24:00:00Z' }, 'since'],
        [{ since: '2026-12-31T23:59:60Z' }, 'since'],
        [{ until: '2026-01-01T10:00:00' }, 'until'],
        [{ until: '2026-01-01T10:00:00+15:00' }, 'until'],
        [{ since: '0099-01-01' }, 'since'],
        [{ since: '+002026-01-01' }, 'since'],
      ] as const) {
        const res = await as(t, alice)
          .get('/api/search/messages')
          .query({ q: word, ...query });
        expect({ query, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
          query,
          status: 400,
          fields: [field],
        });
      }
    });

    it('reads every RFC 3339 form of the same instant alike, and a date alone as its midnight UTC', async () => {
      const stamp = `horodate${Date.now().toString(36)}`;
      const sent = await send(t, alice, garde.id, `${stamp} du jour`);
      const at = new Date(sent.createdAt);
      const hour = new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
      const iso = hour.toISOString().slice(0, 19);
      const inParis = new Date(hour.getTime() + 3_600_000).toISOString().slice(0, 19);
      const found = async (since: string) =>
        (await search(alice, { q: stamp, since })).items.some((hit) => hit.message.id === sent.id);
      for (const since of [
        `${iso}Z`,
        `${iso}.000Z`,
        `${iso}.000000+00:00`,
        `${iso.replace('T', ' ')}+00`,
        `${inParis}+01:00`,
        `${iso.slice(0, 16)}Z`,
        iso.slice(0, 10),
      ]) {
        expect({ since, found: await found(since) }).toEqual({ since, found: true });
      }
      const later = new Date(at.getTime() + 1000).toISOString();
      expect(await found(later)).toBe(false);
    });
  });

  it('answers SQL and LIKE metacharacters with 200 and no unintended hits', async () => {
    const group = await createGroup(t, alice, [bob]);
    for (const body of [
      '100% prêt',
      'code_radio alpha',
      'chemin C:\\temp\\rapport',
      "l'équipe 2 part à 14h",
      'tout va bien',
    ]) {
      await send(t, alice, group.id, body);
    }
    const [before] = await t.db.query(`SELECT count(*)::int AS n FROM messages`);
    for (const q of [
      "' OR 1=1--",
      "'; DROP TABLE messages; --",
      '%',
      '_',
      '\\',
      '%%',
      '" OR ""="',
      '*',
      ':*',
      '!',
      '(',
      'a & b | !c',
      "') OR ('1'='1",
    ]) {
      const res = await as(t, bob)
        .get('/api/search/messages')
        .query({ q, conversationId: group.id });
      expect({ q, status: res.status, items: res.body.items }).toEqual({
        q,
        status: 200,
        items: [],
      });
    }
    const [after] = await t.db.query(`SELECT count(*)::int AS n FROM messages`);
    expect(after.n).toBe(before.n);
    // The words themselves are still found.
    expect(await bodies(bob, { q: 'radio', conversationId: group.id })).toEqual([
      'code_radio alpha',
    ]);
    expect(await bodies(bob, { q: 'prêt', conversationId: group.id })).toEqual(['100% prêt']);
  });

  it('does not find a deleted message, and finds an edited one by its new words only', async () => {
    const group = await createGroup(t, alice, [bob]);
    const gone = await send(t, alice, group.id, 'Exercice évacuation vendredi');
    const edited = await send(t, alice, group.id, 'Exercice incendie samedi');
    await as(t, alice).delete(`/api/conversations/${group.id}/messages/${gone.id}`).expect(200);
    await as(t, alice)
      .patch(`/api/conversations/${group.id}/messages/${edited.id}`)
      .send({ body: 'Exercice secours dimanche' })
      .expect(200);

    expect(await bodies(bob, { q: 'evacuation', conversationId: group.id })).toEqual([]);
    expect(await bodies(bob, { q: 'samedi', conversationId: group.id })).toEqual([]);
    expect(await bodies(bob, { q: 'dimanche', conversationId: group.id })).toEqual([
      'Exercice secours dimanche',
    ]);
    expect(await bodies(bob, { q: 'exercice', conversationId: group.id })).toEqual([
      'Exercice secours dimanche',
    ]);
  });

  it('pages with a cursor', async () => {
    const group = await createGroup(t, alice, [bob]);
    for (const body of ['alerte un', 'alerte deux', 'alerte trois'])
      await send(t, alice, group.id, body);
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await search(bob, {
        q: 'alerte',
        conversationId: group.id,
        limit: 2,
        ...(cursor ? { cursor } : {}),
      });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((hit) => hit.message.body));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['alerte deux', 'alerte trois', 'alerte un']);
  });

  it('refuses bad queries with 400 naming the field', async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{}, 'q'],
      [{ q: '' }, 'q'],
      [{ q: 'x'.repeat(201) }, 'q'],
      [{ q: 'alerte', conversationId: 'general' }, 'conversationId'],
      [{ q: 'alerte', limit: 0 }, 'limit'],
      [{ q: 'alerte', cursor: 'not-a-cursor' }, 'cursor'],
      [{ q: 'alerte', cursor: Buffer.from('[-1]').toString('base64url') }, 'cursor'],
      [{ q: 'alerte', cursor: Buffer.from('[1.5]').toString('base64url') }, 'cursor'],
      [{ q: 'a\u0000b' }, 'q'],
      // A search's cost grows with its words: a few are enough for a search box.
      [{ q: Array.from({ length: 13 }, (_, i) => `mot${i}`).join(' or ') }, 'q'],
      [{ q: `alerte ${'x'.repeat(41)}` }, 'q'],
    ];
    for (const [query, field] of cases) {
      const res = await as(t, bob).get('/api/search/messages').query(query);
      expect({ query, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
        query,
        status: 400,
        fields: [field],
      });
    }
  });
});
