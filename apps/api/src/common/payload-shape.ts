/**
 * Bounds a parsed JSON document before anything walks it recursively (class-transformer,
 * class-validator, JSON.stringify): 15,000 levels of nesting overflowed the stack (a 500, or an
 * `internal` ack), and a key named `__proto__` replaced the DTO's prototype, which skipped its
 * validation altogether.
 */

/** Deepest nesting accepted (our bodies and payloads are 2 deep). */
export const MAX_DEPTH = 10;
/** Most keys and array items, all levels together (a group's 200 member ids fit). */
export const MAX_ENTRIES = 1000;
/** Keys that reach an object's prototype instead of a field. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with the document's shape, or null. Iterative: the depth is not known yet. */
export function shapeProblem(document: unknown): string | null {
  let entries = 0;
  const pending: [unknown, number][] = [[document, 0]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= MAX_DEPTH) return `nested over ${MAX_DEPTH} levels deep`;
    const keys = Object.keys(value);
    entries += keys.length;
    if (entries > MAX_ENTRIES) return `over ${MAX_ENTRIES} fields and items`;
    for (const key of keys) {
      if (PROTOTYPE_KEYS.has(key)) return `a field named ${key}`;
      pending.push([(value as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return null;
}
