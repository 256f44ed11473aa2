import { renderDigestEmail, renderNotificationEmail } from './email-templates';

const WEB = 'https://mindsp.example';
const hostile = '<img src=x onerror=alert(1)> & "quotes"';

describe('email templates', () => {
  it('escape every user-provided string in the HTML part, and keep it as typed in the text part', () => {
    const email = renderNotificationEmail('fr', WEB, {
      title: `Annonce ${hostile}`,
      body: `Ligne 1\n${hostile}`,
      actionUrl: '/messages/1',
    });
    expect(email.html).not.toContain('<img');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;');
    expect(email.html).toContain('Ligne 1<br>');
    expect(email.text).toContain(hostile);
    expect(email.text).toContain(`Ouvrir dans MindSP: ${WEB}/messages/1`);
    expect(email.subject).toBe(`Annonce ${hostile}`);
  });

  it('speak the recipient’s language, and mark urgent alerts', () => {
    const email = renderNotificationEmail(
      'en',
      WEB,
      { title: 'Fire', body: 'Now', actionUrl: null },
      true,
    );
    expect(email.subject).toBe('[URGENT ALERT] Fire');
    expect(email.html).toContain('<html lang="en">');
    expect(email.text).toContain(`Open in MindSP: ${WEB}/notifications`);
    expect(email.text).toContain('notification preferences');
  });

  it('keep the path of a public URL served under a folder, and never leave its origin', () => {
    const email = renderNotificationEmail('en', 'https://sdis.example/mindsp/', {
      title: 'Fire',
      body: 'Now',
      actionUrl: '//elsewhere.example/messages/1',
    });
    expect(email.text).toContain(
      'Open in MindSP: https://sdis.example/mindsp/elsewhere.example/messages/1',
    );
    expect(email.html).toContain('href="https://sdis.example/mindsp/settings/notifications"');
  });

  it('summarise several notifications in one digest', () => {
    const email = renderDigestEmail('fr', WEB, [
      { title: 'Un', body: 'a', actionUrl: null },
      { title: `Deux ${hostile}`, body: 'b', actionUrl: null },
    ]);
    expect(email.subject).toBe('MindSP : 2 notifications');
    expect(email.html).not.toContain('<img');
    expect(email.text).toContain('Un');
    expect(email.text).toContain(`Deux ${hostile}`);
  });
});
