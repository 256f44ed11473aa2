import { MESSAGING_LIMITS } from '@mindsp/contracts';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MessageBody } from '../components/MessageBody';
import { FORMATTING_BOUNDS, withinFormattingBounds } from './bounds';
import { fuzzedBodies, nestedBodies } from './nestedBodies';

const render = (body: string) => renderToStaticMarkup(<MessageBody body={body} mine={false} />);
/** The body's text as shown, without its wrapper and paragraph. */
const shown = (body: string) =>
  render(body)
    .replace(/^<div[^>]*><p[^>]*>/, '')
    .replace(/<\/p><\/div>$/, '');

// Hundreds of renders each: a loaded machine takes far longer than vitest's 5 s default. Time is
// printed, never asserted; the bound here only stops a hang.
const MANY_RENDERS = { timeout: 120_000 };

describe('formatting bounds', () => {
  it('generates bodies as long as the API takes', () => {
    for (const body of Object.values(nestedBodies()))
      expect(body.length).toBe(MESSAGING_LIMITS.bodyMaxLength);
  });

  it(
    'renders every kind of generated nesting, at every length up to 4,000, without throwing',
    MANY_RENDERS,
    () => {
      render('**Départ** à _7 h_'); // Compiled once before anything is timed.
      let slowest = { ms: 0, kind: '' };
      for (const length of [10, 30, 100, 300, 1000, MESSAGING_LIMITS.bodyMaxLength])
        for (const [kind, body] of Object.entries(nestedBodies(length))) {
          const start = performance.now();
          expect(() => render(body), `${kind} × ${length}`).not.toThrow();
          const ms = performance.now() - start;
          if (ms > slowest.ms) slowest = { ms, kind: `${kind} × ${length}` };
        }
      // Measured, not asserted: the slowest body to format.
      console.info(`slowest generated body: ${slowest.kind}, ${slowest.ms.toFixed(0)} ms`);
    },
  );

  it('renders seeded random mixes of nesting without throwing', MANY_RENDERS, () => {
    let formatted = 0;
    const mixes = [
      { seed: 1, depth: 200, inline: 60 },
      { seed: 2, depth: 12, inline: 20 },
      { seed: 3, depth: 6, inline: 8, length: 1000 },
    ];
    for (const mix of mixes)
      for (const [index, body] of fuzzedBodies(40, mix).entries()) {
        expect(() => render(body), `fuzzed body ${index} of ${JSON.stringify(mix)}`).not.toThrow();
        if (withinFormattingBounds(body)) formatted += 1;
      }
    // Some went through the parser, not all around it.
    expect(formatted).toBeGreaterThan(0);
  });

  it('shows a body past the bounds as typed: its text, no formats, no links', () => {
    const { quotes, ordered, emphasis } = nestedBodies();
    for (const body of [quotes, ordered, emphasis]) {
      expect(withinFormattingBounds(body)).toBe(false);
      expect(shown(body)).toBe(body.replaceAll('>', '&gt;'));
    }
    const deep = `${'> '.repeat(40)}**gras** https://sdis.example <b>x</b>`;
    expect(shown(deep)).toBe(
      `${'&gt; '.repeat(40)}**gras** https://sdis.example &lt;b&gt;x&lt;/b&gt;`,
    );
  });

  it('still formats what real messages hold, up to the bounds', () => {
    const nested = '- Engins\n  - FPT\n    - Équipage\n> > > Cité trois fois';
    expect(withinFormattingBounds(nested)).toBe(true);
    expect(render(nested)).toContain('<blockquote');
    const atBound = `${'>'.repeat(FORMATTING_BOUNDS.nesting)} au plus profond`;
    expect(withinFormattingBounds(atBound)).toBe(true);
    expect(withinFormattingBounds(`>${atBound}`)).toBe(false);
    const indented = Array.from({ length: 12 }, (_, i) => `${'  '.repeat(i)}- niveau ${i}`);
    expect(withinFormattingBounds(indented.slice(0, 10).join('\n'))).toBe(true);
    expect(withinFormattingBounds(indented.join('\n'))).toBe(false);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `ligne ${i}`).join('\n');
    expect(withinFormattingBounds(lines(FORMATTING_BOUNDS.blocks))).toBe(true);
    expect(withinFormattingBounds(lines(FORMATTING_BOUNDS.blocks + 1))).toBe(false);
    const bold = (n: number) => '**a** '.repeat(n);
    expect(withinFormattingBounds(bold(FORMATTING_BOUNDS.emphasis / 4))).toBe(true);
    expect(withinFormattingBounds(bold(FORMATTING_BOUNDS.emphasis / 4 + 1))).toBe(false);
    const tasks = (n: number) => '- [ ] tâche\n'.repeat(n);
    expect(withinFormattingBounds(tasks(FORMATTING_BOUNDS.brackets))).toBe(true);
    expect(withinFormattingBounds(tasks(FORMATTING_BOUNDS.brackets + 1))).toBe(false);
  });
});
