import { describe, expect, it } from 'vitest';
import { screenshot } from './browser';
import { BOB, peopleSideBySide } from './messaging';
import { expectAccessible } from './accessibility';

describe('notification preferences', () => {
  const { signedIn } = peopleSideBySide();

  it('are saved and shown again after a reload', async () => {
    const bob = await signedIn(BOB);
    await bob.page.goto('/settings/notifications');
    const page = bob.page;
    await page.getByRole('heading', { name: 'Préférences de notification' }).waitFor();

    // An urgent alert cannot be switched off.
    expect(await page.getByLabel('Alertes urgentes : Par e-mail').isDisabled()).toBe(true);
    await page.getByLabel('Nouveaux messages : Par e-mail').setChecked(false);
    await page.getByLabel('Annonces : Dans l’application').setChecked(false);
    await page.getByLabel('Ne pas envoyer d’e-mail pendant les heures calmes').setChecked(true);
    await page.getByLabel('Début').fill('21:30');
    await page.getByLabel('Fin').fill('06:45');
    await page.getByLabel('Fuseau horaire').selectOption('America/Toronto');
    await page.getByLabel('Résumé par e-mail').selectOption('daily');
    await page.getByRole('button', { name: 'Enregistrer' }).click();
    await page.getByRole('status').filter({ hasText: 'Préférences enregistrées.' }).waitFor();

    await page.reload();
    await page.getByLabel('Début').waitFor();
    expect(await page.getByLabel('Nouveaux messages : Par e-mail').isChecked()).toBe(false);
    expect(await page.getByLabel('Nouveaux messages : Dans l’application').isChecked()).toBe(true);
    expect(await page.getByLabel('Annonces : Dans l’application').isChecked()).toBe(false);
    expect(
      await page.getByLabel('Ne pas envoyer d’e-mail pendant les heures calmes').isChecked(),
    ).toBe(true);
    expect(await page.getByLabel('Début').inputValue()).toBe('21:30');
    expect(await page.getByLabel('Fin').inputValue()).toBe('06:45');
    expect(await page.getByLabel('Fuseau horaire').inputValue()).toBe('America/Toronto');
    expect(await page.getByLabel('Résumé par e-mail').inputValue()).toBe('daily');
    await screenshot(page, 'notification-settings');
    await expectAccessible(page, 'the notification settings');
  });
});
