import type { NotificationSettings } from '@mindsp/contracts';
import { startApp, type TestApp } from './app';
import { as, freshTenant, type Person } from './messaging';

// `POST /api/settings/notifications`, the route the seed names (the same as PUT), with valid input:
// what it answers is what was saved, and what GET gives back afterwards; nobody else's changes.
describe('POST /api/settings/notifications', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t?.close());

  const settingsOf = async (who: Person) =>
    (await as(t, who).get('/api/settings/notifications').expect(200)).body as NotificationSettings;

  it('saves valid settings, answers them, and GET returns them; other members keep theirs', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const defaults = await settingsOf(bob!);
    expect(await settingsOf(alice!)).toEqual(defaults);

    const chosen: NotificationSettings = {
      types: {
        ...defaults.types,
        message: { inApp: true, email: false },
        mention: { inApp: true, email: true },
        system: { inApp: false, email: false },
      },
      quietHours: { enabled: true, start: '21:30', end: '06:15', timeZone: 'America/Toronto' },
      emailDigest: 'daily',
    };
    const saved = await as(t, bob!).post('/api/settings/notifications').send(chosen);
    expect([saved.status, saved.body]).toEqual([200, chosen]);
    expect(await settingsOf(bob!)).toEqual(chosen);

    // A second POST replaces the first.
    const changed: NotificationSettings = {
      ...chosen,
      quietHours: { ...chosen.quietHours, enabled: false },
      emailDigest: 'off',
    };
    const again = await as(t, bob!).post('/api/settings/notifications').send(changed);
    expect([again.status, again.body]).toEqual([200, changed]);
    expect(await settingsOf(bob!)).toEqual(changed);

    expect(await settingsOf(alice!)).toEqual(defaults);
  });
});
