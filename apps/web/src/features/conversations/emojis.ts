import { type Locale, normalizeReactionEmoji } from '@mindsp/contracts';
import type { CompactEmoji } from 'emojibase';

/**
 * The picker's emojis come from emojibase-data (the CLDR names and keywords, in French and
 * English), loaded when the picker first opens: 600 kB a language stays out of the app's bundle.
 */
export interface PickerEmoji {
  unicode: string;
  label: string;
  /** Label and keywords, lower case without accents: what a search matches. */
  words: string[];
}

/** One tap away under every message. Spelled as the API stores them (`normalizeReactionEmoji`). */
export const QUICK_REACTIONS = [
  '\u{1F44D}', // 👍
  '\u{2764}\u{FE0F}', // ❤️
  '\u{1F602}', // 😂
  '\u{1F62E}', // 😮
  '\u{1F622}', // 😢
  '\u{1F64F}', // 🙏
  '\u{1F525}', // 🔥
  '\u{2705}', // ✅
] as const;

/** Emojibase's group of skin-tone and hair components: parts of emojis, not emojis to pick. */
const COMPONENT_GROUP = 2;

const loaders: Record<Locale, () => Promise<{ default: CompactEmoji[] }>> = {
  fr: () => import('emojibase-data/fr/compact.json'),
  en: () => import('emojibase-data/en/compact.json'),
};

const loaded = new Map<Locale, Promise<PickerEmoji[]>>();

/** Lower case, without accents, ligatures spelled out: "Cœur" and "coeur" are one word. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae');
}

export function toPickerEmojis(data: CompactEmoji[]): PickerEmoji[] {
  return data
    .filter((emoji) => emoji.group !== undefined && emoji.group !== COMPONENT_GROUP)
    .sort((a, b) => (a.order ?? 0) - (b.order ?? 0))
    .flatMap((emoji) => {
      // Emojibase adds a U+FE0F to some (👍️): offered as the API stores them, one reaction, not two.
      const unicode = normalizeReactionEmoji(emoji.unicode);
      if (unicode === null) return [];
      const words = [emoji.label, ...(emoji.tags ?? []), ...(emoji.shortcodes ?? [])].map(fold);
      return [{ unicode, label: emoji.label, words }];
    });
}

export function loadEmojis(locale: Locale): Promise<PickerEmoji[]> {
  let emojis = loaded.get(locale);
  if (!emojis) {
    emojis = loaders[locale]().then((module) => toPickerEmojis(module.default));
    // A failed load (offline) is tried again next time the picker opens.
    emojis.catch(() => loaded.delete(locale));
    loaded.set(locale, emojis);
  }
  return emojis;
}

/**
 * Emojis whose name or a keyword starts with each word typed ("cam pom" finds the fire engine),
 * in emojibase's order; at most `limit`.
 */
export function searchEmojis(emojis: PickerEmoji[], query: string, limit = 64): PickerEmoji[] {
  const typed = fold(query).split(/\s+/).filter(Boolean);
  if (!typed.length) return emojis.slice(0, limit);
  const found: PickerEmoji[] = [];
  for (const emoji of emojis) {
    const words = emoji.words.flatMap((w) => w.split(/[\s:_-]+/));
    if (typed.every((part) => words.some((word) => word.startsWith(part)))) found.push(emoji);
    if (found.length === limit) break;
  }
  return found;
}
