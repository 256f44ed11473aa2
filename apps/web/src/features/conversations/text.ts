/** Pieces of a message body: plain text, or an http(s) link to render as a React element. */
export type BodyPart =
  { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`«»]+/gi;
// Punctuation that ends a sentence more often than a URL ("see https://x.fr/a.").
const TRAILING_PUNCTUATION = /[.,;:!?'")\]}]+$/;

/**
 * Splits a body into text and links. Only http and https become links (never javascript: or
 * data:), and the caller renders each part as text or an <a>: the body is never parsed as HTML.
 */
export function splitLinks(body: string): BodyPart[] {
  const parts: BodyPart[] = [];
  let rest = 0;
  for (const match of body.matchAll(URL_PATTERN)) {
    let trailing = TRAILING_PUNCTUATION.exec(match[0])?.[0] ?? '';
    let url = match[0].slice(0, match[0].length - trailing.length);
    // Keep a closing parenthesis that belongs to the URL (https://fr.wikipedia.org/wiki/Feu_(combustion)).
    while (trailing.startsWith(')') && count(url, '(') > count(url, ')')) {
      url += ')';
      trailing = trailing.slice(1);
    }
    if (!isHttpUrl(url)) continue;
    const start = match.index;
    if (start > rest) parts.push({ kind: 'text', text: body.slice(rest, start) });
    parts.push({ kind: 'link', text: url, href: url });
    rest = start + url.length;
  }
  if (rest < body.length) parts.push({ kind: 'text', text: body.slice(rest) });
  return mergeText(parts);
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function isHttpUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function mergeText(parts: BodyPart[]): BodyPart[] {
  const merged: BodyPart[] = [];
  for (const part of parts) {
    const last = merged.at(-1);
    if (part.kind === 'text' && last?.kind === 'text')
      merged[merged.length - 1] = { kind: 'text', text: last.text + part.text };
    else merged.push(part);
  }
  return merged;
}

/** Pieces of a search highlight: `matched` ones were between « and ». */
export interface HighlightPart {
  text: string;
  matched: boolean;
}

/**
 * Splits the search API's highlight ("la «réunion» de garde") on its markers. An unpaired
 * marker is kept as text, so nothing of the message is lost.
 */
export function splitHighlight(highlight: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  const push = (text: string, matched: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.matched === matched) last.text += text;
    else parts.push({ text, matched });
  };
  let rest = highlight;
  while (rest) {
    const open = rest.indexOf('«');
    const close = open === -1 ? -1 : rest.indexOf('»', open + 1);
    if (open === -1 || close === -1) {
      push(rest, false);
      break;
    }
    push(rest.slice(0, open), false);
    push(rest.slice(open + 1, close), true);
    rest = rest.slice(close + 1);
  }
  return parts;
}
