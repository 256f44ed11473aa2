import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { resources } from '../app/languages';
import { ApiRequestError, NetworkError } from './api';
import { formatWait, retryAfterOf, waitDuration } from './retryAfter';
import { SocketAckError } from './socket';

async function translator(lng: 'fr' | 'en') {
  const i18n = createInstance();
  await i18n.init({
    lng,
    resources,
    interpolation: { escapeValue: false },
  });
  return i18n.t;
}

describe('waitDuration', () => {
  it('keeps seconds under a minute, minutes under an hour, then hours', () => {
    expect(waitDuration(8)).toEqual({ unit: 'seconds', count: 8 });
    expect(waitDuration(900)).toEqual({ unit: 'minutes', count: 15 });
    expect(waitDuration(7_200)).toEqual({ unit: 'hours', count: 2 });
  });

  it('rounds up, never promising less than the server asked', () => {
    expect(waitDuration(0.2)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitDuration(0)).toEqual({ unit: 'seconds', count: 1 });
    expect(waitDuration(61)).toEqual({ unit: 'minutes', count: 2 });
    expect(waitDuration(3_601)).toEqual({ unit: 'hours', count: 2 });
  });
});

describe('the wait as the user reads it', () => {
  it('in French', async () => {
    const t = await translator('fr');
    expect(t('login.errors.tooManyAttemptsFor', { wait: formatWait(900, t) })).toBe(
      'Trop de tentatives : réessayez dans 15 min',
    );
    expect(t('conversation.rateLimited', { wait: formatWait(8, t) })).toBe(
      'Trop de messages : réessayez dans 8 s',
    );
  });

  it('in English', async () => {
    const t = await translator('en');
    expect(t('login.errors.tooManyAttemptsFor', { wait: formatWait(900, t) })).toBe(
      'Too many attempts: try again in 15 min',
    );
    expect(t('conversation.rateLimited', { wait: formatWait(8, t) })).toBe(
      'Too many messages: try again in 8 s',
    );
  });
});

describe('retryAfterOf', () => {
  it('reads the wait of a REST 429 and of a rate_limited ack', () => {
    expect(retryAfterOf(new ApiRequestError(429, 'Too Many Requests', undefined, 900))).toBe(900);
    expect(
      retryAfterOf(
        new SocketAckError({ code: 'rate_limited', message: 'slow down', retryAfterSeconds: 8 }),
      ),
    ).toBe(8);
  });

  it('has none for other errors', () => {
    expect(retryAfterOf(new ApiRequestError(400, 'Bad Request', undefined, 900))).toBeUndefined();
    expect(retryAfterOf(new SocketAckError({ code: 'forbidden', message: 'no' }))).toBeUndefined();
    expect(retryAfterOf(new NetworkError())).toBeUndefined();
  });
});
