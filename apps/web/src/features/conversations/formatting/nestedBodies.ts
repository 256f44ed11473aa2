/*
 * Message bodies built to break a Markdown formatter: each nesting construct repeated up to the
 * longest body the API takes, and seeded random mixes of them. The formatter's unit tests and
 * the browser test (e2e/hostile-messages.e2e.ts) both send these; nothing in the app imports it.
 */

// The longest body the API takes (MESSAGING_LIMITS.bodyMaxLength, checked in bounds.test.ts):
// written out, because the browser tests import this file without the app's module aliases.
const MAX = 4000;

const fill = (unit: string, length = MAX) =>
  unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
/** `open` × n, `middle`, `close` × n, as deep as `length` allows (text after, to the full length). */
const around = (open: string, middle: string, close: string, length = MAX) => {
  const n = Math.max(0, Math.floor((length - middle.length) / (open.length + close.length)));
  return (open.repeat(n) + middle + close.repeat(n)).padEnd(length, 'a').slice(0, length);
};

/** One construct each, nested (or repeated) as deep as the body allows. */
export function nestedBodies(length = MAX): Record<string, string> {
  const lines = (line: (i: number) => string) => {
    let body = '';
    for (let i = 0; body.length < length; i++) body += line(i) + '\n';
    return body.slice(0, length);
  };
  return {
    quotes: fill('>', length),
    spacedQuotes: fill('> ', length),
    quotesOnLines: lines((i) => '>'.repeat(i) + ' a'),
    bullets: fill('- ', length),
    stars: fill('* ', length),
    pluses: fill('+ ', length),
    ordered: fill('1. ', length),
    orderedParens: fill('9) ', length),
    indentedList: lines((i) => '  '.repeat(i) + '- a'),
    indentedOrdered: lines((i) => '   '.repeat(i) + '1. a'),
    quotedLists: fill('> - ', length),
    listedQuotes: fill('- > ', length),
    quotedOrdered: fill('> 1. ', length),
    emphasis: around('*', 'a', '*', length),
    underscores: around('_', 'a', '_', length),
    strong: around('**', 'a', '**', length),
    strike: around('~~', 'a', '~~', length),
    mixedEmphasis: around('*_~', 'a', '~_*', length),
    spacedEmphasis: around('*a ', 'a', ' a*', length),
    linksInLinks: around('[a ', 'https://a.fr', '](https://a.fr)', length),
    brackets: around('[', 'a', ']', length),
    autolinks: fill('<https://a.fr> ', length),
    images: around('![', 'a', '](https://a.fr/x.png)', length),
    fences: fill('```\n', length),
    fencesInLists: lines((i) => '  '.repeat(i) + '- ```'),
    backticks: around('`', 'a', '`', length),
    headings: fill('# ', length),
    headingLines: lines((i) => '#'.repeat((i % 6) + 1) + ' a'),
    tableColumns: fill('|a', length / 2) + '\n' + fill('|-', length / 2 - 1),
    tableRows: '|a|b|\n|-|-|\n' + fill('|a|b|\n', length - 12),
    paragraphs: fill('a\n\n', length),
    breaks: fill('a\n', length),
    html: around('<div>', 'a', '</div>', length),
    references: fill('[a]: https://a.fr\n', length),
    mentions: fill('<@00000000-0000-4000-8000-000000000000> ', length),
  };
}

// A small seeded generator (mulberry32): the same bodies on every run, so a failure repeats.
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = ['>', '> ', '- ', '* ', '+ ', '1. ', '2) ', '  ', '   ', '    ', '\t'];
const INLINES = [
  '*',
  '**',
  '_',
  '__',
  '~~',
  '[',
  '](https://a.fr)',
  ']',
  '`',
  '```',
  '#',
  '|',
  '<',
  'a',
  ' ',
  'https://a.fr',
  '\\',
];

/**
 * `count` random mixes: lines that open with a run of up to `depth` container prefixes (quotes,
 * list markers, indentation) and go on with up to `inline` delimiters and words, so nesting of every kind
 * interleaves. Small ones keep most of them within the formatter's bounds, so parsed.
 */
export function fuzzedBodies(
  count: number,
  { seed = 17, depth = 200, inline = 60, length = MAX } = {},
): string[] {
  const next = random(seed);
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!;
  return Array.from({ length: count }, () => {
    let body = '';
    while (body.length < length) {
      const prefixes = Math.floor(next() * depth);
      for (let i = 0; i < prefixes; i++) body += pick(PREFIXES);
      const inlines = Math.floor(next() * inline);
      for (let i = 0; i < inlines; i++) body += pick(INLINES);
      body += next() < 0.8 ? '\n' : '\n\n';
    }
    return body.slice(0, length);
  });
}
