import { describe, expect, it } from 'vitest';
import { en, enParts, fr, frParts } from './languages';

function keyPaths(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? keyPaths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

function leaves(tree: object): unknown[] {
  return Object.values(tree).flatMap((value) =>
    typeof value === 'object' && value !== null ? leaves(value) : [value],
  );
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((match) => match[1]).sort();
}

describe('translations', () => {
  it('give each top-level key to one folder only (a second one would silently replace it)', () => {
    for (const parts of [frParts, enParts]) {
      const keys = parts.flatMap((part) => Object.keys(part));
      expect(keys.length).toBe(new Set(keys).size);
    }
  });

  it('have each folder fill both languages with the same keys', () => {
    frParts.forEach((part, index) =>
      expect(keyPaths(enParts[index]!).sort()).toEqual(keyPaths(part).sort()),
    );
  });

  it('have exactly the same keys in French and English', () => {
    expect(keyPaths(en).sort()).toEqual(keyPaths(fr).sort());
  });

  it('have no empty strings', () => {
    for (const messages of [fr, en]) {
      for (const text of leaves(messages))
        expect(typeof text === 'string' && text.trim().length > 0).toBe(true);
    }
  });

  it('use the same interpolation placeholders in both languages', () => {
    const frPaths = keyPaths(fr);
    const at = (tree: object, path: string) =>
      path
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], tree) as string;
    for (const path of frPaths)
      expect(placeholders(at(en, path)), path).toEqual(placeholders(at(fr, path)));
  });
});
