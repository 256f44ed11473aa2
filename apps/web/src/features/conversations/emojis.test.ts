import { isReactionEmoji } from '@mindsp/contracts';
import en from 'emojibase-data/en/compact.json';
import fr from 'emojibase-data/fr/compact.json';
import { describe, expect, it } from 'vitest';
import { QUICK_REACTIONS, searchEmojis, toPickerEmojis } from './emojis';

describe('emoji picker data', () => {
  const french = toPickerEmojis(fr);
  const english = toPickerEmojis(en);

  it('offers quick reactions spelled as the picker spells them (one reaction, not two)', () => {
    const spelled = new Set(french.map((e) => e.unicode));
    for (const emoji of QUICK_REACTIONS) expect(spelled.has(emoji)).toBe(true);
  });

  it('finds emojis by their French or English name and keywords, accents or not', () => {
    expect(searchEmojis(french, 'camion pompier').map((e) => e.unicode)).toContain('🚒');
    expect(searchEmojis(french, 'coeur').map((e) => e.unicode)).toContain('❤️');
    expect(searchEmojis(english, 'fire engine').map((e) => e.unicode)).toEqual(['🚒']);
    expect(searchEmojis(english, 'thumbs up')[0]?.unicode).toBe('👍');
    expect(searchEmojis(english, 'zzzzqx')).toEqual([]);
  });

  it('leaves out skin-tone components, and every emoji offered is one the API accepts', () => {
    expect(english.some((e) => e.unicode === '🏽')).toBe(false);
    expect(english.length).toBeGreaterThan(1800);
    expect(english.filter((e) => !isReactionEmoji(e.unicode)).map((e) => e.unicode)).toEqual([]);
  });
});
