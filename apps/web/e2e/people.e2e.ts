import { describe, expect, it } from 'vitest';
import { callApi, createGroup, sendThroughApi, unique } from './api';
import { signIn } from './browser';
import {
  ALICE,
  BOB,
  CAROL,
  inView,
  openConversation,
  peopleSideBySide,
  storedMessage,
} from './messaging';
import { expectAccessible } from './accessibility';

describe('people and search across conversations', () => {
  const { signedIn, accountOf } = peopleSideBySide();

  it('finds a word in all conversations, filtered by person, and opens the conversation there', async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const word = `motopompe${unique()}`;
    const first = await createGroup(alice.page, `Matériel ${unique()}`, ['Bob Durand']);
    const second = await createGroup(alice.page, `Inventaire ${unique()}`, ['Bob Durand']);
    await sendThroughApi(alice.page, first, `La ${word} est révisée`);
    for (let n = 1; n <= 30; n++) await sendThroughApi(bob.page, second, `Ligne ${n}`);
    const target = await sendThroughApi(bob.page, second, `Bob a vérifié la ${word} hier`);
    for (let n = 31; n <= 60; n++) await sendThroughApi(bob.page, second, `Ligne ${n}`);

    await alice.page.goto('/messages');
    await alice.page.getByTestId('global-search-toggle').click();
    await alice.page.getByTestId('global-search-input').fill(word);
    const hits = alice.page.getByTestId('global-search-hit');
    await expect.poll(() => hits.count()).toBe(2);

    await alice.page.getByTestId('global-search-from').selectOption({ label: 'Bob Durand' });
    await expect.poll(() => hits.count()).toBe(1);
    expect(await hits.getByTestId('global-search-hit-sender').textContent()).toBe('Bob Durand');
    expect(await hits.getByTestId('global-search-hit-conversation').textContent()).toMatch(
      /^Inventaire /,
    );
    expect(await hits.locator('mark').textContent()).toBe(word);
    await expectAccessible(alice.page, 'the search across conversations');

    await hits.click();
    await alice.page.waitForURL(`**/messages/${second}?seq=${target.seq}`);
    const message = storedMessage(alice.page, `Bob a vérifié la ${word} hier`);
    await message.waitFor();
    await expect.poll(() => inView(alice.page, message)).toBe(true);
  });

  it("shows a sender's profile with the status they set for themselves", async () => {
    const alice = await signedIn(ALICE);
    const bob = await signedIn(BOB);
    const status = `De garde ${unique()}`;
    await bob.page.getByTestId('current-user').getByTestId('profile-trigger').click();
    await bob.page.getByTestId('profile-edit').click();
    await bob.page.getByTestId('profile-status-text').fill(status);
    await bob.page.getByTestId('profile-save').click();
    await bob.page.getByTestId('profile-status').filter({ hasText: status }).waitFor();

    const id = await createGroup(alice.page, `Profil ${unique()}`, ['Bob Durand']);
    await sendThroughApi(bob.page, id, 'Présent');
    await openConversation(alice.page, id);
    await storedMessage(alice.page, 'Présent').getByTestId('profile-trigger').click();
    const card = alice.page.getByTestId('profile-card');
    await card.waitFor();
    expect(await card.getByTestId('profile-name').textContent()).toBe('Bob Durand');
    expect(await card.getByTestId('profile-role').textContent()).toBe('Membre');
    expect(await card.getByTestId('profile-status').textContent()).toBe(status);
    expect(await card.getByTestId('profile-presence').textContent()).toBe('En ligne');
    await expectAccessible(alice.page, 'a profile card');
  });

  it('lets an admin find a person by name, in a search box labelled for people', async () => {
    const alice = await signedIn(ALICE);
    await alice.page.goto('/admin/people');
    const rows = alice.page.getByTestId('person-row');
    await rows.filter({ hasText: 'Bob Durand' }).waitFor();

    await alice.page.getByRole('searchbox', { name: 'Rechercher une personne' }).fill('Carol');
    await rows.filter({ hasText: 'Bob Durand' }).waitFor({ state: 'detached' });
    expect(await rows.filter({ hasText: 'Carol Petit' }).count()).toBe(1);
    expect(await alice.page.getByRole('searchbox', { name: /conversation/i }).count()).toBe(0);
  });

  it('lets an admin deactivate someone, who is signed out at once, and reactivate them', async () => {
    const alice = await signedIn(ALICE);
    const carol = await signedIn(CAROL);
    const carolId = (await callApi<{ id: string }>(carol.page, 'GET', '/api/auth/me')).id;
    await alice.page.goto('/admin/people');
    const row = alice.page.locator(`[data-testid="person-row"][data-user-id="${carolId}"]`);
    await row.getByRole('button', { name: 'Désactiver' }).click();
    await row.getByRole('group').getByRole('button', { name: 'Désactiver' }).click();
    await alice.page
      .locator(`[data-testid="person-row"][data-user-id="${carolId}"][data-active="false"]`)
      .waitFor();
    expect(await row.getByTestId('person-state').textContent()).toBe('Désactivé');
    await expectAccessible(alice.page, 'the people page');

    // Her open page is signed out, and she cannot sign back in.
    await carol.page.waitForURL('**/login', { timeout: 20_000 });
    await signIn(carol.page, accountOf(CAROL));
    await carol.page.getByRole('alert').waitFor();
    expect(carol.page.url()).toContain('/login');

    // Meanwhile nobody is offered her for a new conversation (the API would refuse her).
    await alice.page.goto('/messages/new');
    await alice.page.getByTestId('user-option').filter({ hasText: 'Bob Durand' }).waitFor();
    const carolOffered = alice.page.getByTestId('user-option').filter({ hasText: 'Carol Petit' });
    expect(await carolOffered.count()).toBe(0);

    await alice.page.goto('/admin/people');
    await row.getByRole('button', { name: 'Réactiver' }).click();
    await row.getByTestId('person-state').filter({ hasText: 'Actif' }).waitFor();
    await signIn(carol.page, accountOf(CAROL));
    await carol.page.getByTestId('current-user').waitFor();
  });
});
