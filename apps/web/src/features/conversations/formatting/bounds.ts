/**
 * What a body may hold to be formatted. The Markdown parser and the tree walks after it recurse
 * once per level of nesting: 4,000 characters of `>` or `1. ` overflowed the browser's stack and
 * took the whole app down for everyone in the conversation, and parsing them took seconds.
 * Parsed, such a body also makes a tree so deep that React's own commit overflows, which no error
 * boundary catches. Real messages nest 3 or 4 deep and hold a few dozen lines; past these bounds a
 * body is shown as typed (see PlainMessageBody), before anything parses it. Within them, the
 * slowest body takes tens of milliseconds to format.
 */
export const FORMATTING_BOUNDS = {
  /** Quotes and list items inside each other on one line, indentation counting 1 per 2 columns. */
  nesting: 10,
  /** Lines with text in them: each can be a block of its own (paragraph, item, quote, fence). */
  blocks: 200,
  /** `*`, `_` and `~`: bold, italics and strikethrough nest no deeper than their count. */
  emphasis: 100,
  /** `[`: links and images (shown as typed, but parsed first) nest no deeper than their count. */
  brackets: 50,
} as const;

/** Whether the body is within FORMATTING_BOUNDS: one pass over its characters, no parsing. */
export function withinFormattingBounds(body: string): boolean {
  let blocks = 0;
  let emphasis = 0;
  let brackets = 0;
  for (const line of body.split('\n')) {
    if (line.trim() === '') continue;
    if (++blocks > FORMATTING_BOUNDS.blocks) return false;
    if (nestingOf(line) > FORMATTING_BOUNDS.nesting) return false;
    for (const char of line) {
      if (char === '*' || char === '_' || char === '~') emphasis += 1;
      else if (char === '[') brackets += 1;
    }
    if (emphasis > FORMATTING_BOUNDS.emphasis || brackets > FORMATTING_BOUNDS.brackets)
      return false;
  }
  return true;
}

/**
 * How deep a line opens containers: its leading quote markers and list markers, plus the
 * indentation before and between them (a nested list item is indented under its parent's text).
 * Counts a little high (`> > >` is 3 quotes and 1 for the spaces): a body near the bound shows
 * as typed rather than risk it.
 */
function nestingOf(line: string): number {
  let markers = 0;
  let columns = 0;
  let pending = 0;
  let at = 0;
  while (at < line.length) {
    const char = line[at];
    if (char === ' ' || char === '\t') {
      pending += char === '\t' ? 4 : 1;
      at += 1;
      continue;
    }
    const end = char === '>' ? at + 1 : listMarkerEnd(line, at);
    if (end === -1) break;
    markers += 1;
    columns += pending;
    pending = 0;
    at = end;
  }
  return markers + Math.floor(columns / 2);
}

/** Where a list marker (`-`, `*`, `+`, `1.`, `1)`) starting at `at` ends, or -1 if none does. */
function listMarkerEnd(line: string, at: number): number {
  let end = at;
  if (line[end] === '-' || line[end] === '*' || line[end] === '+') end += 1;
  else {
    while (end < line.length && end - at < 9 && line[end]! >= '0' && line[end]! <= '9') end += 1;
    if (end === at || (line[end] !== '.' && line[end] !== ')')) return -1;
    end += 1;
  }
  const next = line[end];
  return next === undefined || next === ' ' || next === '\t' ? end : -1;
}
