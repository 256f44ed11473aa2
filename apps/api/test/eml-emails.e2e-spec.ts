import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NotificationPage } from '@mindsp/contracts';
import { simpleParser } from 'mailparser';
import { renderNotificationEmail } from '../src/notifications/email-templates';
import { startApp, type TestApp } from './app';
import { as, freshTenant } from './messaging';
import { waitForIdleQueues } from './queues-idle';
import { waitFor } from './wait-for';
import {
  forgetEarlierSuitesWork,
  startWorker,
  stopWorker,
  type WorkerProcess,
} from './worker-process';

const EMAIL_DIR = mkdtempSync(join(tmpdir(), 'mindsp-emails-'));
const PUBLIC_URL = 'https://sdis.example/mindsp';

// README, "Queues": "Without `SMTP_URL` (development) every email is written to
// `.data/emails/<job id>.eml` at the repository root (`EMAIL_DIR`): open it with any mail program."
describe('emails without SMTP_URL', () => {
  let t: TestApp;
  let worker: WorkerProcess;

  beforeAll(async () => {
    // The run's environment sets no SMTP_URL: this worker has none.
    expect(process.env.SMTP_URL).toBeUndefined();
    t = await startApp();
    await forgetEarlierSuitesWork(t.db);
    worker = await startWorker({ EMAIL_DIR, PUBLIC_URL });
  });
  afterAll(async () => {
    await stopWorker(worker);
    await t?.close();
    rmSync(EMAIL_DIR, { recursive: true, force: true });
  });

  it('writes each email as <job id>.eml in EMAIL_DIR, a message any mail program reads', async () => {
    const [alice, bob] = await freshTenant(t, 'Alice Martin', 'Bob Durand');
    const [{ email: address }] = await t.db.query(`SELECT email FROM users WHERE id = $1`, [
      bob!.id,
    ]);
    const { announcementId } = (
      await as(t, alice!)
        .post('/api/admin/announcements')
        .send({ title: 'Exercice incendie', body: 'Rendez-vous à 8 h au centre' })
        .expect(201)
    ).body as { announcementId: string };
    const jobId = `email-${bob!.id}-announcement-${announcementId}-0`;
    await waitFor(() => readdirSync(EMAIL_DIR).includes(`${jobId}.eml`), 20_000, 'the .eml file');
    // Written before its job completes: once the queues are idle the file is whole.
    await waitForIdleQueues(t.db);
    // One email, Bob's (Alice sent the announcement and is not told of it).
    expect(readdirSync(EMAIL_DIR)).toEqual([`${jobId}.eml`]);

    const mail = await simpleParser(readFileSync(join(EMAIL_DIR, `${jobId}.eml`)));
    const [notification] = (
      (await as(t, bob!).get('/api/notifications').expect(200)).body as NotificationPage
    ).items;
    const expected = renderNotificationEmail('fr', PUBLIC_URL, notification!);
    expect({
      from: mail.from?.value,
      to: (Array.isArray(mail.to) ? mail.to : [mail.to]).flatMap((to) => to?.value),
      subject: mail.subject,
      messageId: mail.messageId,
      text: mail.text,
      html: mail.html,
    }).toEqual({
      from: [{ name: 'MindSP Messaging', address: 'no-reply@mindsp.local' }],
      to: [{ name: '', address }],
      subject: 'Exercice incendie',
      messageId: `<${jobId}@mindsp.local>`,
      text: expected.text,
      html: expected.html,
    });
    expect(mail.text).toContain('Rendez-vous à 8 h au centre');
  });
});
